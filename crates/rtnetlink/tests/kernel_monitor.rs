//! Monitoring against the kernel: changes made with `ip` arrive as typed
//! events, in order, through the blocking monitor and the tokio stream;
//! an overflowing receive buffer shows as an overrun and later events
//! still come; a monitor opened in a named namespace sees that namespace.
//! Needs root; never skipped.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use futures::StreamExt;
use netlink_testkit::{in_new_netns, ip, ip_batch};
use rtnetlink::monitor::{tokio::new_monitor, Event, Groups, Monitor};
use rtnetlink::packet::RouteNetlinkMessage as M;
use rtnetlink::{netns, Namespace};

/// How long to wait for the next event before deciding none will come.
const QUIET: Duration = Duration::from_millis(500);

type Check = (&'static str, fn(&M) -> bool);

fn is_link(m: &M, new: bool, name: &str) -> bool {
    match m {
        M::NewLink(l) if new => l.name() == Some(name),
        M::DelLink(l) if !new => l.name() == Some(name),
        _ => false,
    }
}

fn is_address(m: &M, new: bool, ip: IpAddr) -> bool {
    match m {
        M::NewAddress(a) if new => a.address() == Some(ip),
        M::DelAddress(a) if !new => a.address() == Some(ip),
        _ => false,
    }
}

fn is_route(m: &M, new: bool) -> bool {
    let dst = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 0));
    match m {
        M::NewRoute(r) if new => r.destination() == Some(dst) && r.header.dst_len == 24,
        M::DelRoute(r) if !new => r.destination() == Some(dst) && r.header.dst_len == 24,
        _ => false,
    }
}

const ADDRESS: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));

/// What the scenario must produce, in this order (other events may come
/// in between).
const EXPECTED: &[Check] = &[
    ("RTM_NEWLINK m0", |m| is_link(m, true, "m0")),
    ("RTM_NEWADDR 192.0.2.1", |m| is_address(m, true, ADDRESS)),
    ("RTM_NEWROUTE 198.51.100.0/24", |m| is_route(m, true)),
    ("RTM_DELROUTE 198.51.100.0/24", |m| is_route(m, false)),
    ("RTM_DELADDR 192.0.2.1", |m| is_address(m, false, ADDRESS)),
    ("RTM_DELLINK m0", |m| is_link(m, false, "m0")),
];

fn scenario() {
    ip("link add m0 type veth peer name m1");
    ip("link set m0 up");
    ip("address add 192.0.2.1/24 dev m0");
    ip("route add 198.51.100.0/24 dev m0");
    ip("route del 198.51.100.0/24 dev m0");
    ip("address del 192.0.2.1/24 dev m0");
    ip("link del m0");
}

/// Checks that `events` hold every expected notification in order, and
/// nothing lost or undecodable.
fn check_in_order(events: &[Event]) {
    let mut expected = EXPECTED.iter().peekable();
    for event in events {
        match event {
            Event::Message(message) => {
                if let Some((_, check)) = expected.peek() {
                    if check(message) {
                        expected.next();
                    }
                }
            }
            other => panic!("unexpected {other:?} in {events:#?}"),
        }
    }
    if let Some((what, _)) = expected.next() {
        panic!("{what} missing or out of order in {events:#?}");
    }
}

fn drain_blocking(monitor: &mut Monitor) -> Vec<Event> {
    let mut events = Vec::new();
    while let Some(event) = monitor.next_event(Some(QUIET)).unwrap() {
        events.push(event);
    }
    events
}

#[test]
fn blocking_events_in_order() {
    in_new_netns(|| {
        let mut monitor = Monitor::new(&Groups::links_addresses_routes()).unwrap();
        scenario();
        check_in_order(&drain_blocking(&mut monitor));
    });
}

#[test]
fn blocking_iterator_and_requests_between_events() {
    in_new_netns(|| {
        let mut monitor = Monitor::new(&Groups::links()).unwrap();
        ip("link add it0 type bridge");
        // A request on the monitor's socket: the event waits in the queue.
        let links = monitor
            .handle()
            .execute(rtnetlink::link::LinkGet::dump())
            .unwrap();
        assert!(links.iter().any(|l| l.name() == Some("it0")));
        let first = monitor.next().unwrap().unwrap();
        assert!(is_link(first.message().unwrap(), true, "it0"), "{first:?}");
    });
}

fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn drain_stream(events: &mut rtnetlink::monitor::tokio::EventStream) -> Vec<Event> {
    let mut got = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(QUIET, events.next()).await {
        got.push(event);
    }
    got
}

#[test]
fn tokio_events_in_order() {
    in_new_netns(|| {
        let runtime = tokio_runtime();
        let (connection, _handle, mut events) =
            new_monitor(&Groups::links_addresses_routes()).unwrap();
        runtime.spawn(connection);
        scenario();
        check_in_order(&runtime.block_on(drain_stream(&mut events)));
    });
}

/// Many address notifications into a receive buffer far too small for
/// them; `ip -batch` makes them while nobody reads.
fn flood() {
    let lines: String = (0..400)
        .map(|i| format!("address add 10.9.{}.{}/32 dev lo\n", i / 200, i % 200 + 1))
        .collect();
    ip_batch(&lines);
}

const MARKER: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 255, 0, 1));

/// An overrun among `before`; the marker address, added after, in `after`.
fn check_overrun(before: &[Event], after: &[Event]) {
    assert!(
        before.iter().any(Event::is_overrun),
        "no overrun in {} events",
        before.len()
    );
    assert!(
        before
            .iter()
            .all(|e| matches!(e, Event::Overrun | Event::Message(_))),
        "{before:?}"
    );
    assert!(
        after
            .iter()
            .any(|e| e.message().is_some_and(|m| is_address(m, true, MARKER))),
        "marker missing after the overrun: {after:?}"
    );
}

#[test]
fn blocking_overrun_then_events() {
    in_new_netns(|| {
        let mut monitor = Monitor::new(&Groups::addresses()).unwrap();
        monitor.socket().set_recv_buffer_size(1).unwrap();
        flood();
        let before = drain_blocking(&mut monitor);
        ip("address add 10.255.0.1/32 dev lo");
        let after = drain_blocking(&mut monitor);
        check_overrun(&before, &after);
    });
}

#[test]
fn tokio_overrun_then_events() {
    in_new_netns(|| {
        let runtime = tokio_runtime();
        let (connection, _handle, mut events) = new_monitor(&Groups::addresses()).unwrap();
        connection
            .socket()
            .unwrap()
            .set_recv_buffer_size(1)
            .unwrap();
        runtime.spawn(connection);
        // The runtime does not run while `ip` floods the socket.
        flood();
        let before = runtime.block_on(drain_stream(&mut events));
        ip("address add 10.255.0.1/32 dev lo");
        let after = runtime.block_on(drain_stream(&mut events));
        check_overrun(&before, &after);
    });
}

#[test]
fn monitor_in_named_namespace() {
    let name = format!("rtnl-monitor-{}", std::process::id());
    struct Guard(String);
    impl Drop for Guard {
        fn drop(&mut self) {
            let _ = netns::delete(&self.0);
        }
    }
    let _guard = Guard(name.clone());
    let ns = netns::create(&name).unwrap();
    let mut monitor = Monitor::new_in_namespace(&ns, &Groups::links()).unwrap();
    let runtime = tokio_runtime();
    let (connection, _handle, mut events) = rtnetlink::monitor::tokio::new_monitor_in_namespace(
        &Namespace::Named(name.clone()),
        &Groups::all(),
    )
    .unwrap();
    runtime.spawn(connection);
    ip(&format!("-n {name} link add nsm0 type bridge"));
    let seen = drain_blocking(&mut monitor);
    assert!(
        seen.iter()
            .any(|e| e.message().is_some_and(|m| is_link(m, true, "nsm0"))),
        "{seen:?}"
    );
    let seen = runtime.block_on(drain_stream(&mut events));
    assert!(
        seen.iter()
            .any(|e| e.message().is_some_and(|m| is_link(m, true, "nsm0"))),
        "{seen:?}"
    );
}
