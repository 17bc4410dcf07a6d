//! Adds a weighted multipath route and prints it back, inside a fresh
//! network namespace of its own (nothing on the host changes). Needs root
//! (CAP_SYS_ADMIN for the namespace, CAP_NET_ADMIN for links and routes).
//!
//! ```text
//! sudo cargo run -p rtnetlink --example multipath_route
//! ```

use std::net::{IpAddr, Ipv4Addr};

use rtnetlink::address::AddressAdd;
use rtnetlink::blocking::Handle;
use rtnetlink::link::{LinkAdd, LinkGet};
use rtnetlink::packet::route::RouteProtocol;
use rtnetlink::route::{MultipathHop, RouteAdd, RouteDump, RouteGet};
use rtnetlink::Error;

/// A veth pair `name`/`peer`, up, with `ip/24` on `name`; its index.
fn uplink(handle: &mut Handle, name: &str, peer: &str, ip: Ipv4Addr) -> Result<u32, Error> {
    handle.execute(LinkAdd::veth(name, peer).up())?;
    let link = handle.execute(LinkGet::by_name(name))?;
    let index = u32::try_from(link.header.index)
        .map_err(|_| Error::Decode(format!("negative ifindex of {name}")))?;
    handle.execute(AddressAdd::new(index, IpAddr::V4(ip), 24))?;
    Ok(index)
}

fn run() -> Result<(), Error> {
    let mut handle = Handle::new()?;
    let a = uplink(
        &mut handle,
        "uplink-a",
        "peer-a",
        Ipv4Addr::new(192, 0, 2, 1),
    )?;
    let b = uplink(
        &mut handle,
        "uplink-b",
        "peer-b",
        Ipv4Addr::new(198, 51, 100, 1),
    )?;

    // 3 flows out of 4 through uplink-a, 1 through uplink-b.
    let gateway_a = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 254));
    let gateway_b = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 254));
    handle.execute(
        RouteAdd::new(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 0)), 24)
            .protocol(RouteProtocol::Static)
            .next_hop(MultipathHop::via_gateway(gateway_a).dev(a).weight(3))
            .next_hop(MultipathHop::via_gateway(gateway_b).dev(b).weight(1)),
    )?;

    let names = [(a, "uplink-a"), (b, "uplink-b")];
    let name = |index: i32| {
        names
            .iter()
            .find(|(i, _)| i64::from(*i) == i64::from(index))
            .map_or("?", |(_, n)| n)
    };
    for route in handle.execute(RouteDump::new().ipv4().protocol(RouteProtocol::Static))? {
        let dst = route
            .destination()
            .map_or("default".into(), |d| d.to_string());
        println!(
            "{dst}/{} table {} proto static",
            route.header.dst_len,
            route.table()
        );
        for hop in route.multipath().unwrap_or_default() {
            let gateway = hop.gateway().and_then(|g| g.ip());
            println!(
                "    nexthop via {} dev {} weight {}",
                gateway.map_or("-".into(), |g| g.to_string()),
                name(hop.ifindex),
                hop.weight()
            );
        }
    }

    let probe = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7));
    let chosen = handle.execute(RouteGet::new(probe))?;
    println!(
        "{probe} goes via {} dev {}",
        chosen.gateway().map_or("-".into(), |g| g.to_string()),
        chosen
            .oif()
            .and_then(|i| i32::try_from(i).ok())
            .map_or("?", name)
    );
    Ok(())
}

fn main() {
    match netlink_sys::netns::run_in_new(run) {
        Ok(Ok(())) => {}
        Ok(Err(error)) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
        Err(error) => {
            eprintln!("cannot create a network namespace (are you root?): {error}");
            std::process::exit(1);
        }
    }
}
