//! Raw constants and structures from `<linux/netlink.h>` that this crate
//! needs. Values are transcribed from the uapi header; they are part of the
//! kernel ABI and never change.

use std::io;
use std::mem;
use std::os::fd::RawFd;

use libc::{c_int, c_void, socklen_t};

/// `SOL_NETLINK`: socket option level for netlink options.
pub(crate) const SOL_NETLINK: c_int = 270;

/// `NETLINK_ADD_MEMBERSHIP`
pub(crate) const NETLINK_ADD_MEMBERSHIP: c_int = 1;
/// `NETLINK_DROP_MEMBERSHIP`
pub(crate) const NETLINK_DROP_MEMBERSHIP: c_int = 2;
/// `NETLINK_PKTINFO`
pub(crate) const NETLINK_PKTINFO: c_int = 3;
/// `NETLINK_BROADCAST_ERROR`
pub(crate) const NETLINK_BROADCAST_ERROR: c_int = 4;
/// `NETLINK_NO_ENOBUFS`
pub(crate) const NETLINK_NO_ENOBUFS: c_int = 5;
/// `NETLINK_LISTEN_ALL_NSID`
pub(crate) const NETLINK_LISTEN_ALL_NSID: c_int = 8;
/// `NETLINK_LIST_MEMBERSHIPS`
pub(crate) const NETLINK_LIST_MEMBERSHIPS: c_int = 9;
/// `NETLINK_CAP_ACK`
pub(crate) const NETLINK_CAP_ACK: c_int = 10;
/// `NETLINK_EXT_ACK`
pub(crate) const NETLINK_EXT_ACK: c_int = 11;
/// `NETLINK_GET_STRICT_CHK`
pub(crate) const NETLINK_GET_STRICT_CHK: c_int = 12;

/// `struct sockaddr_nl` from `<linux/netlink.h>`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SockaddrNl {
    /// `AF_NETLINK`
    pub(crate) nl_family: libc::sa_family_t,
    /// always zero
    pub(crate) nl_pad: u16,
    /// port id
    pub(crate) nl_pid: u32,
    /// multicast groups bitmask (groups 1..=32)
    pub(crate) nl_groups: u32,
}

/// Size of `struct sockaddr_nl` as the kernel expects it.
pub(crate) const SOCKADDR_NL_LEN: socklen_t = mem::size_of::<SockaddrNl>() as socklen_t;

/// Turns the `-1` convention of libc calls into an `io::Error` from errno.
pub(crate) fn cvt(ret: c_int) -> io::Result<c_int> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// Same as [`cvt`] for calls returning `ssize_t`, converting to `usize`.
pub(crate) fn cvt_size(ret: libc::ssize_t) -> io::Result<usize> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        // A non-negative ssize_t always fits in usize.
        Ok(ret as usize)
    }
}

/// `setsockopt` with an `int`-sized value.
pub(crate) fn setsockopt_int(fd: RawFd, level: c_int, name: c_int, value: c_int) -> io::Result<()> {
    // SAFETY: `value` is a live local `c_int`; we pass its address together
    // with its exact size, and the kernel only reads that many bytes.
    let ret = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (&value as *const c_int).cast::<c_void>(),
            mem::size_of::<c_int>() as socklen_t,
        )
    };
    cvt(ret).map(drop)
}

/// `getsockopt` with an `int`-sized value.
pub(crate) fn getsockopt_int(fd: RawFd, level: c_int, name: c_int) -> io::Result<c_int> {
    let mut value: c_int = 0;
    let mut len = mem::size_of::<c_int>() as socklen_t;
    // SAFETY: `value` and `len` are live, writable locals; `len` holds the
    // size of `value`, so the kernel writes at most that many bytes into it.
    let ret = unsafe {
        libc::getsockopt(
            fd,
            level,
            name,
            (&mut value as *mut c_int).cast::<c_void>(),
            &mut len,
        )
    };
    cvt(ret)?;
    Ok(value)
}
