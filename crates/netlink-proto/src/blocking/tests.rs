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

/// Five datagrams of a dump: each waited `wait_us` in its receive (the
/// first not timed) and was worked on for the matching `work_us`.
fn streak_of(wait_us: u64, work_us: [u64; 5]) -> DumpStreak {
    let mut streak = DumpStreak::of(RequestId::numbered(0));
    let us = Duration::from_micros;
    let mut clock = Instant::now();
    for work in work_us {
        let started = clock;
        clock += us(wait_us);
        streak.time_receive(started, clock);
        streak.count_datagram();
        clock += us(work);
    }
    streak.score_work(clock);
    streak
}

#[test]
fn a_reader_is_chosen_by_the_work_on_most_datagrams_not_by_one() {
    // Counting messages: a tenth of the wait. No reader.
    let counting = streak_of(60, [6; 5]);
    assert_eq!((counting.busy, counting.timed), (0, 4));
    assert!(!counting.reading_ahead_pays());
    // Decoding: about the wait. A reader.
    assert!(streak_of(60, [50; 5]).reading_ahead_pays());
    // A quarter exactly is enough; less is not.
    assert!(streak_of(60, [15; 5]).reading_ahead_pays());
    assert!(!streak_of(60, [14; 5]).reading_ahead_pays());
    // One preemption while counting does not decide...
    assert!(!streak_of(60, [6, 6, 900, 6, 6]).reading_ahead_pays());
    // ...nor does one quick datagram while decoding.
    assert!(streak_of(60, [50, 50, 1, 50, 50]).reading_ahead_pays());
    // The first datagram's work is not paired with a wait: it was built
    // before the request returned.
    assert!(!streak_of(60, [900, 6, 6, 6, 6]).reading_ahead_pays());
}
