//! Waiting for a blocking socket to become readable, with a timeout.

use std::io;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use crate::socket::Socket;
use crate::sys::cvt;

impl Socket {
    /// Waits until a datagram (or an error such as `ENOBUFS`) can be read,
    /// at most `timeout` (`None`: forever). Returns `false` if the time ran
    /// out. Interrupted waits (`EINTR`) resume with the remaining time.
    pub fn wait_readable(&self, timeout: Option<Duration>) -> io::Result<bool> {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        loop {
            let millis: libc::c_int = match deadline {
                None => -1,
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    // Round up so that a short wait does not become a busy loop.
                    let ms = left.as_micros().div_ceil(1000);
                    libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX)
                }
            };
            let mut pollfd = libc::pollfd {
                fd: self.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: `pollfd` is a valid, initialised array of one element
            // that lives across the call; the fd is owned by `self` and open.
            let ret = unsafe { libc::poll(&mut pollfd, 1, millis) };
            match cvt(ret) {
                Ok(0) => return Ok(false),
                Ok(_) => return Ok(true),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Protocol;

    #[test]
    fn idle_socket_times_out_and_pending_dump_is_readable() {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        let started = Instant::now();
        assert!(!socket
            .wait_readable(Some(Duration::from_millis(20)))
            .unwrap());
        assert!(started.elapsed() >= Duration::from_millis(20));
        // RTM_GETLINK dump: nlmsghdr + ifinfomsg.
        let mut request = [0u8; 32];
        request[0] = 32;
        request[4] = 18;
        request[6] = 0x01;
        request[7] = 0x03;
        socket.send(&request, 0).unwrap();
        assert!(socket.wait_readable(Some(Duration::from_secs(5))).unwrap());
    }
}
