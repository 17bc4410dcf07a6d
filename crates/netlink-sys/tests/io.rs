//! Kernel tests of binding, sending and receiving on NETLINK_ROUTE sockets.
//! They need root and run inside scratch network namespaces.

mod common;

use std::io::{self, IoSlice};

use common::*;
use netlink_sys::{netns, Protocol, Socket, SocketAddr};

fn route_socket() -> Socket {
    let mut socket = Socket::new(Protocol::Route).unwrap();
    socket.bind_auto().unwrap();
    set_recv_timeout(&socket, 10);
    socket
}

/// bind_auto picks a non-zero port and local_addr reports it; a second bind
/// to a taken explicit port fails with EADDRINUSE.
#[test]
fn bind_auto_and_address_in_use() {
    require_root();
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        assert_eq!(socket.protocol(), Protocol::Route);
        let addr = socket.bind_auto().unwrap();
        assert_ne!(addr.port_id(), 0);
        assert_eq!(addr.groups(), 0);
        assert_eq!(socket.local_addr().unwrap(), addr);

        let explicit = SocketAddr::new(4242, 0);
        let mut first = Socket::new(Protocol::Route).unwrap();
        first.bind(&explicit).unwrap();
        assert_eq!(first.local_addr().unwrap(), explicit);
        let mut second = Socket::new(Protocol::Route).unwrap();
        let err = second.bind(&explicit).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EADDRINUSE), "{err}");

        // The auto-assigned port is taken too.
        let mut third = Socket::new(Protocol::Route).unwrap();
        let err = third.bind(&addr).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::EADDRINUSE), "{err}");
    })
    .unwrap();
}

/// A GETLINK dump sent with send() and with send_to(kernel) is answered by
/// the kernel (port 0) with RTM_NEWLINK messages up to NLMSG_DONE, listing
/// exactly lo, v0 and v1 in a fresh namespace with one veth pair.
#[test]
fn getlink_dump_lists_links() {
    require_root();
    netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let socket = route_socket();

        let dump = dump_links(&socket, 7);
        assert_eq!(dump.first_types[0], RTM_NEWLINK);
        assert_eq!(dump.dones, vec![7]);
        assert!(dump.seqs.iter().all(|&seq| seq == 7));
        let mut names = dump.names.clone();
        names.sort();
        assert_eq!(names, ["lo", "v0", "v1"]);

        let request = getlink_request(8);
        let sent = socket.send_to(&request, &SocketAddr::KERNEL, 0).unwrap();
        assert_eq!(sent, request.len());
        let dump = collect_dump(&socket, 1);
        assert_eq!(dump.dones, vec![8]);
        assert_eq!(dump.names.len(), 3);

        // recv_from reports the kernel as sender as well.
        socket.send(&getlink_request(9), 0).unwrap();
        let mut buf = vec![0u8; 65536];
        let (n, from) = socket.recv_from(&mut buf, 0).unwrap();
        assert_eq!(from, SocketAddr::KERNEL);
        let messages = parse_messages(&buf[..n]);
        assert_eq!(messages[0].kind, RTM_NEWLINK);
        assert_eq!(messages[0].seq, 9);
        // Drain the rest of that dump with plain recv.
        let mut done = messages.iter().any(|m| m.kind == NLMSG_DONE);
        while !done {
            let n = socket.recv(&mut buf, 0).unwrap();
            done = parse_messages(&buf[..n])
                .iter()
                .any(|m| m.kind == NLMSG_DONE);
        }
    })
    .unwrap();
}

/// peek_size matches the length recv_datagram returns; recv_datagram grows an
/// empty Vec; recv_msg into a short buffer reports truncation and the real
/// length; recv_datagram keeps its capacity.
#[test]
fn peek_size_truncation_and_growth() {
    require_root();
    netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let socket = route_socket();

        socket.send(&getlink_request(1), 0).unwrap();
        let peeked = socket.peek_size().unwrap();
        assert!(peeked > 32, "first dump datagram is only {peeked} bytes");
        // Peeking does not consume.
        assert_eq!(socket.peek_size().unwrap(), peeked);
        let mut buf = Vec::new();
        assert_eq!(buf.capacity(), 0);
        let info = socket.recv_datagram(&mut buf).unwrap();
        assert_eq!(info.len, peeked);
        assert_eq!(buf.len(), peeked);
        assert!(buf.capacity() >= peeked);
        assert!(!info.truncated);
        assert_eq!(info.sender, SocketAddr::KERNEL);
        assert_eq!(parse_messages(&buf)[0].kind, RTM_NEWLINK);
        let capacity = buf.capacity();
        // Drain; the capacity never shrinks.
        loop {
            socket.recv_datagram(&mut buf).unwrap();
            assert!(buf.capacity() >= capacity);
            if parse_messages(&buf).iter().any(|m| m.kind == NLMSG_DONE) {
                break;
            }
        }

        // Truncation: a fresh dump into a 20-byte buffer.
        socket.send(&getlink_request(2), 0).unwrap();
        let full = socket.peek_size().unwrap();
        let mut small = [0u8; 20];
        let info = socket.recv_msg(&mut small, 0).unwrap();
        assert!(info.truncated);
        assert_eq!(info.len, full);
        assert!(info.len > small.len());
        assert_eq!(info.sender, SocketAddr::KERNEL);
        assert_eq!(info.group, None);
        // The header that fitted is intact.
        assert_eq!(u16::from_ne_bytes([small[4], small[5]]), RTM_NEWLINK);
        assert_eq!(u32::from_ne_bytes(small[8..12].try_into().unwrap()), 2);
    })
    .unwrap();
}

/// recv_into_capacity: one system call into the buffer's capacity; a
/// datagram that fits arrives whole, one that does not is reported
/// truncated with its real length; try_recv_into_capacity does not wait.
#[test]
fn receive_into_capacity_without_a_peek() {
    require_root();
    netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let socket = route_socket();
        let mut buf = Vec::with_capacity(64 * 1024);
        assert!(socket.try_recv_into_capacity(&mut buf).unwrap().is_none());

        socket.send(&getlink_request(1), 0).unwrap();
        let peeked = socket.peek_size().unwrap();
        let info = socket.recv_into_capacity(&mut buf, 0).unwrap();
        assert!(!info.truncated);
        assert_eq!((info.len, buf.len()), (peeked, peeked));
        assert_eq!(parse_messages(&buf)[0].kind, RTM_NEWLINK);
        while !parse_messages(&buf).iter().any(|m| m.kind == NLMSG_DONE) {
            assert!(socket.try_recv_into_capacity(&mut buf).unwrap().is_some());
        }

        socket.send(&getlink_request(2), 0).unwrap();
        let full = socket.peek_size().unwrap();
        let mut small = Vec::with_capacity(24);
        let info = socket.recv_into_capacity(&mut small, 0).unwrap();
        assert!(info.truncated);
        assert_eq!(info.len, full);
        assert_eq!(small.len(), small.capacity());
        assert_eq!(u16::from_ne_bytes([small[4], small[5]]), RTM_NEWLINK);
    })
    .unwrap();
}

/// Two GETLINK requests with different sequence numbers in ONE sendmsg
/// (one datagram) are both processed: a dump (seq 100) and a single-link
/// get with ACK (seq 200). Two *dumps* in one datagram are also both
/// processed, but a socket runs one dump at a time, so the second is
/// answered with EBUSY (or, should a kernel finish the first dump at once,
/// with a second complete dump).
#[test]
fn send_vectored_two_requests_one_datagram() {
    require_root();
    netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let socket = route_socket();
        let a = getlink_request(100);
        let b = getlink_one_request(200, 1);
        let sent = socket
            .send_vectored(&[IoSlice::new(&a), IoSlice::new(&b)], None)
            .unwrap();
        assert_eq!(sent, 64);
        let answers = collect_answers(&socket, 2);
        assert!(answers.errors.is_empty(), "{:?}", answers.errors);
        assert_eq!(answers.dones, [100]);
        assert_eq!(answers.acks, [200]);
        let names_for = |seq: u32| -> Vec<&str> {
            answers
                .seqs
                .iter()
                .zip(&answers.names)
                .filter(|(s, _)| **s == seq)
                .map(|(_, n)| n.as_str())
                .collect()
        };
        assert_eq!(names_for(100).len(), 3);
        assert_eq!(names_for(200), ["lo"]);

        // Two dumps in one datagram.
        let (c, d) = (getlink_request(300), getlink_request(400));
        socket
            .send_vectored(&[IoSlice::new(&c), IoSlice::new(&d)], None)
            .unwrap();
        let answers = collect_answers(&socket, 2);
        assert!(answers.dones.contains(&300), "{answers:?}");
        if answers.dones.contains(&400) {
            assert_eq!(answers.seqs.iter().filter(|&&s| s == 400).count(), 3);
        } else {
            assert_eq!(answers.errors, [(400, -libc::EBUSY)]);
        }

        // With an explicit kernel address as well.
        let e = getlink_request(500);
        socket
            .send_vectored(&[IoSlice::new(&e)], Some(&SocketAddr::KERNEL))
            .unwrap();
        assert_eq!(collect_dump(&socket, 1).dones, [500]);
    })
    .unwrap();
}

/// connect() sets the default destination used by send().
#[test]
fn connect_to_kernel() {
    require_root();
    netns::run_in_new(|| {
        let socket = route_socket();
        socket.connect(&SocketAddr::KERNEL).unwrap();
        let dump = dump_links(&socket, 5);
        assert_eq!(dump.names, ["lo"]);
    })
    .unwrap();
}

/// Nonblocking mode: every receive path reports WouldBlock on an empty queue.
#[test]
fn nonblocking_would_block() {
    require_root();
    netns::run_in_new(|| {
        let socket = route_socket();
        assert!(!socket.is_nonblocking().unwrap());
        socket.set_nonblocking(true).unwrap();
        assert!(socket.is_nonblocking().unwrap());
        let mut buf = [0u8; 64];
        let kind = |r: io::Result<usize>| r.unwrap_err().kind();
        assert_eq!(kind(socket.recv(&mut buf, 0)), io::ErrorKind::WouldBlock);
        assert_eq!(kind(socket.peek_size()), io::ErrorKind::WouldBlock);
        let mut vec = Vec::new();
        assert_eq!(
            socket.recv_datagram(&mut vec).unwrap_err().kind(),
            io::ErrorKind::WouldBlock
        );
        assert_eq!(
            socket.recv_msg(&mut buf, 0).unwrap_err().kind(),
            io::ErrorKind::WouldBlock
        );
        socket.set_nonblocking(false).unwrap();
        assert!(!socket.is_nonblocking().unwrap());
    })
    .unwrap();
}
