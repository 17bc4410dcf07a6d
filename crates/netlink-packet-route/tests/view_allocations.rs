//! A dump of 10,000 links read through the zero-copy view allocates
//! nothing per link. The links are a captured kernel message repeated with
//! new indexes (creating 10,000 real links would take minutes); what is
//! measured is the parsing, which is the same either way. Counted with
//! dhat's allocator in testing mode; this binary has one test so nothing
//! else allocates meanwhile.

mod common;

use netlink_packet_core::MessageIter;
use netlink_packet_route::link::{LinkAttrRef, LinkView};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

#[test]
fn ten_thousand_links_through_the_view_allocate_nothing() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let template = common::fixture("link/lo.hex");
    let mut dump = Vec::with_capacity(template.len() * 10_000);
    for index in 0..10_000i32 {
        let start = dump.len();
        dump.extend_from_slice(&template);
        // ifinfomsg.ifi_index sits after the 16-byte netlink header and 4 bytes.
        dump[start + 20..start + 24].copy_from_slice(&index.to_ne_bytes());
    }
    let before = dhat::HeapStats::get().total_blocks;
    let (mut links, mut mtu_sum, mut attrs, mut index_sum) = (0u64, 0u64, 0u64, 0i64);
    for message in MessageIter::new(&dump) {
        let message = message.unwrap();
        let view = LinkView::parse(message.payload).unwrap();
        assert_eq!(view.name(), Some("lo"));
        mtu_sum += u64::from(view.mtu().unwrap());
        index_sum += i64::from(view.index());
        let _ = (view.kind(), view.address(), view.operstate(), view.master());
        for attr in view.attrs() {
            if let Ok(LinkAttrRef::IfName(name)) = attr {
                assert_eq!(name, "lo");
            }
            attrs += 1;
        }
        links += 1;
    }
    let allocations = dhat::HeapStats::get().total_blocks - before;
    assert_eq!(links, 10_000);
    assert_eq!(index_sum, (0..10_000).sum::<i64>());
    assert!(mtu_sum > 0 && attrs > 10_000);
    assert_eq!(
        allocations, 0,
        "allocations while reading 10,000 links through views"
    );
}
