//! TokioSocket kernel tests (feature `tokio`). They need root.
#![cfg(feature = "tokio")]

mod common;

use std::future::poll_fn;
use std::io::IoSlice;

use common::*;
use netlink_sys::{netns, Protocol, Socket, SocketAddr, TokioSocket};

/// A socket in a scratch namespace holding one veth pair.
fn scratch_socket() -> Socket {
    netns::run_in_new(|| {
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let mut socket = Socket::new(Protocol::Route).unwrap();
        socket.bind_auto().unwrap();
        socket
    })
    .unwrap()
}

async fn collect(socket: &TokioSocket, requests: usize) -> Dump {
    let mut dump = Dump::default();
    let mut buf = Vec::new();
    while dump.finished() < requests {
        let info = socket.recv_datagram(&mut buf).await.unwrap();
        assert_eq!(info.sender, SocketAddr::KERNEL);
        assert_eq!(info.len, buf.len());
        dump.feed(&buf);
    }
    dump
}

/// Dumps through every send flavour of TokioSocket on a current_thread
/// runtime; the poll_* functions work through poll_fn.
#[test]
fn tokio_dump() {
    require_root();
    watchdog(120);
    let socket = scratch_socket();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .unwrap();
    runtime.block_on(async {
        let socket = TokioSocket::new(socket).unwrap();
        assert!(socket.get_ref().is_nonblocking().unwrap());

        let request = getlink_request(1);
        assert_eq!(socket.send(&request).await.unwrap(), 32);
        let dump = collect(&socket, 1).await;
        let mut names = dump.names.clone();
        names.sort();
        assert_eq!(names, ["lo", "v0", "v1"]);
        assert_eq!(dump.dones, [1]);

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

        // The poll_* API.
        let request = getlink_request(5);
        let sent = poll_fn(|cx| socket.poll_send(cx, &request)).await.unwrap();
        assert_eq!(sent, 32);
        let mut dump = Dump::default();
        let mut buf = Vec::new();
        while dump.dones.is_empty() {
            poll_fn(|cx| socket.poll_recv_datagram(cx, &mut buf))
                .await
                .unwrap();
            dump.feed(&buf);
        }
        assert_eq!(dump.dones, [5]);
        let (c, d) = (getlink_request(6), getlink_one_request(7, 1));
        let bufs = [IoSlice::new(&c), IoSlice::new(&d)];
        poll_fn(|cx| socket.poll_send_vectored(cx, &bufs))
            .await
            .unwrap();
        let answers = collect(&socket, 2).await;
        assert_eq!((answers.dones, answers.acks), (vec![6], vec![7]));

        let socket = socket.into_inner();
        assert_eq!(socket.protocol(), Protocol::Route);
    });
}
