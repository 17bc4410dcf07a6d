//! mio integration: [`Socket`] is a [`mio::event::Source`].

use std::io;
use std::os::fd::AsRawFd;

use ::mio::event::Source;
use ::mio::unix::SourceFd;
use ::mio::{Interest, Registry, Token};

use crate::Socket;

/// Registers the socket's file descriptor. Put the socket in nonblocking
/// mode ([`Socket::set_nonblocking`]) before polling it, and read until
/// `WouldBlock` after each readable event (mio is edge-triggered).
impl Source for Socket {
    fn register(
        &mut self,
        registry: &Registry,
        token: Token,
        interests: Interest,
    ) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).register(registry, token, interests)
    }

    fn reregister(
        &mut self,
        registry: &Registry,
        token: Token,
        interests: Interest,
    ) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).reregister(registry, token, interests)
    }

    fn deregister(&mut self, registry: &Registry) -> io::Result<()> {
        SourceFd(&self.as_raw_fd()).deregister(registry)
    }
}
