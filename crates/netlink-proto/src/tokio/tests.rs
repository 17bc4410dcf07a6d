//! The tokio driver's receive path when a datagram does not fit: with the
//! receive room shrunk below a dump datagram's size (the real room, 1 MiB,
//! no kernel answer reaches), against this machine's kernel, as root, in
//! a fresh network namespace.

use futures::StreamExt;
use netlink_packet_core::RawPayload;
use netlink_sys::{Protocol, Socket};

use super::*;
use crate::test_support::getlink;
use crate::{Event, RequestOptions};

#[test]
fn a_datagram_larger_than_the_room_fails_its_request_and_is_reported() {
    netlink_sys::netns::run_in_new(|| {
        let socket = Socket::new(Protocol::Route).unwrap();
        let (mut connection, handle, mut events) =
            new_connection_with::<RawPayload>(socket, ConnectionConfig::default()).unwrap();
        connection.shrink_receive_room_for_tests(64);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            tokio::spawn(connection);
            let mut replies = handle
                .request(getlink(), RequestOptions::dump())
                .await
                .unwrap();
            let first = replies.next().await.unwrap();
            let Err(Error::Decode { error, .. }) = first else {
                panic!("a cut dump datagram was not an error: {first:?}");
            };
            assert!(error.to_string().contains("only 64 remain"), "{error}");
            assert!(replies.next().await.is_none(), "the error is the last item");
            // Anything it carried for others is reported lost...
            assert!(matches!(events.next().await, Some(Event::Overrun)));
            // ...and the room grew: the same dump now comes whole.
            let links: Vec<_> = handle
                .request(getlink(), RequestOptions::dump())
                .await
                .unwrap()
                .collect()
                .await;
            assert_eq!(links.len(), 1, "lo alone in a new namespace: {links:?}");
            assert!(links[0].is_ok());
        });
    })
    .unwrap();
}
