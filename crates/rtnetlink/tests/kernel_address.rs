//! Address operations against the kernel, through both front ends,
//! checked with `ip -j address`. Needs root; never skipped.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

mod common;

use common::{index, Run};
use netlink_testkit::{in_new_netns, ip, ip_json};
use rtnetlink::address::{AddressAdd, AddressDel, AddressFlush, AddressGet, Lifetime};
use rtnetlink::link::LinkAdd;
use rtnetlink::packet::address::AddressFlags;
use rtnetlink::packet::family::{AF_INET, AF_INET6};
use rtnetlink::packet::Scope;
use rtnetlink::Error;
use serde_json::Value;

fn v4(a: u8, b: u8, c: u8, d: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(a, b, c, d))
}

fn v6(last: u16) -> IpAddr {
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, last))
}

/// `ip -j address show dev DEV`'s entry for local address `local`.
fn shown(dev: &str, local: &str) -> Value {
    let infos = ip_json(&format!("address show dev {dev}"))[0]["addr_info"].clone();
    infos
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["local"] == local)
        .cloned()
        .unwrap_or_else(|| panic!("{local} not on {dev}: {infos}"))
}

fn locals(dev: &str) -> Vec<String> {
    ip_json(&format!("address show dev {dev}"))[0]["addr_info"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["local"].as_str().unwrap().to_owned())
        .collect()
}

/// A veth pair, up, and the index of `name`.
fn link<R: Run>(run: &mut R, name: &str, peer: &str) -> u32 {
    run.run(LinkAdd::veth(name, peer).up()).unwrap();
    index(run, name)
}

fn settings<R: Run>(run: &mut R) {
    let x0 = link(run, "x0", "x1");

    // Peer (point-to-point): IFA_LOCAL is ours, IFA_ADDRESS the peer.
    run.run(AddressAdd::new(x0, v4(10, 1, 0, 1), 32).peer(v4(10, 1, 0, 2)))
        .unwrap();
    let info = shown("x0", "10.1.0.1");
    assert_eq!(info["address"], "10.1.0.2");
    assert_eq!(info["prefixlen"], 32);

    // Scope, metric, flags, lifetimes, label, broadcast.
    run.run(
        AddressAdd::new(x0, v4(192, 0, 2, 1), 24)
            .scope(Scope::Link)
            .metric(300)
            .noprefixroute()
            .lifetimes(Lifetime::Seconds(1000), Lifetime::Seconds(500))
            .label_for("x0", "lbl")
            .broadcast(Ipv4Addr::new(192, 0, 2, 255)),
    )
    .unwrap();
    let info = shown("x0", "192.0.2.1");
    assert_eq!(info["scope"], "link");
    assert_eq!(info["metric"], 300);
    assert_eq!(info["noprefixroute"], true);
    assert_eq!(info["label"], "x0:lbl");
    assert_eq!(info["broadcast"], "192.0.2.255");
    let valid = info["valid_life_time"].as_u64().unwrap();
    let preferred = info["preferred_life_time"].as_u64().unwrap();
    assert!((990..=1000).contains(&valid), "{info}");
    assert!((490..=500).contains(&preferred), "{info}");

    // IPv6 flags.
    run.run(
        AddressAdd::new(x0, v6(1), 64)
            .nodad()
            .flags(AddressFlags::MANAGETEMPADDR),
    )
    .unwrap();
    let info = shown("x0", "2001:db8::1");
    assert_eq!(info["nodad"], true);
    assert_eq!(info["mngtmpaddr"], true);

    // Adding again fails; replacing updates in place.
    let error = run.run(AddressAdd::new(x0, v6(1), 64)).unwrap_err();
    assert!(matches!(error, Error::AlreadyExists { .. }), "{error:?}");
    run.run(
        AddressAdd::new(x0, v6(1), 64)
            .nodad()
            .lifetimes(Lifetime::Seconds(2000), Lifetime::Forever)
            .replace(),
    )
    .unwrap_err();
    run.run(
        AddressAdd::new(x0, v6(1), 64)
            .nodad()
            .lifetimes(Lifetime::Seconds(2000), Lifetime::Seconds(100))
            .replace(),
    )
    .unwrap();
    let info = shown("x0", "2001:db8::1");
    assert!(info["valid_life_time"].as_u64().unwrap() > 1000, "{info}");
    // Replace also creates.
    run.run(AddressAdd::new(x0, v4(198, 51, 100, 7), 24).replace())
        .unwrap();
    assert_eq!(shown("x0", "198.51.100.7")["prefixlen"], 24);
    // Forever is forever.
    run.run(
        AddressAdd::new(x0, v4(198, 51, 100, 8), 24)
            .lifetimes(Lifetime::Forever, Lifetime::Forever),
    )
    .unwrap();
    assert_eq!(
        shown("x0", "198.51.100.8")["valid_life_time"],
        u64::from(u32::MAX)
    );

    // The kernel takes a label that does not start with the link's name
    // (only `ip` insists on that convention).
    run.run(AddressAdd::new(x0, v4(203, 0, 113, 5), 24).label("other"))
        .unwrap();
    assert_eq!(shown("x0", "203.0.113.5")["label"], "other");
}

fn invalid_arguments<R: Run>(run: &mut R) {
    let x0 = link(run, "i0", "i1");
    let before = locals("i0");
    for request in [
        AddressAdd::new(x0, v4(192, 0, 2, 1), 33).build(),
        AddressAdd::new(x0, v6(1), 129).build(),
        AddressAdd::new(x0, v6(1), 64).label("i0:x").build(),
        AddressAdd::new(x0, v4(192, 0, 2, 1), 24)
            .peer(v6(2))
            .build(),
        AddressAdd::new(x0, v4(192, 0, 2, 1), 24)
            .lifetimes(Lifetime::Seconds(5), Lifetime::Seconds(10))
            .build(),
        AddressDel::address(x0, v4(192, 0, 2, 1), 64),
    ] {
        let error = run.run(request).unwrap_err();
        assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    }
    let error = run
        .run(AddressAdd::new(x0, v4(192, 0, 2, 1), 40))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid argument: prefix length 40 is longer than the 32 bits of 192.0.2.1"
    );
    // Nothing reached the kernel.
    assert_eq!(locals("i0"), before);
    // A batch answers an invalid request in its place, the others run.
    let results = run.run_batch(vec![
        AddressAdd::new(x0, v4(192, 0, 2, 1), 24).build(),
        AddressAdd::new(x0, v4(192, 0, 2, 2), 99).build(),
        AddressAdd::new(x0, v4(192, 0, 2, 3), 24).build(),
    ]);
    assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
    assert!(matches!(results[1], Err(Error::InvalidArgument(_))));
    assert!(locals("i0").contains(&"192.0.2.3".to_owned()));
}

fn dumps_are_filtered<R: Run>(run: &mut R) {
    let d0 = link(run, "d0", "d1");
    let d1 = index(run, "d1");
    run.run(AddressAdd::new(d0, v4(192, 0, 2, 1), 24)).unwrap();
    run.run(AddressAdd::new(d0, v6(1), 64).nodad()).unwrap();
    run.run(AddressAdd::new(d1, v4(192, 0, 2, 2), 24)).unwrap();
    run.run(AddressAdd::new(d1, v4(10, 0, 0, 1), 8).scope(Scope::Host))
        .unwrap();

    let all = run.run(AddressGet::dump()).unwrap();
    let shown: usize = ip_json("address show")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["addr_info"].as_array().unwrap().len())
        .sum();
    assert_eq!(all.len(), shown);

    let on_d0 = run.run(AddressGet::dump().link(d0)).unwrap();
    assert!(on_d0.iter().all(|a| a.header.index == d0));
    assert_eq!(on_d0.len(), locals("d0").len());
    assert!(on_d0.iter().any(|a| a.address() == Some(v6(1))));

    let v4_d1 = run
        .run(AddressGet::dump().link(d1).family(AF_INET))
        .unwrap();
    let mut got: Vec<_> = v4_d1.iter().filter_map(|a| a.address()).collect();
    got.sort();
    assert_eq!(got, vec![v4(10, 0, 0, 1), v4(192, 0, 2, 2)]);

    let v6_all = run.run(AddressGet::dump().family(AF_INET6)).unwrap();
    assert!(v6_all.iter().all(|a| a.header.family == AF_INET6));
    assert!(v6_all.iter().any(|a| a.address() == Some(v6(1))));

    let host = run
        .run(AddressGet::dump().link(d1).scope(Scope::Host))
        .unwrap();
    assert_eq!(host.len(), 1);
    assert_eq!(host[0].address(), Some(v4(10, 0, 0, 1)));

    // Deleting what a dump returned.
    run.run(AddressDel::message(&host[0])).unwrap();
    assert!(!locals("d1").contains(&"10.0.0.1".to_owned()));
}

both_front_ends! {
    settings => blocking_settings, tokio_settings;
    invalid_arguments => blocking_invalid_arguments, tokio_invalid_arguments;
    dumps_are_filtered => blocking_dumps_are_filtered, tokio_dumps_are_filtered;
}

/// Sets up `f0` with a primary and two secondary IPv4 addresses, two
/// global IPv6 ones (plus its link-local one) and `f2` with one address,
/// then flushes with `flush` and checks what is left.
fn flush(mut flush: impl FnMut(AddressFlush) -> usize) {
    ip("link add f0 type veth peer name f1");
    ip("link add f2 type veth peer name f3");
    ip("link set f0 up");
    ip("link set f1 up");
    ip("address add 192.0.2.1/24 dev f0");
    ip("address add 192.0.2.2/24 dev f0");
    ip("address add 192.0.2.3/24 dev f0");
    ip("address add 2001:db8::1/64 dev f0 nodad");
    ip("address add 2001:db8::2/64 dev f0 nodad");
    ip("address add 192.0.2.9/24 dev f2");
    let f0 = ip_json("link show dev f0")[0]["ifindex"].as_u64().unwrap() as u32;

    // IPv4 of f0: the primary's removal takes the secondaries along,
    // and all three count.
    assert_eq!(
        flush(AddressFlush::new(
            AddressGet::dump().link(f0).family(AF_INET)
        )),
        3
    );
    let left = locals("f0");
    assert!(left.iter().all(|a| a.contains(':')), "{left:?}");
    assert_eq!(locals("f2"), ["192.0.2.9"]);

    // Global IPv6 only: the link-local address stays.
    assert!(left.iter().any(|a| a.starts_with("fe80")), "{left:?}");
    assert_eq!(
        flush(AddressFlush::new(
            AddressGet::dump()
                .link(f0)
                .family(AF_INET6)
                .scope(Scope::Universe)
        )),
        2
    );
    let left = locals("f0");
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with("fe80"), "{left:?}");

    // Everything of the link; then nothing more to do.
    assert_eq!(flush(AddressFlush::link(f0)), 1);
    assert!(locals("f0").is_empty());
    assert_eq!(flush(AddressFlush::link(f0)), 0);
    assert_eq!(locals("f2"), ["192.0.2.9"]);
}

#[test]
fn blocking_flush() {
    in_new_netns(|| {
        let mut handle = rtnetlink::blocking::Handle::new().unwrap();
        flush(|f| f.run_blocking(&mut handle).unwrap());
    });
}

#[test]
fn tokio_flush() {
    in_new_netns(|| {
        let common::Tokio(runtime, handle) = common::tokio();
        flush(|f| runtime.block_on(f.run_tokio(&handle)).unwrap());
    });
}
