//! mio integration kernel test (feature `mio`). It needs root.
#![cfg(feature = "mio")]

mod common;

use std::io;
use std::time::Duration;

use common::*;
use mio::{Events, Interest, Poll, Token};
use netlink_sys::{netns, Protocol, Socket};

/// A registered Socket becomes readable after a dump request; draining it
/// until WouldBlock yields the whole dump.
#[test]
fn mio_readable_event() {
    require_root();
    watchdog(120);
    netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        socket.set_nonblocking(true).unwrap();

        let mut poll = Poll::new().unwrap();
        let mut events = Events::with_capacity(8);
        poll.registry()
            .register(&mut socket, Token(7), Interest::READABLE)
            .unwrap();

        // Nothing to read yet.
        poll.poll(&mut events, Some(Duration::from_millis(50)))
            .unwrap();
        assert!(events.is_empty());

        socket.send(&getlink_request(1), 0).unwrap();
        let mut dump = Dump::default();
        let mut buf = Vec::new();
        while dump.dones.is_empty() {
            poll.poll(&mut events, Some(Duration::from_secs(10)))
                .unwrap();
            let event = events
                .iter()
                .next()
                .expect("no readiness event within 10 s");
            assert_eq!(event.token(), Token(7));
            assert!(event.is_readable());
            loop {
                match socket.recv_datagram(&mut buf) {
                    Ok(_) => dump.feed(&buf),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) => panic!("recv_datagram: {e}"),
                }
            }
        }
        assert_eq!(dump.names, ["lo"]);

        poll.registry()
            .reregister(&mut socket, Token(8), Interest::READABLE)
            .unwrap();
        poll.registry().deregister(&mut socket).unwrap();
    })
    .unwrap();
}
