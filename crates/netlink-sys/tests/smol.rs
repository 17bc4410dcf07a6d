//! SmolSocket kernel tests (feature `smol`). They need root.
#![cfg(feature = "smol")]

mod common;

use std::io::IoSlice;

use common::*;
use netlink_sys::{netns, Protocol, SmolSocket, Socket, SocketAddr};

async fn collect(socket: &SmolSocket, requests: usize) -> Dump {
    let mut dump = Dump::default();
    let mut buf = Vec::new();
    while dump.finished() < requests {
        let info = socket.recv_datagram(&mut buf).await.unwrap();
        assert_eq!(info.sender, SocketAddr::KERNEL);
        dump.feed(&buf);
    }
    dump
}

/// Dumps through every send flavour of SmolSocket under async_io::block_on.
#[test]
fn smol_dump() {
    require_root();
    watchdog(120);
    let socket = netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        socket
    })
    .unwrap();
    async_io::block_on(async {
        let socket = SmolSocket::new(socket).unwrap();
        assert!(socket.get_ref().is_nonblocking().unwrap());

        assert_eq!(socket.send(&getlink_request(1)).await.unwrap(), 32);
        let dump = collect(&socket, 1).await;
        let mut names = dump.names.clone();
        names.sort();
        assert_eq!(names, ["lo", "v0", "v1"]);

        socket
            .send_to(&getlink_request(2), &SocketAddr::KERNEL)
            .await
            .unwrap();
        assert_eq!(collect(&socket, 1).await.dones, [2]);

        // A dump and a single-link get in one datagram (a socket runs one
        // dump at a time, so two dumps would give EBUSY for the second).
        let (a, b) = (getlink_request(3), getlink_one_request(4, 1));
        socket
            .send_vectored(&[IoSlice::new(&a), IoSlice::new(&b)])
            .await
            .unwrap();
        let answers = collect(&socket, 2).await;
        assert!(answers.errors.is_empty(), "{:?}", answers.errors);
        assert_eq!(answers.dones, [3]);
        assert_eq!(answers.acks, [4]);

        let socket = socket.into_inner().unwrap();
        assert_eq!(socket.protocol(), Protocol::Route);
    });
}
