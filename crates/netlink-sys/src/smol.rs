//! smol / async-io integration: [`SmolSocket`].

use std::io::{self, IoSlice};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};

use async_io::Async;

use crate::{RecvInfo, Socket, SocketAddr};

/// A netlink [`Socket`] driven by the async-io reactor (smol and friends).
#[derive(Debug)]
pub struct SmolSocket {
    inner: Async<Socket>,
}

impl SmolSocket {
    /// Puts `socket` in nonblocking mode and registers it with the async-io
    /// reactor.
    pub fn new(socket: Socket) -> io::Result<Self> {
        Ok(SmolSocket {
            inner: Async::new(socket)?,
        })
    }

    /// The underlying socket, e.g. to set options or join groups.
    pub fn get_ref(&self) -> &Socket {
        self.inner.get_ref()
    }

    /// Deregisters from the reactor and gives the socket back (still in
    /// nonblocking mode).
    pub fn into_inner(self) -> io::Result<Socket> {
        self.inner.into_inner()
    }

    /// Receives one whole datagram into `buf` (see
    /// [`Socket::recv_datagram`]).
    pub async fn recv_datagram(&self, buf: &mut Vec<u8>) -> io::Result<RecvInfo> {
        self.inner
            .read_with(|socket| socket.recv_datagram(buf))
            .await
    }

    /// Sends `buf` as one datagram to the connected peer or the kernel.
    pub async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write_with(|socket| socket.send(buf, 0)).await
    }

    /// Sends `buf` as one datagram to `addr`.
    pub async fn send_to(&self, buf: &[u8], addr: &SocketAddr) -> io::Result<usize> {
        self.inner
            .write_with(|socket| socket.send_to(buf, addr, 0))
            .await
    }

    /// Sends `bufs` as one datagram (one `sendmsg`) to the connected peer or
    /// the kernel.
    pub async fn send_vectored(&self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        self.inner
            .write_with(|socket| socket.send_vectored(bufs, None))
            .await
    }
}

impl AsRawFd for SmolSocket {
    fn as_raw_fd(&self) -> RawFd {
        self.inner.get_ref().as_raw_fd()
    }
}

impl AsFd for SmolSocket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.inner.get_ref().as_fd()
    }
}
