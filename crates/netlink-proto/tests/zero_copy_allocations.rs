//! The zero-copy dump path allocates nothing per message: a dump of ten
//! times more links costs no more allocations. Counted with a global
//! allocator (dhat's, in testing mode) in this test binary: one test, so
//! no other test allocates while it counts.

mod common;

use common::*;
use netlink_proto::blocking::{Connection, RawReply, ReadAhead};
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn allocations() -> u64 {
    dhat::HeapStats::get().total_blocks
}

fn allocations_for_a_dump(connection: &mut Connection) -> (u64, usize) {
    let request = getlink(0).to_bytes();
    let mut links = 0;
    let before = allocations();
    connection
        .request_raw(request, RequestOptions::dump(), |reply| {
            if let RawReply::Message(message) = reply {
                // Read something from each message, as a real caller would.
                links += usize::from(link_index(message.payload) > 0);
            }
        })
        .unwrap();
    (allocations() - before, links)
}

#[test]
fn zero_copy_dump_allocates_nothing_per_message() {
    let _profiler = dhat::Profiler::builder().testing().build();
    in_new_netns(|| {
        ip_batch(&veth_pairs("s", 10));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        // Per message, first on the caller's thread alone.
        connection.set_read_ahead(ReadAhead::Off);
        // Warm up: the receive buffer reaches its working size.
        allocations_for_a_dump(&mut connection);
        let (small, small_links) = allocations_for_a_dump(&mut connection);
        ip_batch(&veth_pairs("l", 100));
        let (large, large_links) = allocations_for_a_dump(&mut connection);
        eprintln!("allocations: {small} for {small_links} links, {large} for {large_links}");
        assert_eq!(small_links, 21);
        assert_eq!(large_links, 221);
        assert!(
            large <= small + 2,
            "{small} allocations for {small_links} links, {large} for {large_links}"
        );
        // Reading ahead costs a thread and a few receive buffers per dump
        // (at most the channel's depth plus two), whatever its size.
        connection.set_read_ahead(ReadAhead::Always);
        let (ahead, ahead_links) = allocations_for_a_dump(&mut connection);
        eprintln!("allocations with read-ahead: {ahead} for {ahead_links} links");
        assert_eq!(ahead_links, 221);
        assert!(
            ahead <= large + 40,
            "{ahead} allocations with read-ahead, {large} without"
        );

        // Requests written into the connection's buffers allocate nothing
        // of their own: each answered request's buffer is reused.
        let (few, many) = (
            requests(&mut connection, 10),
            requests(&mut connection, 100),
        );
        eprintln!("allocations: {few} for 10 requests, {many} for 100");
        assert!(many <= few + 2, "{few} for 10 requests, {many} for 100");
    });
}

/// Allocations of `n` acknowledged requests (`RTM_GETLINK` of lo, each
/// answered by the link and an ACK), the messages built beforehand.
fn requests(connection: &mut Connection, n: usize) -> u64 {
    let messages: Vec<_> = (0..n).map(|_| getlink(1)).collect();
    let mut replies = 0;
    let before = allocations();
    for message in &messages {
        let bytes = message.to_bytes_in(connection.buffer());
        connection
            .request_raw(bytes, RequestOptions::request(), |reply| {
                replies += usize::from(matches!(reply, RawReply::Message(_)));
            })
            .unwrap();
    }
    let allocated = allocations() - before;
    assert_eq!(replies, n);
    allocated
}
