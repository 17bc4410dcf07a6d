//! The engine against this machine's kernel, through the tokio driver.
//! Every test runs in its own fresh network namespace, as root: the socket
//! is opened on the namespace's thread, the runtime may run it anywhere.

#![cfg(feature = "tokio")]

mod common;

use std::time::Duration;

use common::*;
use futures::{StreamExt, TryStreamExt};
use netlink_packet_core::{NetlinkPayload, RawPayload};
use netlink_proto::tokio::{new_connection, new_connection_with, ConnectionConfig};
use netlink_proto::{Error, Event, RequestOptions};
use netlink_sys::{Protocol, Socket};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn link_dump_sees_the_links_ip_created() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link add br0 type bridge");
        let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        let names = runtime().block_on(async move {
            tokio::spawn(connection);
            let replies: Vec<_> = handle
                .request(getlink(0), RequestOptions::dump())
                .await
                .unwrap()
                .try_collect()
                .await
                .unwrap();
            replies.iter().map(name_of).collect::<Vec<_>>()
        });
        assert_eq!(sorted(names), sorted(ip_link_names()));
    });
}

#[test]
fn kernel_errors_reach_the_caller() {
    in_new_netns(|| {
        let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        runtime().block_on(async move {
            tokio::spawn(connection);
            let mut stream = handle
                .request(newlink("x0", "nosuchkind"), RequestOptions::request())
                .await
                .unwrap();
            let error = stream.next().await.unwrap().unwrap_err();
            assert_eq!(error.kernel_message(), Some("Unknown device type"));
            assert_eq!(error.errno(), Some(95));
            assert!(stream.next().await.is_none(), "the error is the last item");
        });
    });
}

#[test]
fn a_thousand_concurrent_requests_each_get_their_own_answer() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("c", 10));
        let indexes = ip_link_indexes();
        assert_eq!(indexes.len(), 21);
        let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        runtime().block_on(async move {
            tokio::spawn(connection);
            let tasks: Vec<_> = (0..1000)
                .map(|i| {
                    let handle = handle.clone();
                    let index = indexes[i % indexes.len()];
                    tokio::spawn(async move {
                        let replies: Vec<_> = handle
                            .request(getlink(index), RequestOptions::request())
                            .await
                            .unwrap()
                            .try_collect()
                            .await
                            .unwrap();
                        (index, replies)
                    })
                })
                .collect();
            for task in tasks {
                let (index, replies) = task.await.unwrap();
                assert_eq!(replies.len(), 1);
                match &replies[0].payload {
                    NetlinkPayload::Inner(raw) => assert_eq!(link_index(&raw.bytes), index),
                    other => panic!("{other:?}"),
                }
            }
        });
    });
}

#[test]
fn event_stream_sees_links_ip_creates() {
    in_new_netns(|| {
        let (connection, _handle, mut events) =
            new_connection::<RawPayload>(Protocol::Route).unwrap();
        connection
            .socket()
            .unwrap()
            .add_membership(RTNLGRP_LINK)
            .unwrap();
        let rt = runtime();
        rt.spawn(connection);
        ip("link add v0 type veth peer name v1");
        let names = rt.block_on(async {
            let mut names = Vec::new();
            while names.len() < 2 {
                let event = tokio::time::timeout(Duration::from_secs(5), events.next())
                    .await
                    .expect("no event within 5s")
                    .expect("event stream ended");
                match event {
                    Event::Message(message) => names.push(name_of(&message)),
                    other => panic!("unexpected {other:?}"),
                }
            }
            names
        });
        assert_eq!(sorted(names), ["v0", "v1"]);
    });
}

#[test]
fn overrun_is_an_explicit_event() {
    in_new_netns(|| {
        let (connection, _handle, mut events) =
            new_connection::<RawPayload>(Protocol::Route).unwrap();
        connection
            .socket()
            .unwrap()
            .add_membership(RTNLGRP_LINK)
            .unwrap();
        connection
            .socket()
            .unwrap()
            .set_recv_buffer_size(0)
            .unwrap();
        let rt = runtime();
        // Burst while the connection is not yet running: the kernel overflows
        // the tiny receive buffer and reports ENOBUFS.
        ip_batch(&veth_pairs("o", 50));
        rt.spawn(connection);
        let overrun = rt.block_on(async {
            while let Ok(Some(event)) =
                tokio::time::timeout(Duration::from_millis(500), events.next()).await
            {
                if event.is_overrun() {
                    return true;
                }
            }
            false
        });
        assert!(
            overrun,
            "100 link events into a minimal buffer, no overrun reported"
        );
    });
}

/// A request sent while the receive buffer is full (of a burst of link
/// events left unread) ends with an error once the queue has been read,
/// instead of waiting for ever.
#[test]
fn a_request_whose_answer_an_overrun_dropped_fails_instead_of_waiting() {
    answer_lost_after_burst("f", 50, 0);
}

/// The same after a burst of over a thousand events that fills a larger
/// buffer: the answer is known lost once the connection has read the
/// queue empty, not at the first datagram after the overflow; the next
/// request is answered.
#[test]
fn an_answer_dropped_by_a_long_burst_is_known_lost() {
    answer_lost_after_burst("b", 400, 256 << 10);
}

/// `pairs` veth pairs created (prefix `prefix`) while a connection with a
/// receive buffer of `buffer` bytes is subscribed to link events and
/// reads nothing, then a request on it.
fn answer_lost_after_burst(prefix: &str, pairs: usize, buffer: usize) {
    in_new_netns(|| {
        let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        let socket = connection.socket().unwrap();
        socket.add_membership(RTNLGRP_LINK).unwrap();
        socket.set_recv_buffer_size(buffer).unwrap();
        ip_batch(&veth_pairs(prefix, pairs));
        runtime().block_on(async move {
            tokio::spawn(connection);
            // The timeout only keeps a regression from hanging the test.
            let options = RequestOptions::request().timeout(Duration::from_secs(10));
            let started = std::time::Instant::now();
            let mut stream = handle.request(getlink(1), options).await.unwrap();
            let error = stream.next().await.unwrap().unwrap_err();
            assert!(matches!(error, Error::AnswerLost { .. }), "{error}");
            assert!(stream.next().await.is_none(), "the error is the last item");
            let waited = started.elapsed();
            assert!(waited < Duration::from_secs(5), "{waited:?}");
            if buffer == 0 {
                // The kernel's smallest buffer holds too little to be sure
                // an answer fits (the blocking test grows it first).
                return;
            }
            let mut again = handle
                .request(getlink(1), RequestOptions::request())
                .await
                .unwrap();
            assert!(matches!(again.next().await, Some(Ok(_))), "lo, asked again");
        });
    });
}

#[test]
fn slow_event_reader_gets_an_overrun_not_unbounded_memory() {
    in_new_netns(|| {
        let config = ConnectionConfig {
            event_queue: 2,
            ..ConnectionConfig::default()
        };
        let socket = Socket::new(Protocol::Route).unwrap();
        let (connection, _handle, mut events) =
            new_connection_with::<RawPayload>(socket, config).unwrap();
        connection
            .socket()
            .unwrap()
            .add_membership(RTNLGRP_LINK)
            .unwrap();
        let rt = runtime();
        rt.spawn(connection);
        ip_batch(&veth_pairs("s", 10));
        // Let the connection read everything while nobody reads events.
        std::thread::sleep(Duration::from_millis(300));
        let kinds = rt.block_on(async {
            let mut kinds = Vec::new();
            while let Ok(Some(event)) =
                tokio::time::timeout(Duration::from_millis(300), events.next()).await
            {
                kinds.push(event.is_overrun());
            }
            kinds
        });
        // futures' channel holds its capacity plus one slot per sender.
        assert!(kinds.len() <= 5, "{kinds:?}");
        assert!(kinds.contains(&true), "{kinds:?}");
    });
}

#[test]
fn unanswered_request_times_out() {
    let mut silent = Socket::new(Protocol::Usersock).unwrap();
    let silent_addr = silent.bind_auto().unwrap();
    let socket = Socket::new(Protocol::Usersock).unwrap();
    socket.connect(&silent_addr).unwrap();
    let (connection, handle, _events) =
        new_connection_with::<RawPayload>(socket, ConnectionConfig::default()).unwrap();
    runtime().block_on(async move {
        tokio::spawn(connection);
        let options = RequestOptions::request().timeout(Duration::from_millis(200));
        let started = std::time::Instant::now();
        let mut stream = handle.request(getlink(0), options).await.unwrap();
        let error = stream.next().await.unwrap().unwrap_err();
        assert!(matches!(error, Error::TimedOut { .. }), "{error}");
        assert!(started.elapsed() >= Duration::from_millis(200));
    });
}

#[test]
fn dropping_the_last_handle_ends_the_connection() {
    in_new_netns(|| {
        let (connection, handle, events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        runtime().block_on(async move {
            let task = tokio::spawn(connection);
            let second = handle.clone();
            let replies: Vec<_> = second
                .request(getlink(0), RequestOptions::dump())
                .await
                .unwrap()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(replies.len(), 1);
            drop(handle);
            drop(second);
            tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .expect("connection still running after the last handle was dropped")
                .unwrap();
            drop(events);
        });
    });
}

#[test]
fn abandoning_a_dump_does_not_disturb_the_next_request() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("a", 40));
        let (connection, handle, _events) = new_connection::<RawPayload>(Protocol::Route).unwrap();
        runtime().block_on(async move {
            tokio::spawn(connection);
            let mut first = handle
                .request(getlink(0), RequestOptions::dump())
                .await
                .unwrap();
            assert!(first.next().await.unwrap().is_ok());
            drop(first);
            let replies: Vec<_> = handle
                .request(getlink(0), RequestOptions::dump())
                .await
                .unwrap()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(replies.len(), 81);
        });
    });
}
