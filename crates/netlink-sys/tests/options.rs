//! Kernel tests of socket options. They need root.

mod common;

use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, OwnedFd};

use common::*;
use netlink_sys::{netns, Protocol, Socket};

type Setter = fn(&Socket, bool) -> std::io::Result<()>;
type Getter = fn(&Socket) -> std::io::Result<bool>;

/// Every SOL_NETLINK flag reads back what was set, on and off again.
#[test]
fn netlink_flags_round_trip() {
    require_root();
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        let options: [(&str, Setter, Getter); 7] = [
            ("ext_ack", Socket::set_ext_ack, Socket::ext_ack),
            ("cap_ack", Socket::set_cap_ack, Socket::cap_ack),
            (
                "strict_check",
                Socket::set_strict_check,
                Socket::strict_check,
            ),
            ("no_enobufs", Socket::set_no_enobufs, Socket::no_enobufs),
            (
                "broadcast_error",
                Socket::set_broadcast_error,
                Socket::broadcast_error,
            ),
            (
                "listen_all_nsid",
                Socket::set_listen_all_nsid,
                Socket::listen_all_nsid,
            ),
            ("pktinfo", Socket::set_pktinfo, Socket::pktinfo),
        ];
        for (name, set, get) in options {
            assert!(!get(&socket).unwrap(), "{name} is on by default");
            set(&socket, true).unwrap_or_else(|e| panic!("set {name}: {e}"));
            assert!(get(&socket).unwrap(), "{name} did not turn on");
            set(&socket, false).unwrap();
            assert!(!get(&socket).unwrap(), "{name} did not turn off");
        }
        // All at once, to catch options clobbering each other.
        for (_, set, _) in options {
            set(&socket, true).unwrap();
        }
        for (name, _, get) in options {
            assert!(get(&socket).unwrap(), "{name} lost");
        }
    })
    .unwrap();
}

fn sysctl(name: &str) -> usize {
    std::fs::read_to_string(format!("/proc/sys/net/core/{name}"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Buffer sizes: the kernel stores twice the requested size, capped by
/// rmem_max/wmem_max unless forced.
#[test]
fn buffer_sizes() {
    require_root();
    let socket = Socket::new(Protocol::Route).unwrap();

    let rmem_max = sysctl("rmem_max");
    let wanted = 65536;
    socket.set_recv_buffer_size(wanted).unwrap();
    assert_eq!(socket.recv_buffer_size().unwrap(), 2 * wanted.min(rmem_max));

    let big = rmem_max * 4;
    socket.set_recv_buffer_size(big).unwrap();
    assert_eq!(socket.recv_buffer_size().unwrap(), 2 * rmem_max);
    socket.set_recv_buffer_size_force(big).unwrap();
    assert_eq!(socket.recv_buffer_size().unwrap(), 2 * big);

    let wmem_max = sysctl("wmem_max");
    socket.set_send_buffer_size(wanted).unwrap();
    assert_eq!(socket.send_buffer_size().unwrap(), 2 * wanted.min(wmem_max));

    let err = socket.set_recv_buffer_size(usize::MAX).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

/// Sockets are close-on-exec; the fd conversions hand over the same fd.
#[test]
fn close_on_exec_and_fd_conversions() {
    require_root();
    let socket = Socket::new(Protocol::Route).unwrap();
    // SAFETY: F_GETFD on a descriptor we own; no pointers.
    let flags = unsafe { libc::fcntl(socket.as_raw_fd(), libc::F_GETFD) };
    assert!(flags >= 0);
    assert_ne!(flags & libc::FD_CLOEXEC, 0, "FD_CLOEXEC not set");

    let fd = socket.as_raw_fd();
    assert!(format!("{socket:?}").contains("Route"));
    let raw = socket.into_raw_fd();
    assert_eq!(raw, fd);
    // SAFETY: `raw` came from into_raw_fd, so we own it now.
    drop(unsafe { OwnedFd::from_raw_fd(raw) });
}
