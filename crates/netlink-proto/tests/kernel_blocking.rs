//! The engine against this machine's kernel, through the blocking driver.
//! Every test runs in its own fresh network namespace, as root.

mod common;

use std::time::Duration;

use common::*;
use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload, RawPayload};
use netlink_proto::blocking::{Connection, RawReply};
use netlink_proto::{DatagramInfo, Engine, Error, Event, InterruptPolicy, Output, RequestOptions};
use netlink_sys::{Protocol, Socket, SocketAddr};

#[test]
fn link_dump_sees_the_links_ip_created() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        ip("link add br0 type bridge");
        let mut connection = Connection::new(Protocol::Route).unwrap();
        let replies = connection
            .request_all(&getlink(0), RequestOptions::dump())
            .unwrap();
        let names: Vec<String> = replies.iter().map(name_of).collect();
        assert_eq!(sorted(names.clone()), sorted(ip_link_names()));
        assert_eq!(sorted(names), ["br0", "lo", "v0", "v1"]);
        for reply in &replies {
            assert!(reply.header.flags.contains(NetlinkFlags::MULTI));
        }

        // The zero-copy path sees the same, straight from the receive buffer.
        let mut zero_copy = Vec::new();
        let completion = connection
            .request_raw(getlink(0).to_bytes(), RequestOptions::dump(), |reply| {
                if let RawReply::Message(raw) = reply {
                    zero_copy.push(link_name(raw.payload))
                }
            })
            .unwrap();
        assert_eq!(completion.replies, 4);
        assert!(!completion.interrupted);
        assert_eq!(sorted(zero_copy), sorted(ip_link_names()));
    });
}

#[test]
fn unknown_link_kind_error_carries_the_kernel_message() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        let error = connection
            .request_all(&newlink("x0", "nosuchkind"), RequestOptions::request())
            .unwrap_err();
        assert_eq!(error.errno(), Some(95));
        assert_eq!(error.kernel_message(), Some("Unknown device type"));
        let Error::Kernel {
            request,
            error: answer,
            request_message,
        } = &error
        else {
            panic!("not a kernel error: {error:?}");
        };
        assert_eq!(request.message_type, RTM_NEWLINK);
        let sent = newlink("x0", "nosuchkind").to_bytes();
        assert_eq!(request_message[16..], sent[16..], "the request as sent");
        assert_eq!(
            request_message[8..12],
            request.sequence_number.to_ne_bytes()
        );
        assert_eq!(
            answer.request_header.sequence_number,
            request.sequence_number
        );
        assert!(
            error
                .to_string()
                .starts_with("Error: Unknown device type. (EOPNOTSUPP, errno 95: Operation not supported) [request type 16 seq "),
            "{error}"
        );
        // The connection goes on working after an error.
        assert_eq!(
            connection
                .request_all(&getlink(0), RequestOptions::dump())
                .unwrap()
                .len(),
            1
        );
    });
}

#[test]
fn extended_ack_offset_maps_to_the_attribute() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        // IFLA_MTU (4) with a 2-byte value after IFLA_IFNAME: policy violation.
        let mut bytes = ifinfomsg(0);
        let mut w = netlink_packet_core::nla::NlaWriter::new(&mut bytes);
        w.put_str(IFLA_IFNAME, "x1");
        w.put_raw(4, &[0, 5]);
        let request = NetlinkMessage::from_inner(RawPayload {
            message_type: RTM_NEWLINK,
            bytes,
        });
        let error = connection
            .request_all(&request, RequestOptions::request())
            .unwrap_err();
        assert_eq!(
            error.kernel_message(),
            Some("Attribute failed policy validation")
        );
        // nlmsghdr 16 + ifinfomsg 16 + IFLA_IFNAME 8: IFLA_MTU at 40.
        assert_eq!(error.offending_attribute(16), [(4, 40)]);
        assert!(
            error
                .to_string()
                .contains("offending attribute at offset 40"),
            "{error}"
        );
    });
}

#[test]
fn multicast_subscription_sees_links_ip_creates() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        ip("link add v0 type veth peer name v1");
        let mut seen = Vec::new();
        while !(seen.contains(&"v0".to_string()) && seen.contains(&"v1".to_string())) {
            match connection
                .next_event::<RawPayload>(Some(Duration::from_secs(5)))
                .unwrap()
            {
                Some(Event::Message(message)) => {
                    assert_eq!(
                        message.header.port_id, 0,
                        "sent by the kernel on ip's behalf? {message:?}"
                    );
                    seen.push(name_of(&message));
                }
                Some(other) => panic!("unexpected event {other:?}"),
                None => panic!("no event for the links ip created; saw {seen:?}"),
            }
        }
    });
}

/// A connection subscribed to link events, with the smallest receive
/// buffer the kernel allows, after `ip` created 50 veth pairs (prefix
/// `prefix`) unread: the burst overflowed it.
fn flooded_connection(prefix: &str) -> Connection {
    let connection = Connection::new(Protocol::Route).unwrap();
    connection.socket().add_membership(RTNLGRP_LINK).unwrap();
    connection.socket().set_recv_buffer_size(0).unwrap();
    ip_batch(&veth_pairs(prefix, 50));
    connection
}

#[test]
fn overrun_is_an_explicit_event() {
    in_new_netns(|| {
        let mut connection = flooded_connection("o");
        let (overrun, messages) = read_events(&mut connection, Duration::from_millis(500));
        assert!(
            overrun,
            "100 links created, {messages} events read, no overrun"
        );
        assert!(messages < 200, "events were lost, yet {messages} arrived");
    });
}

/// A request sent while the receive buffer is full of unread events: the
/// kernel drops its answer. It fails as lost once the queue has been read,
/// instead of waiting for ever, and the connection goes on.
#[test]
fn a_request_whose_answer_an_overrun_dropped_fails_instead_of_waiting() {
    in_new_netns(|| {
        let mut connection = flooded_connection("f");
        // The timeout only keeps a regression from hanging the test.
        let options = RequestOptions::request().timeout(Duration::from_secs(10));
        let error = connection.request_all(&getlink(1), options).unwrap_err();
        assert!(matches!(error, Error::AnswerLost { .. }), "{error}");
        assert!(
            error.to_string().contains("request type 18 seq 1"),
            "{error}"
        );
        connection.socket().set_recv_buffer_size(1 << 20).unwrap();
        read_events(&mut connection, Duration::ZERO);
        assert_lo_answered(&mut connection);
    });
}

/// The same after a burst larger than the drain after an overrun reads at
/// once (64 datagrams with an event queue of one): the queue is not empty
/// when the drain stops, so the request cannot be known lost then. It
/// fails once a later receive finds the queue empty, instead of waiting
/// with nothing left to come (before, it waited for its timeout).
#[test]
fn an_answer_dropped_by_a_burst_longer_than_the_drain_is_known_lost() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_event_queue_limit(1);
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        // Room for a few hundred link events (the kernel doubles the
        // value), and a burst of well over a thousand to overflow it.
        connection.socket().set_recv_buffer_size(256 << 10).unwrap();
        ip_batch(&veth_pairs("b", 400));
        let options = RequestOptions::request().timeout(Duration::from_secs(10));
        let started = std::time::Instant::now();
        let error = connection.request_all(&getlink(1), options).unwrap_err();
        assert!(matches!(error, Error::AnswerLost { .. }), "{error}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        let (overrun, messages) = read_events(&mut connection, Duration::ZERO);
        assert!(overrun && messages <= 1, "{overrun} {messages}");
        assert_lo_answered(&mut connection);
    });
}

/// Reads events until none comes within `wait`: whether one was the
/// overrun, and how many messages there were.
fn read_events(connection: &mut Connection, wait: Duration) -> (bool, usize) {
    let (mut overrun, mut messages) = (false, 0);
    while let Some(event) = connection.next_event::<RawPayload>(Some(wait)).unwrap() {
        match event {
            Event::Overrun => overrun = true,
            Event::Message(_) => messages += 1,
            Event::Invalid(e) => panic!("{e}"),
        }
    }
    (overrun, messages)
}

/// The connection still works: asked for lo (index 1), it answers.
fn assert_lo_answered(connection: &mut Connection) {
    let replies = connection
        .request_all(&getlink(1), RequestOptions::request())
        .unwrap();
    assert_eq!(replies.len(), 1, "lo, asked again");
}

#[test]
fn a_change_made_after_the_overrun_is_seen() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        // About ten link events fit; a burst of 100 overflows it.
        connection.socket().set_recv_buffer_size(8192).unwrap();
        ip_batch(&veth_pairs("o", 50));
        // The first event read is the overrun: the kernel reports the
        // error before the notifications still queued.
        let first = connection
            .next_event::<RawPayload>(Some(Duration::from_secs(5)))
            .unwrap();
        assert!(
            matches!(first, Some(Event::Overrun)),
            "first event: {first:?}"
        );
        // The kernel drops notifications without a word until the
        // socket's queue is empty: the connection emptied it on seeing the
        // overrun, so what changes now arrives.
        ip("link set o0a mtu 1400");
        let mut last = None;
        while let Some(event) = connection
            .next_event::<RawPayload>(Some(Duration::from_secs(2)))
            .unwrap()
        {
            last = Some(event);
        }
        match last {
            Some(Event::Message(m)) => match m.payload {
                // IFLA_MTU (4) = 1400 in the last RTM_NEWLINK.
                NetlinkPayload::Inner(raw) => assert!(
                    raw.bytes
                        .windows(8)
                        .any(|w| w == [8, 0, 4, 0, 0x78, 0x05, 0, 0]),
                    "the last event is not o0a's new mtu"
                ),
                other => panic!("{other:?}"),
            },
            other => panic!("the change after the overrun was lost: last event {other:?}"),
        }
    });
}

#[test]
fn bounded_event_queue_reports_loss_instead_of_growing() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        connection.set_event_queue_limit(4);
        ip_batch(&veth_pairs("q", 10));
        // A dump pumps the socket while events pile up unread.
        connection
            .request_all(&getlink(0), RequestOptions::dump())
            .unwrap();
        let mut events = Vec::new();
        while let Some(event) = connection
            .next_event::<RawPayload>(Some(Duration::from_millis(300)))
            .unwrap()
        {
            events.push(event);
        }
        let first_overrun = events.iter().position(Event::is_overrun);
        assert_eq!(
            first_overrun,
            Some(4),
            "{} events: {:?}",
            events.len(),
            events.iter().map(Event::is_overrun).collect::<Vec<_>>()
        );
    });
}

#[test]
fn forged_datagrams_from_userspace_are_dropped() {
    in_new_netns(|| {
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        let our_port = connection.socket().local_addr().unwrap().port_id();
        let mut forger = Socket::new(Protocol::Route).unwrap();
        forger.bind_auto().unwrap();
        // A well-formed RTM_NEWLINK "notification" for a link that does not exist.
        let mut fake = newlink("evil0", "veth");
        fake.header.flags = NetlinkFlags::empty();
        forger
            .send_to(&fake.to_bytes(), &SocketAddr::new(our_port, 0), 0)
            .unwrap();
        let event = connection
            .next_event::<RawPayload>(Some(Duration::from_millis(300)))
            .unwrap();
        assert!(event.is_none(), "forged datagram surfaced: {event:?}");
        // The socket still delivers the kernel's events.
        ip("link add v0 type veth peer name v1");
        let event = connection
            .next_event::<RawPayload>(Some(Duration::from_secs(5)))
            .unwrap();
        assert!(matches!(event, Some(Event::Message(_))));

        // And a forged DONE cannot finish a dump: the engine over real sockets.
        let mut socket = Socket::new(Protocol::Route).unwrap();
        let addr = socket.bind_auto().unwrap();
        let mut engine = Engine::default();
        engine.set_port_id(addr.port_id());
        let id = engine
            .submit(
                getlink(0).to_bytes(),
                RequestOptions::dump(),
                std::time::Instant::now(),
            )
            .unwrap();
        let mut out = Vec::new();
        engine.poll_transmit(&mut out); // registered, deliberately not sent
        let done = NetlinkMessage::<RawPayload> {
            header: netlink_packet_core::NetlinkHeader {
                sequence_number: 1,
                port_id: addr.port_id(),
                ..Default::default()
            },
            payload: NetlinkPayload::Done(netlink_packet_core::DoneMessage {
                code: Some(0),
                ext_ack: vec![],
            }),
        };
        forger.send_to(&done.to_bytes(), &addr, 0).unwrap();
        let mut buf = Vec::new();
        let info = socket.recv_datagram(&mut buf).unwrap();
        assert_eq!(
            info.sender.port_id(),
            forger.local_addr().unwrap().port_id()
        );
        let outputs: Vec<Output<'_>> = engine
            .receive(
                &buf,
                DatagramInfo {
                    sender_port: info.sender.port_id(),
                    group: info.group,
                },
            )
            .collect();
        assert!(
            matches!(outputs[..], [Output::Dropped { .. }]),
            "{outputs:?}"
        );
        assert!(engine.is_pending(id));
    });
}

#[test]
fn interrupted_dump_is_reported_or_retried() {
    in_new_netns(|| {
        // Enough links that the dump spans several datagrams.
        ip_batch(&veth_pairs("d", 60));
        let mut connection = Connection::new(Protocol::Route).unwrap();

        let mut changed = false;
        let completion = connection
            .request_raw(getlink(0).to_bytes(), RequestOptions::dump(), |_| {
                if !changed {
                    changed = true;
                    ip("link add late0 type veth peer name late1");
                }
            })
            .unwrap();
        assert!(
            completion.interrupted,
            "a link added mid-dump must mark it NLM_F_DUMP_INTR"
        );

        let mut changed = false;
        let mut restarts = 0;
        let mut last_attempt = 0;
        let options = RequestOptions::dump().on_interrupt(InterruptPolicy::Retry(3));
        let completion = connection
            .request_raw(getlink(0).to_bytes(), options, |reply| match reply {
                RawReply::Message(_) => {
                    last_attempt += 1;
                    if !changed {
                        changed = true;
                        ip("link add late2 type veth peer name late3");
                    }
                }
                RawReply::Restarted => {
                    restarts += 1;
                    last_attempt = 0;
                }
            })
            .unwrap();
        assert_eq!(restarts, 1);
        assert!(!completion.interrupted);
        assert_eq!(completion.replies, last_attempt);
        assert_eq!(
            last_attempt,
            ip_link_names().len(),
            "the retried dump is complete"
        );

        // Through the owned iterator with Retry the caller sees one whole dump.
        let options = RequestOptions::dump().on_interrupt(InterruptPolicy::Retry(3));
        let mut replies = connection.request(&getlink(0), options).unwrap();
        let names: Vec<String> = replies.by_ref().map(|r| name_of(&r.unwrap())).collect();
        assert!(!replies.interrupted());
        drop(replies);
        assert_eq!(sorted(names), sorted(ip_link_names()));
    });
}

#[test]
fn batch_answers_each_request_in_order() {
    in_new_netns(|| {
        ip("link add v0 type veth peer name v1");
        let indexes = ip_link_indexes();
        let mut connection = Connection::new(Protocol::Route).unwrap();
        let mut requests: Vec<_> = indexes
            .iter()
            .map(|&i| (getlink(i), RequestOptions::request()))
            .collect();
        requests.insert(1, (newlink("x0", "nosuchkind"), RequestOptions::request()));
        requests.push((getlink(0), RequestOptions::dump()));
        let results = connection.batch(requests).unwrap();
        assert_eq!(results.len(), indexes.len() + 2);
        assert!(results[1].as_ref().unwrap_err().kernel_message() == Some("Unknown device type"));
        let answered: Vec<i32> = results
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 1 && *i != indexes.len() + 1)
            .map(|(_, r)| {
                let replies = r.as_ref().unwrap();
                assert_eq!(replies.len(), 1);
                match &replies[0].payload {
                    NetlinkPayload::Inner(raw) => link_index(&raw.bytes),
                    other => panic!("{other:?}"),
                }
            })
            .collect();
        assert_eq!(answered, indexes);
        assert_eq!(
            results.last().unwrap().as_ref().unwrap().len(),
            indexes.len()
        );
    });
}

#[test]
fn unanswered_request_times_out() {
    // NETLINK_USERSOCK has no kernel side: point the connection at a
    // userspace socket that never answers.
    let mut silent = Socket::new(Protocol::Usersock).unwrap();
    let silent_addr = silent.bind_auto().unwrap();
    let socket = Socket::new(Protocol::Usersock).unwrap();
    socket.connect(&silent_addr).unwrap();
    let mut connection = Connection::from_socket(socket).unwrap();
    let started = std::time::Instant::now();
    let error = connection
        .request_all(
            &getlink(0),
            RequestOptions::request().timeout(Duration::from_millis(200)),
        )
        .unwrap_err();
    assert!(matches!(error, Error::TimedOut { .. }), "{error}");
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert!(
        error
            .to_string()
            .starts_with("no answer within 200ms [request type 18 seq 1]"),
        "{error}"
    );
}
