//! Socket options: multicast membership, `SOL_NETLINK` flags, buffer sizes
//! and blocking mode.

use std::io;
use std::mem;
use std::os::fd::AsRawFd;

use libc::{c_int, c_void, socklen_t};

use crate::sys::{self, cvt, getsockopt_int, setsockopt_int};
use crate::Socket;

/// Converts a byte count to the `int` that `SO_*BUF*` take.
fn buffer_size_arg(bytes: usize) -> io::Result<c_int> {
    c_int::try_from(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("buffer size {bytes} does not fit in a C int"),
        )
    })
}

/// Converts an `int` read back from the kernel to a byte count.
fn buffer_size_result(value: c_int) -> io::Result<usize> {
    usize::try_from(value).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("kernel reported a negative buffer size {value}"),
        )
    })
}

impl Socket {
    fn set_netlink_flag(&self, option: c_int, on: bool) -> io::Result<()> {
        setsockopt_int(self.as_raw_fd(), sys::SOL_NETLINK, option, c_int::from(on))
    }

    fn netlink_flag(&self, option: c_int) -> io::Result<bool> {
        getsockopt_int(self.as_raw_fd(), sys::SOL_NETLINK, option).map(|v| v != 0)
    }

    /// Joins multicast group `group` (`NETLINK_ADD_MEMBERSHIP`). Unlike the
    /// bind-time bitmask, this works for any group number, including ones
    /// above 31. Group numbers start at 1.
    pub fn add_membership(&self, group: u32) -> io::Result<()> {
        // The kernel reads a u32; reinterpreting the bits as int is lossless.
        setsockopt_int(
            self.as_raw_fd(),
            sys::SOL_NETLINK,
            sys::NETLINK_ADD_MEMBERSHIP,
            group as c_int,
        )
    }

    /// Leaves multicast group `group` (`NETLINK_DROP_MEMBERSHIP`).
    pub fn drop_membership(&self, group: u32) -> io::Result<()> {
        setsockopt_int(
            self.as_raw_fd(),
            sys::SOL_NETLINK,
            sys::NETLINK_DROP_MEMBERSHIP,
            group as c_int,
        )
    }

    /// The multicast groups this socket belongs to, in increasing order
    /// (`NETLINK_LIST_MEMBERSHIPS`), whether joined at bind time or with
    /// [`add_membership`](Socket::add_membership).
    pub fn list_memberships(&self) -> io::Result<Vec<u32>> {
        // Bitmap of u32 words: bit b of word w is group 32 * w + b + 1.
        let mut words: Vec<u32> = vec![0; 4];
        loop {
            let capacity = words.len() * mem::size_of::<u32>();
            let mut len = socklen_t::try_from(capacity).map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, "membership bitmap too large")
            })?;
            // SAFETY: `words` is a live, writable buffer of `len` bytes and
            // `len` is a live local; the kernel writes at most `len` bytes of
            // bitmap and then stores the size it needs into `len`.
            let ret = unsafe {
                libc::getsockopt(
                    self.as_raw_fd(),
                    sys::SOL_NETLINK,
                    sys::NETLINK_LIST_MEMBERSHIPS,
                    words.as_mut_ptr().cast::<c_void>(),
                    &mut len,
                )
            };
            cvt(ret)?;
            let needed = len as usize;
            if needed > capacity {
                // The group count grew or our buffer was too small: retry.
                words.resize(needed.div_ceil(mem::size_of::<u32>()), 0);
                continue;
            }
            words.truncate(needed / mem::size_of::<u32>());
            break;
        }
        let mut groups = Vec::new();
        for (index, word) in (0u32..).zip(&words) {
            for bit in 0..32 {
                if word & (1 << bit) != 0 {
                    groups.push(index * 32 + bit + 1);
                }
            }
        }
        Ok(groups)
    }

    /// Asks for extended acknowledgements (`NETLINK_EXT_ACK`): error and ack
    /// messages carry TLVs such as a message string and the offending
    /// attribute offset.
    pub fn set_ext_ack(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_EXT_ACK, on)
    }

    /// Whether extended acknowledgements are on (`NETLINK_EXT_ACK`).
    pub fn ext_ack(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_EXT_ACK)
    }

    /// Caps acknowledgements (`NETLINK_CAP_ACK`): error messages no longer
    /// echo the whole failing request, only its header.
    pub fn set_cap_ack(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_CAP_ACK, on)
    }

    /// Whether acknowledgements are capped (`NETLINK_CAP_ACK`).
    pub fn cap_ack(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_CAP_ACK)
    }

    /// Enables strict checking of requests (`NETLINK_GET_STRICT_CHK`):
    /// the kernel validates dump request headers and honours their filters.
    pub fn set_strict_check(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_GET_STRICT_CHK, on)
    }

    /// Whether strict request checking is on (`NETLINK_GET_STRICT_CHK`).
    pub fn strict_check(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_GET_STRICT_CHK)
    }

    /// Suppresses `ENOBUFS` errors on receive buffer overruns
    /// (`NETLINK_NO_ENOBUFS`); overrun datagrams are then lost silently.
    pub fn set_no_enobufs(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_NO_ENOBUFS, on)
    }

    /// Whether `ENOBUFS` reporting is suppressed (`NETLINK_NO_ENOBUFS`).
    pub fn no_enobufs(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_NO_ENOBUFS)
    }

    /// Reports delivery failures of multicasts this socket sends
    /// (`NETLINK_BROADCAST_ERROR`).
    pub fn set_broadcast_error(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_BROADCAST_ERROR, on)
    }

    /// Whether broadcast errors are reported (`NETLINK_BROADCAST_ERROR`).
    pub fn broadcast_error(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_BROADCAST_ERROR)
    }

    /// Receives multicasts from every network namespace that has an id in
    /// this socket's namespace (`NETLINK_LISTEN_ALL_NSID`); the origin is
    /// reported in [`RecvInfo::nsid`](crate::RecvInfo::nsid). Needs
    /// `CAP_NET_BROADCAST`.
    pub fn set_listen_all_nsid(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_LISTEN_ALL_NSID, on)
    }

    /// Whether all-namespace listening is on (`NETLINK_LISTEN_ALL_NSID`).
    pub fn listen_all_nsid(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_LISTEN_ALL_NSID)
    }

    /// Asks for a `NETLINK_PKTINFO` control message with every datagram,
    /// reported in [`RecvInfo::group`](crate::RecvInfo::group) by
    /// [`recv_msg`](Socket::recv_msg).
    pub fn set_pktinfo(&self, on: bool) -> io::Result<()> {
        self.set_netlink_flag(sys::NETLINK_PKTINFO, on)
    }

    /// Whether `NETLINK_PKTINFO` control messages are on.
    pub fn pktinfo(&self) -> io::Result<bool> {
        self.netlink_flag(sys::NETLINK_PKTINFO)
    }

    /// Sets the receive buffer size (`SO_RCVBUF`). The kernel doubles the
    /// value for bookkeeping overhead and caps it at
    /// `net.core.rmem_max`; see [`set_recv_buffer_size_force`](Socket::set_recv_buffer_size_force).
    pub fn set_recv_buffer_size(&self, bytes: usize) -> io::Result<()> {
        setsockopt_int(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            buffer_size_arg(bytes)?,
        )
    }

    /// Sets the receive buffer size ignoring `net.core.rmem_max`
    /// (`SO_RCVBUFFORCE`). Needs `CAP_NET_ADMIN`.
    pub fn set_recv_buffer_size_force(&self, bytes: usize) -> io::Result<()> {
        setsockopt_int(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVBUFFORCE,
            buffer_size_arg(bytes)?,
        )
    }

    /// The receive buffer size as the kernel reports it (`SO_RCVBUF`):
    /// twice the value that was set.
    pub fn recv_buffer_size(&self) -> io::Result<usize> {
        buffer_size_result(getsockopt_int(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
        )?)
    }

    /// Sets the send buffer size (`SO_SNDBUF`); the kernel doubles it and
    /// caps it at `net.core.wmem_max`.
    pub fn set_send_buffer_size(&self, bytes: usize) -> io::Result<()> {
        setsockopt_int(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_SNDBUF,
            buffer_size_arg(bytes)?,
        )
    }

    /// The send buffer size as the kernel reports it (`SO_SNDBUF`).
    pub fn send_buffer_size(&self) -> io::Result<usize> {
        buffer_size_result(getsockopt_int(
            self.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_SNDBUF,
        )?)
    }

    /// Switches nonblocking mode (`O_NONBLOCK`) on or off. In nonblocking
    /// mode, operations that would wait fail with
    /// [`io::ErrorKind::WouldBlock`].
    pub fn set_nonblocking(&self, on: bool) -> io::Result<()> {
        let flags = self.fd_flags()?;
        let new = if on {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if new != flags {
            // SAFETY: F_SETFL takes an int argument and no pointers; the fd
            // is owned by `self` and open.
            cvt(unsafe { libc::fcntl(self.as_raw_fd(), libc::F_SETFL, new) })?;
        }
        Ok(())
    }

    /// Whether the socket is in nonblocking mode.
    pub fn is_nonblocking(&self) -> io::Result<bool> {
        Ok(self.fd_flags()? & libc::O_NONBLOCK != 0)
    }

    fn fd_flags(&self) -> io::Result<c_int> {
        // SAFETY: F_GETFL takes no argument and no pointers; the fd is owned
        // by `self` and open.
        cvt(unsafe { libc::fcntl(self.as_raw_fd(), libc::F_GETFL) })
    }
}
