//! Resilient nexthop group buckets (`RTM_NEWNEXTHOPBUCKET`, `nhmsg` +
//! `NHA_ID` + `NHA_RES_BUCKET`), captured from this kernel after
//! `ip nexthop add id 11 group 1/2 type resilient buckets 4` (see the
//! fixtures' first lines): each bucket decodes to its group, index and
//! member, and round-trips exactly.

mod common;

use common::*;
use netlink_packet_route::nexthop::{NexthopAttr, ResBucketAttr};
use netlink_packet_route::RouteNetlinkMessage;

#[test]
fn four_buckets_of_group_11_spread_over_members_1_and_2() {
    let mut seen = Vec::new();
    for n in 0..4 {
        let message = match parse_fixture(&format!("nexthop/bucket-message-{n}.hex")) {
            RouteNetlinkMessage::NewNexthopBucket(m) => m,
            other => panic!("{other:?}"),
        };
        assert!(message.attrs.contains(&NexthopAttr::Id(11)));
        let bucket = message
            .attrs
            .iter()
            .find_map(|a| match a {
                NexthopAttr::ResBucket(b) => Some(b),
                _ => None,
            })
            .expect("NHA_RES_BUCKET");
        let index = bucket.iter().find_map(|b| match b {
            ResBucketAttr::Index(i) => Some(*i),
            _ => None,
        });
        let member = bucket.iter().find_map(|b| match b {
            ResBucketAttr::NhId(id) => Some(*id),
            _ => None,
        });
        assert!(bucket
            .iter()
            .any(|b| matches!(b, ResBucketAttr::IdleTime(_))));
        seen.push((index.unwrap(), member.unwrap()));
    }
    seen.sort();
    assert_eq!(
        seen.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
    // Equal weights: two buckets each.
    assert_eq!(seen.iter().filter(|(_, m)| *m == 1).count(), 2);
    assert_eq!(seen.iter().filter(|(_, m)| *m == 2).count(), 2);
}
