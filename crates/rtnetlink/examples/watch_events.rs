//! Prints link, address and route changes as they happen, like `ip
//! monitor link address route`, until Ctrl-C or `--count N` events. An
//! overrun (events lost because this program fell behind) gets a line of
//! its own: a program mirroring kernel state would dump it again there.
//!
//! ```text
//! cargo run -p rtnetlink --example watch_events -- --count 10
//! cargo run -p rtnetlink --example watch_events -- --netns blue
//! ```

use rtnetlink::monitor::{Event, Groups, Monitor};
use rtnetlink::packet::RouteNetlinkMessage as M;
use rtnetlink::{Error, Namespace};

fn usage() -> ! {
    eprintln!("usage: watch_events [--count N] [--netns NAME]");
    std::process::exit(2);
}

fn describe(message: &M) -> String {
    match message {
        M::NewLink(l) | M::DelLink(l) => format!(
            "link {}: {} kind {:?} <{}>",
            l.header.index,
            l.name().unwrap_or("?"),
            l.kind(),
            l.header.flags.names().join(",")
        ),
        M::NewAddress(a) | M::DelAddress(a) => format!(
            "address {:?}/{} on link {}",
            a.address(),
            a.header.prefix_len,
            a.header.index
        ),
        M::NewRoute(r) | M::DelRoute(r) => format!(
            "route {:?}/{} table {} via {:?} dev {:?}",
            r.destination(),
            r.header.dst_len,
            r.table(),
            r.gateway(),
            r.oif()
        ),
        other => format!("{other:?}"),
    }
}

fn verb(message: &M) -> &'static str {
    match message {
        M::DelLink(_) | M::DelAddress(_) | M::DelRoute(_) => "deleted",
        _ => "new",
    }
}

fn main() -> Result<(), Error> {
    let mut count = None;
    let mut namespace = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--count" => {
                count = Some(
                    args.next()
                        .and_then(|n| n.parse::<usize>().ok())
                        .unwrap_or_else(|| usage()),
                )
            }
            "--netns" => namespace = Some(args.next().unwrap_or_else(|| usage())),
            _ => usage(),
        }
    }
    let groups = Groups::links_addresses_routes();
    let monitor = match &namespace {
        Some(name) => Monitor::new_in_namespace(&Namespace::Named(name.clone()), &groups)?,
        None => Monitor::new(&groups)?,
    };
    // Ctrl-C ends the process; nothing needs undoing.
    for (seen, event) in monitor.enumerate() {
        match event? {
            Event::Message(message) => println!("{} {}", verb(&message), describe(&message)),
            Event::Overrun => {
                println!("OVERRUN: events were lost; dump links, addresses and routes again")
            }
            Event::Invalid(error) => println!("undecodable event: {error}"),
            Event::Control(message) => println!("control message: {message:?}"),
        }
        if count.is_some_and(|n| seen + 1 >= n) {
            break;
        }
    }
    Ok(())
}
