//! tokio integration: [`TokioSocket`].

use std::io::{self, IoSlice};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::task::{ready, Context, Poll};

use ::tokio::io::unix::AsyncFd;

use crate::{RecvInfo, Socket, SocketAddr};

/// A netlink [`Socket`] driven by the tokio reactor.
///
/// Each operation waits for readiness, then tries the nonblocking call; a
/// spurious `WouldBlock` clears the readiness and waits again.
#[derive(Debug)]
pub struct TokioSocket {
    inner: AsyncFd<Socket>,
}

impl TokioSocket {
    /// Puts `socket` in nonblocking mode and registers it with the current
    /// tokio runtime.
    ///
    /// # Panics
    ///
    /// When called outside a tokio runtime, or in one without I/O enabled
    /// (as [`AsyncFd::new`] does).
    pub fn new(socket: Socket) -> io::Result<Self> {
        socket.set_nonblocking(true)?;
        // Newer tokio releases deprecate `AsyncFd::new` in favour of the
        // unsafe `AsyncFd::register`, because an arbitrary `T: AsRawFd` might
        // not own its descriptor. `Socket` owns its `OwnedFd`, always returns
        // the same descriptor from `as_raw_fd`, and `TokioSocket` never hands
        // out `&mut Socket`, so the descriptor stays open and unchanged while
        // registered. `new` is kept so the crate builds with every tokio 1.x
        // the workspace allows (`register` only exists in recent releases).
        #[allow(deprecated)]
        let inner = AsyncFd::new(socket)?;
        Ok(TokioSocket { inner })
    }

    /// The underlying socket, e.g. to set options or join groups.
    pub fn get_ref(&self) -> &Socket {
        self.inner.get_ref()
    }

    /// Deregisters from the runtime and gives the socket back (still in
    /// nonblocking mode).
    pub fn into_inner(self) -> Socket {
        self.inner.into_inner()
    }

    /// Polls for one whole datagram, as [`Socket::recv_datagram`] does.
    pub fn poll_recv_datagram(
        &self,
        cx: &mut Context<'_>,
        buf: &mut Vec<u8>,
    ) -> Poll<io::Result<RecvInfo>> {
        self.poll_read_with(cx, |socket| socket.recv_datagram(buf))
    }

    /// Polls for one datagram received with a single system call, as
    /// [`Socket::recv_into_capacity`] does.
    pub fn poll_recv_into_capacity(
        &self,
        cx: &mut Context<'_>,
        buf: &mut Vec<u8>,
    ) -> Poll<io::Result<RecvInfo>> {
        self.poll_read_with(cx, |socket| socket.recv_into_capacity(buf, 0))
    }

    /// Runs `read` once the socket is readable, until it does not report
    /// `WouldBlock` (which clears the readiness and waits again).
    fn poll_read_with<R>(
        &self,
        cx: &mut Context<'_>,
        mut read: impl FnMut(&Socket) -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        loop {
            let mut guard = ready!(self.inner.poll_read_ready(cx))?;
            if let Ok(result) = guard.try_io(|inner| read(inner.get_ref())) {
                return Poll::Ready(result);
            }
        }
    }

    /// Polls for sending `buf` as one datagram to the connected peer or the
    /// kernel, as [`Socket::send`] does.
    pub fn poll_send(&self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        loop {
            let mut guard = ready!(self.inner.poll_write_ready(cx))?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().send(buf, 0)) {
                return Poll::Ready(result);
            }
        }
    }

    /// Polls for sending `bufs` as one datagram, as
    /// [`Socket::send_vectored`] with no address does.
    pub fn poll_send_vectored(
        &self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        loop {
            let mut guard = ready!(self.inner.poll_write_ready(cx))?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().send_vectored(bufs, None)) {
                return Poll::Ready(result);
            }
        }
    }

    /// Receives one whole datagram into `buf` (see
    /// [`Socket::recv_datagram`]).
    pub async fn recv_datagram(&self, buf: &mut Vec<u8>) -> io::Result<RecvInfo> {
        loop {
            let mut guard = self.inner.readable().await?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().recv_datagram(buf)) {
                return result;
            }
        }
    }

    /// Sends `buf` as one datagram to the connected peer or the kernel.
    pub async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        loop {
            let mut guard = self.inner.writable().await?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().send(buf, 0)) {
                return result;
            }
        }
    }

    /// Sends `buf` as one datagram to `addr`.
    pub async fn send_to(&self, buf: &[u8], addr: &SocketAddr) -> io::Result<usize> {
        loop {
            let mut guard = self.inner.writable().await?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().send_to(buf, addr, 0)) {
                return result;
            }
        }
    }

    /// Sends `bufs` as one datagram (one `sendmsg`) to the connected peer or
    /// the kernel.
    pub async fn send_vectored(&self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        loop {
            let mut guard = self.inner.writable().await?;
            if let Ok(result) = guard.try_io(|inner| inner.get_ref().send_vectored(bufs, None)) {
                return result;
            }
        }
    }
}

impl AsRawFd for TokioSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.inner.get_ref().as_raw_fd()
    }
}

impl AsFd for TokioSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.inner.get_ref().as_fd()
    }
}
