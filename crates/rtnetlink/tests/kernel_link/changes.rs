//! Link changes: flags, group, by name, protocol down, carrier, alternative names, invalid arguments.

use netlink_testkit::ip_json;
use rtnetlink::link::{LinkAdd, LinkAltName, LinkDel, LinkGet, LinkSet};
use rtnetlink::Error;

use crate::common::{index, Run};
use crate::kinds::flags;

/// Flags, group, by-name changes, protocol down, carrier.
pub fn more_changes<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("c0", "c1")).unwrap();
    let c0 = index(run, "c0");
    run.run(
        LinkSet::index(c0)
            .arp(false)
            .promisc(true)
            .allmulticast(true)
            .group(5),
    )
    .unwrap();
    let link = &ip_json("-d link show dev c0")[0];
    let f = flags(link);
    for flag in ["NOARP", "PROMISC", "ALLMULTI"] {
        assert!(f.contains(&flag.to_owned()), "{flag} in {f:?}");
    }
    assert_eq!(link["group"], "5");
    assert_eq!(link["promiscuity"], 1);
    run.run(
        LinkSet::index(c0)
            .arp(true)
            .promisc(false)
            .allmulticast(false),
    )
    .unwrap();
    let f = flags(&ip_json("link show dev c0")[0]);
    for flag in ["NOARP", "PROMISC", "ALLMULTI"] {
        assert!(!f.contains(&flag.to_owned()), "{flag} in {f:?}");
    }

    run.run(LinkSet::by_name("c0").mtu(1280).up()).unwrap();
    let link = &ip_json("link show dev c0")[0];
    assert_eq!(link["mtu"], 1280);
    assert!(flags(link).contains(&"UP".to_owned()));

    run.run(LinkAdd::vxlan("cvx0", 9).port(4789)).unwrap();
    let vx = index(run, "cvx0");
    run.run(LinkSet::index(vx).proto_down(true)).unwrap();
    assert_eq!(ip_json("-d link show dev cvx0")[0]["proto_down"], true);
    run.run(LinkSet::index(vx).proto_down(false)).unwrap();
    assert!(ip_json("-d link show dev cvx0")[0]
        .get("proto_down")
        .is_none());

    // veth has no carrier control (no ndo_change_carrier).
    let error = run.run(LinkSet::index(c0).carrier(false)).unwrap_err();
    assert_eq!(error.errno(), Some(95), "{error}");
}

/// Alternative names: add two, read by one, remove one, delete by the other.
pub fn altnames<R: Run>(run: &mut R) {
    run.run(LinkAdd::veth("al0", "al1")).unwrap();
    let al0 = index(run, "al0");
    let long = "a-rather-long-alternative-name-0";
    run.run(LinkAltName::add(al0).name("short-alt").name(long))
        .unwrap();
    let names = ip_json("link show dev al0")[0]["altnames"].clone();
    assert_eq!(names, serde_json::json!(["short-alt", long]));
    let found = run.run(LinkGet::by_altname(long)).unwrap();
    assert_eq!(u32::try_from(found.header.index).unwrap(), al0);

    run.run(LinkAltName::del(al0).name("short-alt")).unwrap();
    let names = ip_json("link show dev al0")[0]["altnames"].clone();
    assert_eq!(names, serde_json::json!([long]));

    run.run(LinkDel::altname(long)).unwrap();
    assert!(netlink_testkit::ip_ok("link show dev al0").is_err());
    run.run(LinkAdd::bridge("aldel0")).unwrap();
    run.run(LinkDel::by_name("aldel0")).unwrap();
    assert!(netlink_testkit::ip_ok("link show dev aldel0").is_err());
}

/// Indexes beyond `i32::MAX` and bad names are refused before sending.
pub fn invalid_arguments<R: Run>(run: &mut R) {
    let huge = u32::try_from(i32::MAX).unwrap() + 1;
    let errors = [
        run.run(LinkSet::index(huge).mtu(1400)).unwrap_err(),
        run.run(LinkDel::index(u32::MAX)).unwrap_err(),
        run.run(LinkGet::by_index(huge)).map(|_| ()).unwrap_err(),
        run.run(LinkAdd::bridge("sixteen-chars-xx")).unwrap_err(),
        run.run(LinkAdd::veth("ok0", "bad/peer")).unwrap_err(),
        run.run(LinkAdd::dummy("with space")).unwrap_err(),
        run.run(LinkSet::index(1).name("a:b")).unwrap_err(),
        run.run(LinkAltName::add(1).name("x/y")).unwrap_err(),
        run.run(LinkGet::by_name("")).map(|_| ()).unwrap_err(),
        run.run(LinkAdd::vlan("vl0", 1, 4095)).unwrap_err(),
    ];
    for error in errors {
        assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    }
    assert!(LinkSet::index(huge).try_build().is_err());
    assert!(LinkAdd::bridge("fine0").try_build().is_ok());
    let names: Vec<String> = ip_json("link show")
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["lo".to_owned()], "nothing was created");
}
