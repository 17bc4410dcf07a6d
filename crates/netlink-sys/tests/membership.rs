//! Kernel tests of multicast group membership. They need root and run in
//! scratch network namespaces.

mod common;

use common::*;
use netlink_sys::{netns, Protocol, Socket, SocketAddr};

/// add_membership works for group 1 and for a group id above 31;
/// list_memberships reports both; dropping removes exactly one.
#[test]
fn add_list_drop() {
    require_root();
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        assert_eq!(socket.list_memberships().unwrap(), Vec::<u32>::new());
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.add_membership(33).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [1, 33]);
        socket.drop_membership(33).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [1]);
        socket.add_membership(32).unwrap();
        socket.add_membership(5).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [1, 5, 32]);
        socket.drop_membership(1).unwrap();
        assert_eq!(socket.list_memberships().unwrap(), [5, 32]);

        // Group 0 does not exist.
        let err = socket.add_membership(0).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EINVAL));
    })
    .unwrap();
}

/// Receives the next datagram, asserting it is an RTM_NEWLINK from the
/// kernel, and returns its info.
fn expect_link_event(socket: &Socket) -> netlink_sys::RecvInfo {
    let mut buf = vec![0u8; 65536];
    let info = socket.recv_msg(&mut buf, 0).unwrap();
    assert!(!info.truncated);
    assert_eq!(info.sender.port_id(), 0, "event not from the kernel");
    let messages = parse_messages(&buf[..info.len]);
    assert_eq!(messages[0].kind, RTM_NEWLINK);
    info
}

/// With group 1 joined through add_membership, creating a veth produces an
/// RTM_NEWLINK multicast from the kernel, and NETLINK_PKTINFO names group 1.
#[test]
fn link_event_via_add_membership_with_pktinfo() {
    require_root();
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        set_recv_timeout(&socket, 10);
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.set_pktinfo(true).unwrap();
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let info = expect_link_event(&socket);
        assert_eq!(info.group, Some(RTNLGRP_LINK));
        assert_eq!(info.sender.groups(), 1 << (RTNLGRP_LINK - 1));

        // Without PKTINFO there is no group information.
        socket.set_pktinfo(false).unwrap();
        ip(&["link", "set", "v0", "mtu", "1400"]);
        let info = expect_link_event(&socket);
        assert_eq!(info.group, None);
    })
    .unwrap();
}

/// The legacy bind-time bitmask (nl_groups = 1 << 0) joins group 1 and
/// link events arrive.
#[test]
fn link_event_via_bind_bitmask() {
    require_root();
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind(&SocketAddr::new(0, 1)).unwrap();
        set_recv_timeout(&socket, 10);
        let local = socket.local_addr().unwrap();
        assert_ne!(local.port_id(), 0);
        assert_eq!(local.groups(), 1);
        assert_eq!(socket.list_memberships().unwrap(), [1]);
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        expect_link_event(&socket);
    })
    .unwrap();
}
