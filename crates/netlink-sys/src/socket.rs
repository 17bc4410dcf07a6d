//! The netlink socket itself: creation, addressing, sending and receiving.

use std::fmt;
use std::io::{self, IoSlice};
use std::mem;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::ptr;

use libc::{c_int, c_void};

use crate::netns::{self, Namespace};
use crate::sys::{self, cvt, cvt_size, SockaddrNl, SOCKADDR_NL_LEN};
use crate::{Error, Protocol, SocketAddr};

/// What [`Socket::recv_msg`] and [`Socket::recv_datagram`] report about one
/// received datagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RecvInfo {
    /// The real length of the datagram. It may exceed the buffer that was
    /// passed in, in which case [`truncated`](RecvInfo::truncated) is set and
    /// only the buffer's worth of bytes was stored.
    pub len: usize,
    /// The sender's address; port id 0 is the kernel.
    pub sender: SocketAddr,
    /// The kernel flagged the datagram as truncated (`MSG_TRUNC` in
    /// `msg_flags`): the rest of it is lost.
    pub truncated: bool,
    /// The multicast group the datagram was delivered through, from the
    /// `NETLINK_PKTINFO` control message (only with
    /// [`set_pktinfo(true)`](Socket::set_pktinfo); 0 for unicast).
    pub group: Option<u32>,
    /// The id, in the receiving socket's namespace, of the network namespace
    /// the datagram comes from, from the `NETLINK_LISTEN_ALL_NSID` control
    /// message (only with [`set_listen_all_nsid(true)`](Socket::set_listen_all_nsid)).
    pub nsid: Option<i32>,
}

/// A netlink socket (`socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol)`).
///
/// The socket is blocking when created; see
/// [`set_nonblocking`](Socket::set_nonblocking). Closing happens on drop.
pub struct Socket {
    fd: OwnedFd,
    protocol: Protocol,
}

/// Control-message buffer, aligned for `struct cmsghdr`. Room for a few
/// `int`-sized netlink control messages.
#[repr(C, align(8))]
struct CmsgBuffer([u8; 128]);

impl Socket {
    /// Opens a netlink socket for `protocol` in the calling thread's network
    /// namespace. It is close-on-exec and blocking.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedProtocol`] when the kernel does not know the
    /// protocol (`EPROTONOSUPPORT`), [`Error::Io`] for any other failure.
    pub fn new(protocol: Protocol) -> Result<Socket, Error> {
        // SAFETY: socket(2) takes no pointers; the return value is checked
        // before use.
        let ret = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                protocol.number(),
            )
        };
        let fd = cvt(ret).map_err(|source| {
            if source.raw_os_error() == Some(libc::EPROTONOSUPPORT) {
                Error::UnsupportedProtocol { protocol, source }
            } else {
                Error::Io {
                    operation: "socket(AF_NETLINK)",
                    source,
                }
            }
        })?;
        // SAFETY: `fd` was just returned by a successful socket(2) call, so it
        // is an open descriptor that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        Ok(Socket { fd, protocol })
    }

    /// Opens a netlink socket inside the network namespace `ns`.
    ///
    /// The socket is created on a short-lived helper thread (see
    /// [`netns::run_in`]); it stays in that namespace for its whole life,
    /// while the calling thread never changes namespace.
    ///
    /// # Errors
    ///
    /// [`Error::Namespace`] when the namespace cannot be entered, otherwise
    /// the errors of [`Socket::new`].
    pub fn new_in_namespace(protocol: Protocol, ns: &Namespace) -> Result<Socket, Error> {
        netns::run_in(ns, || Socket::new(protocol))?
    }

    /// The protocol this socket was opened with.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// A second handle to the same socket (`fcntl(F_DUPFD_CLOEXEC)`): both
    /// read the same queue and share every option, so a thread can receive
    /// on one while another sends on the other. The socket closes when the
    /// last handle is dropped.
    pub fn try_clone(&self) -> io::Result<Socket> {
        Ok(Socket {
            fd: self.fd.try_clone()?,
            protocol: self.protocol,
        })
    }

    /// Binds the socket to `addr` (`bind(2)`).
    ///
    /// A port id of 0 lets the kernel choose one; a non-zero group mask joins
    /// the legacy groups `1..=32` it names (joining needs privileges for most
    /// protocols).
    pub fn bind(&mut self, addr: &SocketAddr) -> io::Result<()> {
        let raw = addr.to_raw();
        // SAFETY: `raw` is a live `sockaddr_nl` and we pass its exact size;
        // the kernel only reads from it.
        let ret = unsafe {
            libc::bind(
                self.fd.as_raw_fd(),
                (&raw as *const SockaddrNl).cast::<libc::sockaddr>(),
                SOCKADDR_NL_LEN,
            )
        };
        cvt(ret).map(drop)
    }

    /// Binds to port 0 without groups, letting the kernel pick a unique port
    /// id, and returns the resulting local address.
    pub fn bind_auto(&mut self) -> io::Result<SocketAddr> {
        self.bind(&SocketAddr::new(0, 0))?;
        self.local_addr()
    }

    /// The socket's local address (`getsockname(2)`).
    ///
    /// An unbound socket that has not sent anything yet has port id 0.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        let mut raw = SockaddrNl::default();
        let mut len = SOCKADDR_NL_LEN;
        // SAFETY: `raw` and `len` are live, writable locals and `len` holds
        // the size of `raw`, so the kernel writes at most that many bytes.
        let ret = unsafe {
            libc::getsockname(
                self.fd.as_raw_fd(),
                (&mut raw as *mut SockaddrNl).cast::<libc::sockaddr>(),
                &mut len,
            )
        };
        cvt(ret)?;
        Ok(SocketAddr::from_raw(&raw))
    }

    /// Sets the default destination (`connect(2)`) used by
    /// [`send`](Socket::send); it also restricts multicast reception to
    /// datagrams from that peer.
    pub fn connect(&self, addr: &SocketAddr) -> io::Result<()> {
        let raw = addr.to_raw();
        // SAFETY: `raw` is a live `sockaddr_nl` and we pass its exact size;
        // the kernel only reads from it.
        let ret = unsafe {
            libc::connect(
                self.fd.as_raw_fd(),
                (&raw as *const SockaddrNl).cast::<libc::sockaddr>(),
                SOCKADDR_NL_LEN,
            )
        };
        cvt(ret).map(drop)
    }

    /// Sends one datagram to the connected peer, or to the kernel when the
    /// socket is not connected (`send(2)`). Returns the number of bytes sent.
    #[inline]
    pub fn send(&self, buf: &[u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `buf` is a valid slice; the kernel reads at most `buf.len()`
        // bytes from its start.
        let ret = unsafe {
            libc::send(
                self.fd.as_raw_fd(),
                buf.as_ptr().cast::<c_void>(),
                buf.len(),
                flags,
            )
        };
        cvt_size(ret)
    }

    /// Sends one datagram to `addr` (`sendto(2)`). Returns the number of
    /// bytes sent.
    pub fn send_to(&self, buf: &[u8], addr: &SocketAddr, flags: i32) -> io::Result<usize> {
        let raw = addr.to_raw();
        // SAFETY: `buf` is a valid slice read for at most `buf.len()` bytes;
        // `raw` is a live `sockaddr_nl` passed with its exact size.
        let ret = unsafe {
            libc::sendto(
                self.fd.as_raw_fd(),
                buf.as_ptr().cast::<c_void>(),
                buf.len(),
                flags,
                (&raw as *const SockaddrNl).cast::<libc::sockaddr>(),
                SOCKADDR_NL_LEN,
            )
        };
        cvt_size(ret)
    }

    /// Sends the concatenation of `bufs` as ONE datagram with a single
    /// `sendmsg(2)`, to `addr` or (with `None`) to the connected peer or the
    /// kernel. This is how several netlink messages travel in one datagram.
    pub fn send_vectored(
        &self,
        bufs: &[IoSlice<'_>],
        addr: Option<&SocketAddr>,
    ) -> io::Result<usize> {
        let mut raw = addr.map(|addr| addr.to_raw());
        // SAFETY: `msghdr` is a plain C struct for which all-zero bytes (null
        // pointers, zero lengths) is a valid value.
        let mut msg: libc::msghdr = unsafe { mem::zeroed() };
        if let Some(raw) = raw.as_mut() {
            msg.msg_name = (raw as *mut SockaddrNl).cast::<c_void>();
            msg.msg_namelen = SOCKADDR_NL_LEN;
        }
        // `IoSlice` is guaranteed ABI-compatible with `struct iovec` on Unix.
        // sendmsg only reads through msg_iov, so the mutable cast is not used
        // to write.
        msg.msg_iov = bufs.as_ptr().cast_mut().cast::<libc::iovec>();
        msg.msg_iovlen = bufs.len() as _;
        // SAFETY: every pointer in `msg` is valid for the duration of the
        // call: the optional address lives in `raw`, the iovec array is
        // `bufs` (ABI-compatible with `iovec`), each describing a live
        // borrowed slice; there is no control buffer.
        let ret = unsafe { libc::sendmsg(self.fd.as_raw_fd(), &msg, 0) };
        cvt_size(ret)
    }

    /// Receives one datagram into `buf` (`recv(2)`). Returns the number of
    /// bytes stored; a longer datagram is silently truncated (use
    /// [`recv_datagram`](Socket::recv_datagram) to avoid that).
    pub fn recv(&self, buf: &mut [u8], flags: i32) -> io::Result<usize> {
        // SAFETY: `buf` is a valid, writable slice; the kernel writes at most
        // `buf.len()` bytes from its start.
        let ret = unsafe {
            libc::recv(
                self.fd.as_raw_fd(),
                buf.as_mut_ptr().cast::<c_void>(),
                buf.len(),
                flags,
            )
        };
        cvt_size(ret)
    }

    /// Receives one datagram into `buf` (`recvfrom(2)`), returning the number
    /// of bytes stored and the sender's address.
    pub fn recv_from(&self, buf: &mut [u8], flags: i32) -> io::Result<(usize, SocketAddr)> {
        let mut raw = SockaddrNl::default();
        let mut len = SOCKADDR_NL_LEN;
        // SAFETY: `buf` is a valid, writable slice of `buf.len()` bytes;
        // `raw` and `len` are live writable locals with `len` holding the
        // size of `raw`.
        let ret = unsafe {
            libc::recvfrom(
                self.fd.as_raw_fd(),
                buf.as_mut_ptr().cast::<c_void>(),
                buf.len(),
                flags,
                (&mut raw as *mut SockaddrNl).cast::<libc::sockaddr>(),
                &mut len,
            )
        };
        let n = cvt_size(ret)?;
        Ok((n, SocketAddr::from_raw(&raw)))
    }

    /// Receives one datagram into `buf` with `recvmsg(2)` and reports its
    /// real length, sender, truncation, and the `NETLINK_PKTINFO` /
    /// `NETLINK_LISTEN_ALL_NSID` control messages.
    ///
    /// At most `buf.len()` bytes are stored; `MSG_TRUNC` is always added to
    /// `flags` so that [`RecvInfo::len`] is the full datagram length.
    pub fn recv_msg(&self, buf: &mut [u8], flags: i32) -> io::Result<RecvInfo> {
        // SAFETY: `buf` is a valid, writable slice of `buf.len()` bytes.
        unsafe { self.recv_msg_into(buf.as_mut_ptr(), buf.len(), flags) }
    }

    /// `recvmsg(2)` into raw memory.
    ///
    /// # Safety
    ///
    /// `data` must be valid for writes of `len` bytes (it may be
    /// uninitialised) for the duration of the call.
    unsafe fn recv_msg_into(
        &self,
        data: *mut u8,
        len: usize,
        flags: c_int,
    ) -> io::Result<RecvInfo> {
        let mut raw = SockaddrNl::default();
        let mut iov = libc::iovec {
            iov_base: data.cast::<c_void>(),
            iov_len: len,
        };
        let mut control = CmsgBuffer([0; 128]);
        // SAFETY: `msghdr` is a plain C struct for which all-zero bytes (null
        // pointers, zero lengths) is a valid value.
        let mut msg: libc::msghdr = unsafe { mem::zeroed() };
        msg.msg_name = (&mut raw as *mut SockaddrNl).cast::<c_void>();
        msg.msg_namelen = SOCKADDR_NL_LEN;
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.0.as_mut_ptr().cast::<c_void>();
        msg.msg_controllen = control.0.len() as _;
        // SAFETY: `msg` points to live locals: the address buffer `raw`
        // (with its size), one iovec describing `data`/`len` (writable per
        // this function's contract) and the aligned control buffer with its
        // size. The kernel writes within those bounds only.
        let ret = unsafe { libc::recvmsg(self.fd.as_raw_fd(), &mut msg, flags | libc::MSG_TRUNC) };
        let len = cvt_size(ret)?;
        let mut info = RecvInfo {
            len,
            sender: SocketAddr::from_raw(&raw),
            truncated: msg.msg_flags & libc::MSG_TRUNC != 0,
            group: None,
            nsid: None,
        };
        parse_control(&msg, &mut info);
        Ok(info)
    }

    /// The size of the next datagram, without consuming it
    /// (`recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC)`). Blocks like a receive
    /// on a blocking socket; `WouldBlock` on a nonblocking one when the
    /// queue is empty.
    pub fn peek_size(&self) -> io::Result<usize> {
        self.peek_size_with(0)
    }

    fn peek_size_with(&self, flags: libc::c_int) -> io::Result<usize> {
        // SAFETY: a zero-length buffer is never written to, so a null pointer
        // is acceptable; MSG_PEEK leaves the datagram queued.
        let ret = unsafe {
            libc::recv(
                self.fd.as_raw_fd(),
                ptr::null_mut(),
                0,
                libc::MSG_PEEK | libc::MSG_TRUNC | flags,
            )
        };
        cvt_size(ret)
    }

    /// Receives one whole datagram into `buf`, never truncating.
    ///
    /// The size of the next datagram is peeked first and `buf`'s capacity is
    /// grown if needed (it never shrinks, so a reused buffer stops
    /// allocating). Afterwards `buf.len()` is the datagram's length; the old
    /// contents are replaced. In nonblocking mode an empty queue gives
    /// [`io::ErrorKind::WouldBlock`].
    ///
    /// Only if another thread receives from the same socket between the peek
    /// and the receive can the datagram be larger than the buffer; then
    /// [`RecvInfo::truncated`] is set and `buf` holds the part that fitted.
    pub fn recv_datagram(&self, buf: &mut Vec<u8>) -> io::Result<RecvInfo> {
        let size = self.peek_size()?;
        self.recv_sized(buf, size)
    }

    /// [`Socket::recv_datagram`] that does not wait, even on a blocking
    /// socket: `Ok(None)` when no datagram is queued. One system call
    /// fewer than polling first.
    pub fn try_recv_datagram(&self, buf: &mut Vec<u8>) -> io::Result<Option<RecvInfo>> {
        match self.peek_size_with(libc::MSG_DONTWAIT) {
            Ok(size) => self.recv_sized(buf, size).map(Some),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Receives one datagram into `buf` with a single system call, in up to
    /// `buf.capacity()` bytes (the old contents are replaced; `buf.len()` is
    /// what was stored). No size is peeked first, so a datagram larger than
    /// the capacity loses its tail: [`RecvInfo::truncated`] says so and
    /// [`RecvInfo::len`] is its real length. Callers give the buffer room
    /// for the largest datagram they expect (memory that is reserved but
    /// never written costs no physical pages) and grow it on truncation.
    /// `flags` are `recvmsg(2)` flags, such as `MSG_DONTWAIT`.
    #[inline]
    pub fn recv_into_capacity(&self, buf: &mut Vec<u8>, flags: i32) -> io::Result<RecvInfo> {
        buf.clear();
        let spare = buf.spare_capacity_mut();
        let capacity = spare.len();
        // SAFETY: the spare capacity is `capacity` bytes of memory owned by
        // `buf`, valid for writes (uninitialised bytes are fine for the
        // kernel to write into).
        let info = unsafe { self.recv_msg_into(spare.as_mut_ptr().cast::<u8>(), capacity, flags)? };
        let stored = info.len.min(capacity);
        // SAFETY: recvmsg copied min(datagram length, buffer length) bytes
        // into the start of the spare capacity, so the first `stored` bytes
        // are initialised, and `stored <= capacity`.
        unsafe { buf.set_len(stored) };
        Ok(info)
    }

    /// [`Socket::recv_into_capacity`] that does not wait, even on a blocking
    /// socket: `Ok(None)` when no datagram is queued.
    pub fn try_recv_into_capacity(&self, buf: &mut Vec<u8>) -> io::Result<Option<RecvInfo>> {
        match self.recv_into_capacity(buf, libc::MSG_DONTWAIT) {
            Ok(info) => Ok(Some(info)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Receives the queued datagram, `size` bytes long as peeked.
    fn recv_sized(&self, buf: &mut Vec<u8>, size: usize) -> io::Result<RecvInfo> {
        buf.clear();
        // With len 0, this makes capacity >= size; it never shrinks.
        buf.reserve(size);
        self.recv_into_capacity(buf, 0)
    }
}

/// Fills `info.group` and `info.nsid` from the control messages of a
/// completed `recvmsg`. `NETLINK_PKTINFO` carries a `struct nl_pktinfo`
/// (one `__u32 group`), `NETLINK_LISTEN_ALL_NSID` an `int`.
// `msg_controllen` and `cmsg_len` are `size_t` on glibc but `socklen_t` on
// musl, so the casts are needed on some targets.
#[allow(clippy::unnecessary_cast)]
fn parse_control(msg: &libc::msghdr, info: &mut RecvInfo) {
    let start = msg.msg_control as usize;
    let end = start.saturating_add(msg.msg_controllen as usize);
    // SAFETY: `msg` was filled by a successful recvmsg; its control pointer
    // and (kernel-updated) length describe our live control buffer.
    let mut cmsg = unsafe { libc::CMSG_FIRSTHDR(msg) };
    while !cmsg.is_null() {
        // SAFETY: a non-null header from CMSG_FIRSTHDR/CMSG_NXTHDR lies
        // entirely within the control buffer, which is aligned for cmsghdr.
        let hdr = unsafe { ptr::read(cmsg) };
        // SAFETY: CMSG_LEN is a pure size computation.
        let header_len = unsafe { libc::CMSG_LEN(0) } as usize;
        // SAFETY: `cmsg` is a valid header inside the buffer; CMSG_DATA only
        // computes the address just past it.
        let data = unsafe { libc::CMSG_DATA(cmsg) };
        let data_len = (hdr.cmsg_len as usize).saturating_sub(header_len);
        let fits = (data as usize)
            .checked_add(mem::size_of::<u32>())
            .is_some_and(|data_end| data_end <= end);
        if hdr.cmsg_level == sys::SOL_NETLINK && data_len >= mem::size_of::<u32>() && fits {
            // SAFETY: checked above that 4 bytes of payload lie within the
            // control buffer; read_unaligned has no alignment requirement.
            let value = unsafe { ptr::read_unaligned(data.cast::<u32>()) };
            match hdr.cmsg_type {
                sys::NETLINK_PKTINFO => info.group = Some(value),
                // The kernel stores an `int`; reinterpret the same bits.
                sys::NETLINK_LISTEN_ALL_NSID => info.nsid = Some(value as i32),
                _ => {}
            }
        }
        // SAFETY: `msg` describes the control buffer and `cmsg` is a valid
        // header in it; CMSG_NXTHDR checks the bounds and returns null at
        // the end.
        cmsg = unsafe { libc::CMSG_NXTHDR(msg, cmsg) };
    }
}

impl AsRawFd for Socket {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl IntoRawFd for Socket {
    fn into_raw_fd(self) -> RawFd {
        self.fd.into_raw_fd()
    }
}

impl From<Socket> for OwnedFd {
    fn from(socket: Socket) -> Self {
        socket.fd
    }
}

impl fmt::Debug for Socket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Socket");
        s.field("fd", &self.fd.as_raw_fd())
            .field("protocol", &self.protocol);
        if let Ok(addr) = self.local_addr() {
            s.field("local_addr", &addr);
        }
        s.finish()
    }
}
