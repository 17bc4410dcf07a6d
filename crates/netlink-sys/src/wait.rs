//! Waiting for a blocking socket to become readable, with a timeout.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};
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
            match poll(&mut [self.pollfd()], millis) {
                Ok(0) => return Ok(false),
                Ok(_) => return Ok(true),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Waits, without a time limit, until a datagram (or an error) can be
    /// read, or until `stop` becomes readable or is closed by its peer
    /// (a pipe or socket another thread uses to call the wait off).
    /// Returns `true` for the socket, `false` for `stop`.
    pub fn wait_readable_unless(&self, stop: BorrowedFd<'_>) -> io::Result<bool> {
        loop {
            let mut fds = [
                self.pollfd(),
                libc::pollfd {
                    fd: stop.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            match poll(&mut fds, -1) {
                // A hang-up or error on `stop` calls the wait off too.
                Ok(_) if fds[1].revents != 0 => return Ok(false),
                Ok(_) if fds[0].revents != 0 => return Ok(true),
                Ok(_) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn pollfd(&self) -> libc::pollfd {
        libc::pollfd {
            fd: self.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }
    }
}

/// `poll(2)` on `fds` for at most `millis` ms (-1: no limit).
fn poll(fds: &mut [libc::pollfd], millis: libc::c_int) -> io::Result<libc::c_int> {
    // SAFETY: `fds` is a valid, initialised, writable array of
    // `fds.len()` pollfd entries that lives across the call; the
    // descriptors in it are borrowed from live owners by the callers.
    let ret = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
    cvt(ret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Protocol;

    /// RTM_GETLINK dump: nlmsghdr (REQUEST | DUMP) + ifinfomsg.
    fn getlink_dump() -> [u8; 32] {
        let mut request = [0u8; 32];
        request[0] = 32;
        request[4] = 18;
        request[6] = 0x01;
        request[7] = 0x03;
        request
    }

    #[test]
    fn idle_socket_times_out_and_pending_dump_is_readable() {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        let started = Instant::now();
        assert!(!socket
            .wait_readable(Some(Duration::from_millis(20)))
            .unwrap());
        assert!(started.elapsed() >= Duration::from_millis(20));
        socket.send(&getlink_dump(), 0).unwrap();
        assert!(socket.wait_readable(Some(Duration::from_secs(5))).unwrap());
    }

    #[test]
    fn a_wait_is_called_off_by_the_stop_descriptor_and_ends_on_data() {
        use std::io::Write;
        use std::os::fd::AsFd;
        use std::os::unix::net::UnixStream;

        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        let (mut stop_tx, stop_rx) = UnixStream::pair().unwrap();
        // Data on the socket: readable, not stopped.
        let clone = socket.try_clone().unwrap();
        clone.send(&getlink_dump(), 0).unwrap();
        assert!(socket.wait_readable_unless(stop_rx.as_fd()).unwrap());
        // Drain it through the other handle: both read one queue.
        let mut buf = Vec::new();
        while clone.try_recv_datagram(&mut buf).unwrap().is_some() {}
        // Nothing queued: another thread's write calls the wait off.
        let waiter = std::thread::spawn(move || socket.wait_readable_unless(stop_rx.as_fd()));
        std::thread::sleep(Duration::from_millis(20));
        stop_tx.write_all(b"x").unwrap();
        assert!(!waiter.join().unwrap().unwrap());
    }
}
