//! The blocking driver's receive path when a datagram does not fit: with
//! the receive room shrunk below a dump datagram's size (the real room,
//! 1 MiB, no kernel answer reaches), against this machine's kernel, as
//! root, in a fresh network namespace.

use netlink_packet_core::RawPayload;
use netlink_sys::Protocol;

use super::*;
use crate::test_support::getlink;

#[test]
fn a_datagram_larger_than_the_room_fails_its_request_and_is_reported() {
    netlink_sys::netns::run_in_new(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        // Room for a header and a bit: the first dump datagram (lo, at
        // least) is cut.
        connection.rx = Vec::with_capacity(64);
        let result = connection.request_all(&getlink(), RequestOptions::dump());
        let Err(Error::Decode { error, .. }) = result else {
            panic!("a cut dump datagram was not an error: {result:?}");
        };
        // "netlink message needs 1468 bytes but only 64 remain"
        assert!(
            error.to_string().contains("needs") && error.to_string().contains("only 64 remain"),
            "{error}"
        );
        // Anything it carried for others is reported lost...
        let event = connection.next_event::<RawPayload>(Some(Duration::ZERO));
        assert!(matches!(event, Ok(Some(Event::Overrun))), "{event:?}");
        // ...and the room grew: the same dump now comes whole.
        assert!(connection.rx.capacity() > 64);
        let links = connection
            .request_all(&getlink(), RequestOptions::dump())
            .unwrap();
        assert_eq!(links.len(), 1, "lo alone in a new namespace");
    })
    .unwrap();
}
