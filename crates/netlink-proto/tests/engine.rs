//! The sans-IO engine fed with hand-made datagrams: matching, dumps, errors,
//! interrupted dumps, timeouts, batching and hostile input.

use std::time::{Duration, Instant};

use netlink_packet_core::{NetlinkFlags, NetlinkHeader};
use netlink_proto::{
    Ack, DatagramInfo, Engine, EngineConfig, Error, InterruptPolicy, Output, RequestOptions,
};

const PORT: u32 = 4242;
const RTM_GETLINK: u16 = 18;
const RTM_NEWLINK: u16 = 16;

fn request(message_type: u16) -> Vec<u8> {
    let header = NetlinkHeader {
        length: 32,
        message_type,
        ..Default::default()
    };
    let mut bytes = header.to_bytes().to_vec();
    bytes.extend([0u8; 16]);
    bytes
}

fn message(message_type: u16, flags: u16, seq: u32, port: u32, payload: &[u8]) -> Vec<u8> {
    let header = NetlinkHeader {
        length: (16 + payload.len()) as u32,
        message_type,
        flags: NetlinkFlags::from_bits(flags),
        sequence_number: seq,
        port_id: port,
    };
    let mut bytes = header.to_bytes().to_vec();
    bytes.extend(payload);
    bytes
}

fn done(seq: u32, flags: u16, code: i32) -> Vec<u8> {
    message(3, 0x2 | flags, seq, PORT, &code.to_ne_bytes())
}

fn error(seq: u32, code: i32, text: Option<&str>) -> Vec<u8> {
    let mut payload = code.to_ne_bytes().to_vec();
    payload.extend(
        NetlinkHeader {
            length: 32,
            message_type: RTM_NEWLINK,
            sequence_number: seq,
            ..Default::default()
        }
        .to_bytes(),
    );
    let mut flags = 0x100; // capped
    if let Some(text) = text {
        flags |= 0x200;
        let len = 4 + text.len() + 1;
        payload.extend((len as u16).to_ne_bytes());
        payload.extend(1u16.to_ne_bytes());
        payload.extend(text.as_bytes());
        payload.push(0);
        payload.resize(payload.len() + (4 - len % 4) % 4, 0);
    }
    message(2, flags, seq, PORT, &payload)
}

fn engine() -> Engine {
    let mut engine = Engine::default();
    engine.set_port_id(PORT);
    engine
}

/// Sends everything queued and returns the sequence numbers in order.
fn transmit(engine: &mut Engine) -> Vec<u32> {
    let mut out = Vec::new();
    engine.poll_transmit(&mut out);
    netlink_packet_core::MessageIter::new(&out)
        .map(|m| m.unwrap().header.sequence_number)
        .collect()
}

#[derive(Debug, PartialEq)]
enum Seen {
    Reply(u64),
    Complete(u64, bool),
    /// Complete, ended by a later request's ACK (no message of its own).
    Implied(u64),
    Failed(u64, String),
    Restarted(u64),
    Event,
    Stale,
    Dropped(u32),
    Invalid,
}

fn feed(engine: &mut Engine, datagram: &[u8], info: DatagramInfo) -> Vec<Seen> {
    let id = |id: netlink_proto::RequestId| id.value();
    engine
        .receive(datagram, info)
        .map(|o| match o {
            Output::Reply { id: i, .. } => Seen::Reply(id(i)),
            Output::Complete {
                id: i,
                message: None,
                ..
            } => Seen::Implied(id(i)),
            Output::Complete {
                id: i, interrupted, ..
            } => Seen::Complete(id(i), interrupted),
            Output::Failed { id: i, error } => Seen::Failed(id(i), error.to_string()),
            Output::Restarted { id: i } => Seen::Restarted(id(i)),
            Output::Event { .. } => Seen::Event,
            Output::Stale { .. } => Seen::Stale,
            Output::Dropped { sender_port } => Seen::Dropped(sender_port),
            Output::Invalid { .. } => Seen::Invalid,
        })
        .collect()
}

#[test]
fn request_flags_and_sequence_numbers_are_set() {
    let mut engine = engine();
    let now = Instant::now();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), now)
        .unwrap();
    engine
        .submit(request(RTM_NEWLINK), RequestOptions::request(), now)
        .unwrap();
    let mut out = Vec::new();
    assert_eq!(engine.poll_transmit(&mut out), 2, "both go in one datagram");
    let headers: Vec<NetlinkHeader> = netlink_packet_core::MessageIter::new(&out)
        .map(|m| m.unwrap().header)
        .collect();
    assert_eq!(headers[0].flags.bits(), 0x301, "REQUEST|DUMP");
    assert_eq!(headers[1].flags.bits(), 0x005, "REQUEST|ACK");
    assert_eq!(headers[0].sequence_number, 1);
    assert_eq!(headers[1].sequence_number, 2);
    assert_eq!(headers[0].port_id, PORT);
}

#[test]
fn dump_replies_then_done() {
    let mut engine = engine();
    let id = engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let mut datagram = message(RTM_NEWLINK, 0x2, seq, PORT, &[0; 16]);
    datagram.extend(message(RTM_NEWLINK, 0x2, seq, PORT, &[0; 16]));
    assert_eq!(
        feed(&mut engine, &datagram, DatagramInfo::KERNEL),
        [Seen::Reply(0), Seen::Reply(0)]
    );
    assert!(engine.is_pending(id));
    assert_eq!(
        feed(&mut engine, &done(seq, 0, 0), DatagramInfo::KERNEL),
        [Seen::Complete(0, false)]
    );
    assert!(!engine.is_pending(id));
    assert_eq!(engine.in_flight(), 0);
}

#[test]
fn errors_carry_the_extended_ack() {
    let mut engine = engine();
    engine
        .submit(
            request(RTM_NEWLINK),
            RequestOptions::request(),
            Instant::now(),
        )
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let seen = feed(
        &mut engine,
        &error(seq, -95, Some("Unknown device type")),
        DatagramInfo::KERNEL,
    );
    assert_eq!(
        seen,
        [Seen::Failed(
            0,
            "Error: Unknown device type. (EOPNOTSUPP, errno 95: Operation not supported) [request type 16 seq 1]".into()
        )]
    );
    // An ACK completes a "do" request.
    engine
        .submit(
            request(RTM_NEWLINK),
            RequestOptions::request(),
            Instant::now(),
        )
        .unwrap();
    let seq = transmit(&mut engine)[0];
    assert_eq!(
        feed(&mut engine, &error(seq, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(1, false)]
    );
}

#[test]
fn a_dump_that_fails_midway_is_an_error() {
    let mut engine = engine();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let seen = feed(&mut engine, &done(seq, 0, -16), DatagramInfo::KERNEL);
    assert!(
        matches!(&seen[0], Seen::Failed(0, text) if text.contains("EBUSY")),
        "{seen:?}"
    );
}

#[test]
fn notifications_are_events_not_replies() {
    let mut engine = engine();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    // Caused by another process: its port id, its sequence number.
    let foreign = message(RTM_NEWLINK, 0, seq, 777, &[0; 16]);
    assert_eq!(
        feed(&mut engine, &foreign, DatagramInfo::KERNEL),
        [Seen::Event]
    );
    // A multicast copy, even with our own seq and port (NETLINK_PKTINFO says so).
    let ours = message(RTM_NEWLINK, 0, seq, PORT, &[0; 16]);
    let multicast = DatagramInfo {
        sender_port: 0,
        group: Some(1),
    };
    assert_eq!(feed(&mut engine, &ours, multicast), [Seen::Event]);
    // Kernel-originated: seq 0, port 0.
    assert_eq!(
        feed(
            &mut engine,
            &message(RTM_NEWLINK, 0, 0, 0, &[0; 16]),
            DatagramInfo::KERNEL
        ),
        [Seen::Event]
    );
    assert_eq!(engine.in_flight(), 1);
}

#[test]
fn datagrams_not_from_the_kernel_are_dropped() {
    let mut engine = engine();
    let id = engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let forged = DatagramInfo {
        sender_port: 31337,
        group: None,
    };
    assert_eq!(
        feed(&mut engine, &done(seq, 0, 0), forged),
        [Seen::Dropped(31337)]
    );
    assert!(engine.is_pending(id));
}

#[test]
fn one_dump_at_a_time_in_order() {
    let mut engine = engine();
    let now = Instant::now();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), now)
        .unwrap();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), now)
        .unwrap();
    engine
        .submit(request(RTM_NEWLINK), RequestOptions::request(), now)
        .unwrap();
    assert_eq!(
        transmit(&mut engine),
        [1],
        "the second dump waits, and what follows it too"
    );
    assert_eq!(engine.queued(), 2);
    feed(&mut engine, &done(1, 0, 0), DatagramInfo::KERNEL);
    assert_eq!(transmit(&mut engine), [2, 3]);
}

#[test]
fn in_flight_and_batch_limits() {
    let mut engine = Engine::new(EngineConfig {
        max_in_flight: 3,
        max_batch_bytes: 64,
    });
    engine.set_port_id(PORT);
    for _ in 0..5 {
        engine
            .submit(
                request(RTM_NEWLINK),
                RequestOptions::request(),
                Instant::now(),
            )
            .unwrap();
    }
    assert_eq!(
        transmit(&mut engine).len(),
        2,
        "64 bytes hold two 32-byte requests"
    );
    assert_eq!(transmit(&mut engine).len(), 1, "in-flight limit of 3");
    assert_eq!(transmit(&mut engine).len(), 0);
    feed(&mut engine, &error(1, 0, None), DatagramInfo::KERNEL);
    assert_eq!(transmit(&mut engine), [4]);
}

#[test]
fn interrupted_dump_reported_or_retried() {
    // Report: data delivered, completion marked interrupted.
    let mut engine = engine();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let intr = message(RTM_NEWLINK, 0x12, seq, PORT, &[0; 16]);
    assert_eq!(
        feed(&mut engine, &intr, DatagramInfo::KERNEL),
        [Seen::Reply(0)]
    );
    assert_eq!(
        feed(&mut engine, &done(seq, 0x10, 0), DatagramInfo::KERNEL),
        [Seen::Complete(0, true)]
    );

    // Retry(1): one restart with a new sequence number, then give up.
    let options = RequestOptions::dump().on_interrupt(InterruptPolicy::Retry(1));
    engine
        .submit(request(RTM_GETLINK), options, Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    assert_eq!(
        feed(&mut engine, &done(seq, 0x10, 0), DatagramInfo::KERNEL),
        [Seen::Restarted(1)]
    );
    let seq2 = transmit(&mut engine)[0];
    assert_ne!(seq, seq2);
    let seen = feed(&mut engine, &done(seq2, 0x10, 0), DatagramInfo::KERNEL);
    assert!(
        matches!(&seen[0], Seen::Failed(1, t) if t.contains("interrupted by concurrent changes 2 times")),
        "{seen:?}"
    );
    // A clean attempt after a restart completes normally.
    let options = RequestOptions::dump().on_interrupt(InterruptPolicy::Retry(3));
    engine
        .submit(request(RTM_GETLINK), options, Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    feed(&mut engine, &done(seq, 0x10, 0), DatagramInfo::KERNEL);
    let seq = transmit(&mut engine)[0];
    assert_eq!(
        feed(&mut engine, &done(seq, 0, 0), DatagramInfo::KERNEL),
        [Seen::Complete(2, false)]
    );
}

#[test]
fn timeouts_fail_requests_and_late_answers_are_stale() {
    let mut engine = engine();
    let start = Instant::now();
    let options = RequestOptions::request().timeout(Duration::from_millis(100));
    engine.submit(request(RTM_NEWLINK), options, start).unwrap();
    let seq = transmit(&mut engine)[0];
    assert_eq!(
        engine.next_deadline(),
        Some(start + Duration::from_millis(100))
    );
    assert!(engine.expire(start + Duration::from_millis(99)).is_empty());
    let expired = engine.expire(start + Duration::from_millis(100));
    assert!(matches!(&expired[..], [(_, Error::TimedOut { .. })]));
    assert_eq!(
        feed(&mut engine, &error(seq, 0, None), DatagramInfo::KERNEL),
        [Seen::Stale]
    );
}

#[test]
fn a_cancelled_dump_keeps_its_slot_until_done() {
    let mut engine = engine();
    let now = Instant::now();
    let first = engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), now)
        .unwrap();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), now)
        .unwrap();
    assert_eq!(transmit(&mut engine), [1]);
    engine.cancel(first);
    assert_eq!(
        transmit(&mut engine),
        Vec::<u32>::new(),
        "the kernel is still dumping"
    );
    let reply = message(RTM_NEWLINK, 0x2, 1, PORT, &[0; 16]);
    assert_eq!(
        feed(&mut engine, &reply, DatagramInfo::KERNEL),
        [Seen::Stale]
    );
    assert_eq!(
        feed(&mut engine, &done(1, 0, 0), DatagramInfo::KERNEL),
        [Seen::Stale]
    );
    assert_eq!(transmit(&mut engine), [2]);
}

#[test]
fn a_reply_with_broken_framing_fails_its_request() {
    let mut engine = engine();
    engine
        .submit(request(RTM_GETLINK), RequestOptions::dump(), Instant::now())
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let mut datagram = message(RTM_NEWLINK, 0x2, seq, PORT, &[0; 16]);
    let mut broken = message(RTM_NEWLINK, 0x2, seq, PORT, &[0; 16]);
    broken[0] = 200; // claims 200 bytes, has 32
    datagram.extend(&broken);
    let seen = feed(&mut engine, &datagram, DatagramInfo::KERNEL);
    assert_eq!(seen[0], Seen::Reply(0));
    assert!(
        matches!(&seen[1], Seen::Failed(0, t) if t.contains("at offset 32")),
        "{seen:?}"
    );
    assert_eq!(engine.in_flight(), 0);
    // Garbage no request can own is reported, not swallowed.
    assert_eq!(
        feed(&mut engine, &[1, 2, 3], DatagramInfo::KERNEL),
        [Seen::Invalid]
    );
}

#[test]
fn malformed_requests_are_refused() {
    let mut engine = engine();
    assert!(engine
        .submit(vec![1, 2, 3], RequestOptions::request(), Instant::now())
        .is_err());
    let mut two = request(RTM_NEWLINK);
    two.extend(request(RTM_NEWLINK));
    assert!(engine
        .submit(two, RequestOptions::request(), Instant::now())
        .is_err());
}

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_datagram_is_survived(
            datagrams in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..256), 1..6),
            groups in proptest::collection::vec(proptest::option::of(0u32..3), 6),
        ) {
            let mut engine = engine();
            for kind in [RequestOptions::dump(), RequestOptions::request()] {
                engine.submit(request(RTM_GETLINK), kind, Instant::now()).unwrap();
            }
            transmit(&mut engine);
            for (datagram, group) in datagrams.iter().zip(groups) {
                let _ = feed(&mut engine, datagram, DatagramInfo { sender_port: 0, group });
            }
            // Well-formed answers still work afterwards.
            let _ = engine.expire(Instant::now() + Duration::from_secs(1));
        }
    }
}

#[test]
fn the_next_deadline_is_a_lower_bound_tightened_by_expire() {
    let mut engine = engine();
    let start = Instant::now();
    let ms = Duration::from_millis;
    engine
        .submit(
            request(RTM_NEWLINK),
            RequestOptions::request().timeout(ms(100)),
            start,
        )
        .unwrap();
    engine
        .submit(
            request(RTM_NEWLINK),
            RequestOptions::request().timeout(ms(200)),
            start,
        )
        .unwrap();
    let seqs = transmit(&mut engine);
    assert_eq!(engine.next_deadline(), Some(start + ms(100)));
    // The first is answered: the bound may stay early, never late.
    feed(&mut engine, &error(seqs[0], 0, None), DatagramInfo::KERNEL);
    assert!(engine.next_deadline() <= Some(start + ms(200)));
    assert!(engine.expire(start + ms(150)).is_empty());
    assert_eq!(engine.next_deadline(), Some(start + ms(200)));
    feed(&mut engine, &error(seqs[1], 0, None), DatagramInfo::KERNEL);
    assert!(engine.expire(start + ms(250)).is_empty());
    assert_eq!(engine.next_deadline(), None);
}

#[test]
fn answered_requests_lend_their_buffers_to_the_next() {
    let mut engine = engine();
    let now = Instant::now();
    assert_eq!(engine.buffer().capacity(), 0, "nothing answered yet");

    // An ACK gives the request's bytes back, emptied.
    let bytes = request(RTM_NEWLINK);
    let at = bytes.as_ptr();
    engine
        .submit(bytes, RequestOptions::request(), now)
        .unwrap();
    let seq = transmit(&mut engine)[0];
    assert_eq!(
        feed(&mut engine, &error(seq, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(0, false)]
    );
    let reused = engine.buffer();
    assert!(reused.is_empty());
    assert_eq!(reused.as_ptr(), at);
    assert_eq!(engine.buffer().capacity(), 0, "one answer, one buffer");

    // So does a dump's DONE.
    let bytes = request(RTM_GETLINK);
    let at = bytes.as_ptr();
    engine.submit(bytes, RequestOptions::dump(), now).unwrap();
    let seq = transmit(&mut engine)[0];
    feed(&mut engine, &done(seq, 0, 0), DatagramInfo::KERNEL);
    let reused = engine.buffer();
    assert_eq!(reused.as_ptr(), at);

    // A refused request keeps its bytes in its error: none comes back.
    engine
        .submit(request(RTM_NEWLINK), RequestOptions::request(), now)
        .unwrap();
    let seq = transmit(&mut engine)[0];
    let seen = feed(&mut engine, &error(seq, -17, None), DatagramInfo::KERNEL);
    assert!(matches!(seen[..], [Seen::Failed(..)]), "{seen:?}");
    assert_eq!(engine.buffer().capacity(), 0);

    // At most SPARE_BUFFERS are kept, none larger than SPARE_CAPACITY.
    let mut large = request(RTM_NEWLINK);
    large.reserve(Engine::SPARE_CAPACITY);
    engine
        .submit(large, RequestOptions::request(), now)
        .unwrap();
    for _ in 0..Engine::SPARE_BUFFERS + 4 {
        engine
            .submit(request(RTM_NEWLINK), RequestOptions::request(), now)
            .unwrap();
    }
    let seqs = transmit(&mut engine);
    assert_eq!(seqs.len(), Engine::SPARE_BUFFERS + 5);
    for seq in seqs {
        feed(&mut engine, &error(seq, 0, None), DatagramInfo::KERNEL);
    }
    let kept: Vec<Vec<u8>> = std::iter::from_fn(|| Some(engine.buffer()))
        .take_while(|b| b.capacity() > 0)
        .collect();
    assert_eq!(kept.len(), Engine::SPARE_BUFFERS);
    assert!(kept.iter().all(|b| b.capacity() <= Engine::SPARE_CAPACITY));
}

/// Sends everything queued; the flags each request went out with.
fn transmit_flags(engine: &mut Engine) -> Vec<u16> {
    let mut out = Vec::new();
    engine.poll_transmit(&mut out);
    netlink_packet_core::MessageIter::new(&out)
        .map(|m| m.unwrap().header.flags.bits())
        .collect()
}

/// Submits "do" requests with these acknowledgements, and dumps for `None`.
fn submit_all(engine: &mut Engine, acks: &[Option<Ack>]) -> Vec<netlink_proto::RequestId> {
    let mut ids = Vec::new();
    for ack in acks {
        let options = match ack {
            Some(Ack::Implied) => RequestOptions::request().implied_ack(),
            Some(_) => RequestOptions::request(),
            None => RequestOptions::dump(),
        };
        let kind = if ack.is_some() {
            RTM_NEWLINK
        } else {
            RTM_GETLINK
        };
        ids.push(
            engine
                .submit(request(kind), options, Instant::now())
                .unwrap(),
        );
    }
    ids
}

#[test]
fn implied_acks_ask_one_ack_per_datagram_and_end_with_it() {
    let mut engine = engine();
    let implied = Some(Ack::Implied);
    submit_all(&mut engine, &[implied, implied, implied]);
    assert_eq!(
        transmit_flags(&mut engine),
        [0x001, 0x001, 0x005],
        "only the datagram's last request asks for an ACK"
    );
    // The closer's ACK ends it, then the two it stood for, in order.
    assert_eq!(
        feed(&mut engine, &error(3, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(2, false), Seen::Implied(0), Seen::Implied(1)]
    );
    assert_eq!(engine.in_flight(), 0);
    // Alone in its datagram, a request keeps its own ACK.
    submit_all(&mut engine, &[implied]);
    assert_eq!(transmit_flags(&mut engine), [0x005]);
}

#[test]
fn a_request_with_an_implied_ack_still_fails_on_its_own_error() {
    let mut engine = engine();
    let implied = Some(Ack::Implied);
    submit_all(&mut engine, &[implied, implied, implied]);
    transmit_flags(&mut engine);
    // The kernel answers a failure whether or not an ACK was asked for.
    let seen = feed(&mut engine, &error(2, -17, None), DatagramInfo::KERNEL);
    assert!(
        matches!(&seen[..], [Seen::Failed(1, text)] if text.contains("File exists")),
        "{seen:?}"
    );
    // The closer fails too: the one left is still ended by its answer.
    let seen = feed(&mut engine, &error(3, -22, None), DatagramInfo::KERNEL);
    assert!(
        matches!(&seen[..], [Seen::Failed(2, _), Seen::Implied(0)]),
        "{seen:?}"
    );
    assert_eq!(engine.in_flight(), 0);
}

#[test]
fn only_the_requests_that_allow_it_lose_their_ack_and_a_dump_closes_nothing() {
    let mut engine = engine();
    let (own, implied) = (Some(Ack::Own), Some(Ack::Implied));
    // An implied request after the last "do" request (a dump follows it)
    // has nothing to end it: it keeps its ACK.
    submit_all(&mut engine, &[own, implied, implied, None]);
    assert_eq!(transmit_flags(&mut engine), [0x005, 0x001, 0x005, 0x301]);
    assert_eq!(
        feed(&mut engine, &error(1, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(0, false)],
        "an ACK of a request asking its own ends no other"
    );
    assert_eq!(
        feed(&mut engine, &error(3, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(2, false), Seen::Implied(1)]
    );
}

#[test]
fn a_cancelled_closer_still_ends_the_requests_it_stands_for() {
    let mut engine = engine();
    let implied = Some(Ack::Implied);
    let ids = submit_all(&mut engine, &[implied, implied]);
    transmit_flags(&mut engine);
    engine.cancel(ids[1]);
    assert_eq!(
        feed(&mut engine, &error(2, 0, None), DatagramInfo::KERNEL),
        [Seen::Stale, Seen::Implied(0)]
    );
    assert_eq!(engine.in_flight(), 0);
}

#[test]
fn an_overrun_fails_the_requests_whose_error_may_be_lost() {
    let mut engine = engine();
    let implied = Some(Ack::Implied);
    submit_all(&mut engine, &[implied, implied, implied]);
    transmit_flags(&mut engine);
    let lost: Vec<(u64, String)> = engine
        .overrun()
        .into_iter()
        .map(|(id, error)| (id.value(), error.to_string()))
        .collect();
    assert_eq!(lost.len(), 2, "{lost:?}");
    assert_eq!((lost[0].0, lost[1].0), (0, 1));
    assert!(lost[0]
        .1
        .contains("whether the request took effect is unknown"));
    assert!(engine.overrun().is_empty(), "each fails once");
    // The closer asked for its own ACK and is still waited for.
    assert_eq!(
        feed(&mut engine, &error(3, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(2, false)]
    );
}

#[test]
fn after_an_overrun_requests_whose_answer_was_not_queued_fail() {
    let mut engine = engine();
    let ids = submit_all(&mut engine, &[Some(Ack::Own), Some(Ack::Own), None]);
    assert_eq!(transmit(&mut engine), [1, 2, 3]);
    assert!(!engine.answers_maybe_lost());
    assert!(engine.overrun().is_empty(), "no request waits on another");
    assert!(engine.answers_maybe_lost(), "two \"do\" requests in flight");
    // Sent after the overflow: its answer cannot have been dropped by it.
    submit_all(&mut engine, &[Some(Ack::Own)]);
    assert_eq!(transmit(&mut engine), [4]);
    // What was still queued: the first request's ACK.
    assert_eq!(
        feed(&mut engine, &error(1, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(0, false)]
    );
    assert!(
        engine.answers_maybe_lost(),
        "the second is still unanswered"
    );
    let lost: Vec<(u64, String)> = engine
        .answers_lost()
        .into_iter()
        .map(|(id, error)| (id.value(), error.to_string()))
        .collect();
    assert_eq!(lost.len(), 1, "the second request only: {lost:?}");
    assert_eq!(lost[0].0, ids[1].value());
    assert!(lost[0].1.contains("may have been lost"), "{}", lost[0].1);
    assert!(engine.answers_lost().is_empty(), "each fails once");
    assert!(!engine.answers_maybe_lost());
    // The dump goes on (its parts are built as the socket is read); the
    // request sent after the overflow is still answered; a late answer to
    // the failed one is stale.
    assert_eq!(
        feed(&mut engine, &error(2, 0, None), DatagramInfo::KERNEL),
        [Seen::Stale]
    );
    assert_eq!(
        feed(&mut engine, &done(3, 0, 0), DatagramInfo::KERNEL),
        [Seen::Complete(2, false)]
    );
    assert_eq!(
        feed(&mut engine, &error(4, 0, None), DatagramInfo::KERNEL),
        [Seen::Complete(3, false)]
    );
    assert_eq!(engine.in_flight(), 0);
}

#[test]
fn answers_are_no_longer_feared_lost_once_every_marked_request_is_answered() {
    let mut engine = engine();
    submit_all(&mut engine, &[Some(Ack::Own), Some(Ack::Own)]);
    transmit(&mut engine);
    engine.overrun();
    assert!(engine.answers_maybe_lost());
    feed(&mut engine, &error(1, 0, None), DatagramInfo::KERNEL);
    assert!(engine.answers_maybe_lost(), "one is still unanswered");
    assert_eq!(
        feed(&mut engine, &error(2, -17, None), DatagramInfo::KERNEL).len(),
        1
    );
    // Both answers were read: a driver may wait again, nothing is lost.
    assert!(!engine.answers_maybe_lost());
    assert!(engine.answers_lost().is_empty());
}
