//! A dump of 100,000 routes read through the zero-copy view allocates
//! nothing. The routes are a captured kernel message repeated with new
//! destinations; what is measured is the parsing. Counted with dhat's
//! allocator in testing mode; this binary has one test so nothing else
//! allocates meanwhile.

mod common;

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::MessageIter;
use netlink_packet_route::route::{RouteAttr, RouteAttrRef, RouteView};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

const COUNT: u32 = 100_000;

#[test]
fn a_hundred_thousand_routes_through_the_view_allocate_nothing() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let template = common::fixture("route/v4-gateway-proto99-metric77.hex");
    // Where RTA_DST's value sits: after the 16-byte netlink header.
    let dst_at = {
        let view = RouteView::parse(&template[16..]).unwrap();
        let nla = view.find(RouteAttr::DST).expect("RTA_DST");
        16 + nla.value_offset()
    };
    let mut dump = Vec::with_capacity(template.len() * COUNT as usize);
    for n in 0..COUNT {
        let start = dump.len();
        dump.extend_from_slice(&template);
        let dst = Ipv4Addr::from(0x0a00_0000 | (n << 8));
        dump[start + dst_at..start + dst_at + 4].copy_from_slice(&dst.octets());
    }
    let before = dhat::HeapStats::get().total_blocks;
    let (mut routes, mut dst_sum, mut attrs, mut priority_sum) = (0u64, 0u64, 0u64, 0u64);
    for message in MessageIter::new(&dump) {
        let message = message.unwrap();
        let view = RouteView::parse(message.payload).unwrap();
        match view.destination() {
            Some(IpAddr::V4(dst)) => dst_sum += u64::from(u32::from(dst) >> 8 & 0xffff),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            view.gateway(),
            Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 254)))
        );
        assert!(view.oif().is_some());
        assert_eq!(view.table(), 254);
        priority_sum += u64::from(view.priority().unwrap());
        let _ = (
            view.prefsrc(),
            view.metrics(),
            view.multipath(),
            view.encap(),
        );
        for attr in view.attrs() {
            if let Ok(RouteAttrRef::Priority(p)) = attr {
                assert_eq!(p, 77);
            }
            attrs += 1;
        }
        routes += 1;
    }
    let allocations = dhat::HeapStats::get().total_blocks - before;
    assert_eq!(routes, u64::from(COUNT));
    assert_eq!(
        dst_sum,
        (0..u64::from(COUNT)).map(|n| n & 0xffff).sum::<u64>()
    );
    assert_eq!(priority_sum, 77 * u64::from(COUNT));
    assert!(attrs > u64::from(COUNT));
    assert_eq!(
        allocations, 0,
        "allocations while reading 100,000 routes through views"
    );
}
