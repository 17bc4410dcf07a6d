//! An acknowledged change costs the caller's process one allocation: the
//! message's attribute vector. The request's finishing step, its bytes and
//! the answer allocate nothing once the connection has answered one (its
//! buffers are reused). Counted with dhat's allocator in testing mode, in
//! a binary of its own with a single test, so that nothing else allocates
//! while it counts.

use std::net::{IpAddr, Ipv4Addr};

use netlink_testkit::{in_new_netns, ip};
use rtnetlink::blocking::Handle;
use rtnetlink::route::{RouteAdd, RouteDel};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn allocations() -> u64 {
    dhat::HeapStats::get().total_blocks
}

fn destination(i: u32) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(198, 18, (i / 256) as u8, (i % 256) as u8))
}

/// Allocations of adding then deleting routes `from..to` through `oif`,
/// one acknowledged request at a time.
fn add_then_delete(handle: &mut Handle, oif: u32, from: u32, to: u32) -> u64 {
    let before = allocations();
    for i in from..to {
        handle
            .execute(RouteAdd::new(destination(i), 32).dev(oif))
            .unwrap();
    }
    for i in from..to {
        handle
            .execute(RouteDel::new(destination(i), 32).dev(oif))
            .unwrap();
    }
    allocations() - before
}

#[test]
fn an_acknowledged_change_allocates_only_its_message() {
    let _profiler = dhat::Profiler::builder().testing().build();
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link set v0 up");
        ip("link set v1 up");
        let mut handle = Handle::new().unwrap();
        let oif = handle
            .execute(rtnetlink::link::LinkGet::by_name("v0"))
            .unwrap()
            .header
            .index as u32;
        // Warm up: the connection's buffers reach their working size.
        add_then_delete(&mut handle, oif, 0, 4);
        let few = add_then_delete(&mut handle, oif, 0, 10);
        let many = add_then_delete(&mut handle, oif, 0, 110);
        let per_request = (many - few) as f64 / 200.0;
        eprintln!("allocations: {few} for 20 requests, {many} for 220: {per_request} each");
        assert!(per_request <= 1.0, "{per_request} allocations per request");
        // The routes are really there and gone: the count is of real work.
        let routes = handle
            .execute(rtnetlink::route::RouteDump::new().ipv4())
            .unwrap();
        assert!(routes.iter().all(|r| r.header.dst_len != 32));
    });
}
