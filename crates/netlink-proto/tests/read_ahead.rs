//! Large dumps read ahead on a second thread (`Connection::set_read_ahead`)
//! against this machine's kernel: the same replies as one thread reading
//! alone, the reader really running, events kept, and a connection that
//! stays usable when a dump is abandoned half way. Each case runs in its
//! own fresh network namespace, as root. The reader is seen by its thread
//! name in /proc/self/task, so the cases run one after the other in the
//! one test of this binary: no other test's reader can be mistaken for
//! theirs.

mod common;

use std::time::Duration;

use common::*;
use netlink_packet_core::RawPayload;
use netlink_proto::blocking::{Connection, DecodedReply, RawReply, ReadAhead, READ_AHEAD_AFTER};
use netlink_proto::{Event, RequestOptions};
use netlink_sys::Protocol;

#[test]
fn read_ahead_against_the_kernel() {
    a_dump_read_ahead_gives_what_one_thread_reading_alone_gives();
    a_small_dump_starts_no_thread();
    an_abandoned_dump_leaves_the_connection_usable();
    events_arriving_during_a_read_ahead_dump_are_kept();
    by_default_only_a_caller_that_works_on_each_message_gets_a_reader();
    a_decoded_dump_is_decoded_once_on_either_thread_in_order();
    #[cfg(feature = "tokio")]
    the_tokio_driver_reads_ahead_with_the_same_outcome();
    #[cfg(feature = "tokio")]
    a_tokio_stream_that_falls_behind_gets_replies_decoded_on_the_reader();
}

/// Whether a thread of this process is the driver's reader.
fn reader_running() -> bool {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .flatten()
        .any(|task| {
            std::fs::read_to_string(task.path().join("comm"))
                .is_ok_and(|comm| comm.trim() == "netlink-read-ah")
        })
}

/// Whether no reader thread is left, allowing for the moment a joined
/// thread stays listed in /proc while the kernel releases it (CI once saw
/// one there right after the join).
fn reader_gone() -> bool {
    (0..200).any(|_| {
        let gone = !reader_running();
        if !gone {
            std::thread::sleep(Duration::from_millis(5));
        }
        gone
    })
}

/// Every link of a dump through the zero-copy path, spending `work` on
/// each message: (index, name) in the order received, and whether the
/// reader thread was seen running (looked for every `probe` messages).
fn dump_links(connection: &mut Connection, probe: usize) -> (Vec<(i32, String)>, bool) {
    dump_links_working(connection, probe, Duration::ZERO)
}

fn dump_links_working(
    connection: &mut Connection,
    probe: usize,
    work: Duration,
) -> (Vec<(i32, String)>, bool) {
    let (mut links, mut seen_reader) = (Vec::new(), false);
    connection
        .request_raw(getlink(0).to_bytes(), RequestOptions::dump(), |reply| {
            if let RawReply::Message(raw) = reply {
                links.push((link_index(raw.payload), link_name(raw.payload)));
                spend(work);
                if links.len() % probe == 0 {
                    seen_reader |= reader_running();
                }
            }
        })
        .unwrap();
    (links, seen_reader)
}

fn a_dump_read_ahead_gives_what_one_thread_reading_alone_gives() {
    in_new_netns(|| {
        // About 600 links: some 60 datagrams, far past the threshold.
        ip_batch(&veth_pairs("r", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Off);
        let (alone, reader_alone) = dump_links(&mut connection, 25);
        connection.set_read_ahead(ReadAhead::Always);
        let (ahead, reader_ahead) = dump_links(&mut connection, 25);
        assert!(!reader_alone, "a reader ran with read-ahead off");
        assert!(
            reader_ahead,
            "no reader ran for a dump of {} links",
            ahead.len()
        );
        assert_eq!(alone.len(), 601);
        assert_eq!(ahead, alone);
        // The reader ends with its dump.
        assert!(reader_gone());
        // Owned replies through the iterator: the same again.
        let owned: Vec<String> = connection
            .request(&getlink(0), RequestOptions::dump())
            .unwrap()
            .map(|reply| name_of(&reply.unwrap()))
            .collect();
        let names: Vec<String> = alone.into_iter().map(|(_, name)| name).collect();
        assert_eq!(owned, names);
        assert_eq!(sorted(names), sorted(ip_link_names()));
    });
}

fn a_small_dump_starts_no_thread() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("s", 2));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Always);
        let (links, reader) = dump_links(&mut connection, 5);
        assert_eq!(links.len(), 5);
        assert!(
            !reader,
            "a reader ran for 5 links (< {READ_AHEAD_AFTER} datagrams)"
        );
    });
}

fn an_abandoned_dump_leaves_the_connection_usable() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("a", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Always);
        let mut replies = connection
            .request(&getlink(0), RequestOptions::dump())
            .unwrap();
        let first: Vec<String> = replies
            .by_ref()
            .take(300)
            .map(|reply| name_of(&reply.unwrap()))
            .collect();
        assert_eq!(first.len(), 300);
        assert!(reader_running(), "no reader ran during the dump");
        drop(replies);
        // A request on the same connection: the rest of the abandoned dump
        // is passed over, the new answer is whole.
        let lo = connection
            .request_all(&getlink(1), RequestOptions::request())
            .unwrap();
        assert_eq!(lo.len(), 1);
        assert_eq!(name_of(&lo[0]), "lo");
        let (links, _) = dump_links(&mut connection, 25);
        assert_eq!(links.len(), 601);
        assert!(reader_gone());
    });
}

fn events_arriving_during_a_read_ahead_dump_are_kept() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("e", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Always);
        connection.socket().add_membership(RTNLGRP_LINK).unwrap();
        let mut count = 0;
        connection
            .request_raw(getlink(0).to_bytes(), RequestOptions::dump(), |reply| {
                if let RawReply::Message(_) = reply {
                    count += 1;
                    if count == 300 {
                        assert!(reader_running());
                        ip("link add late0 type veth peer name late1");
                    }
                }
            })
            .unwrap();
        assert!(count >= 601, "{count} links");
        let mut seen = Vec::new();
        while !(seen.contains(&"late0".to_string()) && seen.contains(&"late1".to_string())) {
            match connection
                .next_event::<RawPayload>(Some(Duration::from_secs(5)))
                .unwrap()
            {
                Some(Event::Message(message)) => seen.push(name_of(&message)),
                Some(other) => panic!("unexpected event {other:?}"),
                None => panic!("the links made during the dump were not announced: {seen:?}"),
            }
        }
    });
}

/// A dump through `request_decoded` with a caller that spends `work` on
/// each reply: (index, name) in order, and how many replies were decoded
/// on this thread and on another (the reader). With `panic_on_reader`, the
/// decoder panics whenever it runs on another thread.
fn decoded_links(
    connection: &mut Connection,
    work: Duration,
    panic_on_reader: bool,
) -> (Vec<(i32, String)>, usize, usize) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let caller = std::thread::current().id();
    let here = Arc::new(AtomicUsize::new(0));
    let elsewhere = Arc::new(AtomicUsize::new(0));
    let (h, e) = (Arc::clone(&here), Arc::clone(&elsewhere));
    let decode = move |raw: &netlink_packet_core::RawMessage<'_>| {
        let on_caller = std::thread::current().id() == caller;
        assert!(
            on_caller || !panic_on_reader,
            "a decoder that fails on the reader thread"
        );
        let counter = if on_caller { &h } else { &e };
        counter.fetch_add(1, Ordering::Relaxed);
        (link_index(raw.payload), link_name(raw.payload))
    };
    let mut links = Vec::new();
    connection
        .request_decoded(
            getlink(0).to_bytes(),
            RequestOptions::dump(),
            decode,
            |reply| {
                if let DecodedReply::Message(link) = reply {
                    links.push(link);
                    spend(work);
                }
            },
        )
        .unwrap();
    let (here, elsewhere) = (
        here.load(Ordering::Relaxed),
        elsewhere.load(Ordering::Relaxed),
    );
    (links, here, elsewhere)
}

/// Keeps this thread busy for `work`.
fn spend(work: Duration) {
    let started = std::time::Instant::now();
    while started.elapsed() < work {
        std::hint::spin_loop();
    }
}

fn a_decoded_dump_is_decoded_once_on_either_thread_in_order() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("d", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Off);
        let (alone, _) = dump_links(&mut connection, 1000);
        assert_eq!(alone.len(), 601);
        // One thread: everything decoded here.
        let (links, here, elsewhere) = decoded_links(&mut connection, Duration::ZERO, false);
        assert_eq!(links, alone);
        assert_eq!((here, elsewhere), (601, 0));
        // Read ahead, the caller slower than the kernel (20 µs a link):
        // the reader decodes what arrives while the caller is busy, every
        // reply is decoded exactly once, and the order is the dump's.
        connection.set_read_ahead(ReadAhead::Always);
        let (links, here, elsewhere) =
            decoded_links(&mut connection, Duration::from_micros(20), false);
        assert_eq!(links, alone);
        assert_eq!(
            here + elsewhere,
            601,
            "{here} here, {elsewhere} on the reader"
        );
        assert!(elsewhere > 0, "the reader decoded nothing ({here} here)");
        assert!(reader_gone());
        // The connection goes on as before: a raw dump after it is whole.
        assert_eq!(dump_links(&mut connection, 1000).0, alone);
        // A decoder that panics on the reader thread loses nothing: those
        // datagrams come undecoded and are decoded here.
        let (links, here, elsewhere) =
            decoded_links(&mut connection, Duration::from_micros(20), true);
        assert_eq!((here, elsewhere), (601, 0));
        assert_eq!(links, alone);
    });
}

fn by_default_only_a_caller_that_works_on_each_message_gets_a_reader() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("w", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Auto);
        // A caller that only counts the messages. The reader is looked for
        // rarely (reading /proc is work too), and the choice rests on
        // timings, which a busy machine can blur once in a while.
        let mut readers = 0;
        for _ in 0..5 {
            let (mut count, mut reader) = (0, false);
            connection
                .request_raw(getlink(0).to_bytes(), RequestOptions::dump(), |reply| {
                    if let RawReply::Message(_) = reply {
                        count += 1;
                        if count % 200 == 0 {
                            reader |= reader_running();
                        }
                    }
                })
                .unwrap();
            assert_eq!(count, 601);
            readers += usize::from(reader);
        }
        assert!(
            readers <= 2,
            "a reader ran in {readers} of 5 dumps for a caller that only counts"
        );
        let (glanced, _) = dump_links(&mut connection, 1000);
        // 50 µs per link: some 20 links a datagram, 1 ms of work against
        // the kernel's fraction of it.
        let (worked, reader) = dump_links_working(&mut connection, 25, Duration::from_micros(50));
        assert!(reader, "no reader ran for a caller busy with every message");
        assert_eq!(worked, glanced);
    });
}

/// Runs `body` on a current-thread runtime with a handle on a tokio
/// connection (spawned there) that reads ahead as `read_ahead` says.
#[cfg(feature = "tokio")]
fn on_tokio<T, F, R>(
    read_ahead: ReadAhead,
    body: impl FnOnce(netlink_proto::tokio::Handle<T>) -> F,
) -> R
where
    T: netlink_packet_core::NetlinkDeserializable,
    F: std::future::Future<Output = R>,
{
    use netlink_proto::tokio::{new_connection_with, ConnectionConfig};

    let config = ConnectionConfig {
        read_ahead,
        ..ConnectionConfig::default()
    };
    let socket = netlink_sys::Socket::new(Protocol::Route).unwrap();
    let (connection, handle, _events) = new_connection_with::<T>(socket, config).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        tokio::spawn(connection);
        body(handle).await
    })
}

#[cfg(feature = "tokio")]
/// Every link's name through the tokio driver with `read_ahead`, and
/// whether the reader was seen while the replies were read.
fn tokio_dump(read_ahead: ReadAhead) -> (Vec<String>, bool) {
    use futures::StreamExt;

    on_tokio::<RawPayload, _, _>(read_ahead, |handle| async move {
        let mut replies = handle
            .request(getlink(0), RequestOptions::dump())
            .await
            .unwrap();
        let (mut names, mut seen_reader) = (Vec::new(), false);
        while let Some(reply) = replies.next().await {
            names.push(name_of(&reply.unwrap()));
            if names.len() % 25 == 0 {
                seen_reader |= reader_running();
            }
        }
        (names, seen_reader)
    })
}

#[cfg(feature = "tokio")]
fn the_tokio_driver_reads_ahead_with_the_same_outcome() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("t", 300));
        let (alone, reader_alone) = tokio_dump(ReadAhead::Off);
        let (ahead, reader_ahead) = tokio_dump(ReadAhead::Always);
        assert!(!reader_alone, "a reader ran with read-ahead off");
        assert!(
            reader_ahead,
            "no reader ran for a tokio dump of {} links",
            ahead.len()
        );
        assert_eq!(alone.len(), 601);
        assert_eq!(ahead, alone);
        assert!(reader_gone(), "the reader outlived its dump");
    });
}

/// A payload for the tokio driver that says where it was decoded: the
/// request it sends, or a link decoded (on the reader thread or not).
#[cfg(feature = "tokio")]
#[derive(Debug)]
enum Probe {
    Request(RawPayload),
    Link {
        index: i32,
        name: String,
        on_reader: bool,
    },
}

/// Makes `Probe`'s decoding panic on the reader thread.
#[cfg(feature = "tokio")]
static PANIC_ON_READER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(feature = "tokio")]
impl netlink_packet_core::NetlinkSerializable for Probe {
    fn message_type(&self) -> u16 {
        match self {
            Probe::Request(raw) => raw.message_type,
            Probe::Link { .. } => 16,
        }
    }

    fn buffer_len(&self) -> usize {
        match self {
            Probe::Request(raw) => raw.bytes.len(),
            Probe::Link { .. } => 0,
        }
    }

    fn emit(&self, buf: &mut [u8]) {
        if let Probe::Request(raw) = self {
            buf.copy_from_slice(&raw.bytes);
        }
    }
}

#[cfg(feature = "tokio")]
impl netlink_packet_core::NetlinkDeserializable for Probe {
    fn deserialize(
        _: &netlink_packet_core::NetlinkHeader,
        payload: &[u8],
    ) -> Result<Self, netlink_packet_core::DecodeError> {
        let on_reader = reader_thread();
        if on_reader && PANIC_ON_READER.load(std::sync::atomic::Ordering::Relaxed) {
            panic!("a decoder that fails on the reader thread");
        }
        Ok(Probe::Link {
            index: link_index(payload),
            name: link_name(payload),
            on_reader,
        })
    }
}

/// Whether this is the driver's reader thread.
#[cfg(feature = "tokio")]
fn reader_thread() -> bool {
    std::thread::current().name() == Some("netlink-read-ahead")
}

/// Every link through the tokio driver with `read_ahead`, the stream
/// spending `work` on each, and how many were decoded on the reader.
#[cfg(feature = "tokio")]
fn tokio_decoded(read_ahead: ReadAhead, work: Duration) -> (Vec<(i32, String)>, usize) {
    use futures::StreamExt;
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};

    on_tokio::<Probe, _, _>(read_ahead, |handle| async move {
        let request = NetlinkMessage::from_inner(Probe::Request(RawPayload {
            message_type: RTM_GETLINK,
            bytes: ifinfomsg(0),
        }));
        let mut replies = handle
            .request(request, RequestOptions::dump())
            .await
            .unwrap();
        let (mut links, mut on_reader) = (Vec::new(), 0);
        while let Some(reply) = replies.next().await {
            match reply.unwrap().payload {
                NetlinkPayload::Inner(Probe::Link {
                    index,
                    name,
                    on_reader: there,
                }) => {
                    links.push((index, name));
                    on_reader += usize::from(there);
                }
                other => panic!("not a link: {other:?}"),
            }
            spend(work);
        }
        (links, on_reader)
    })
}

#[cfg(feature = "tokio")]
fn a_tokio_stream_that_falls_behind_gets_replies_decoded_on_the_reader() {
    in_new_netns(|| {
        ip_batch(&veth_pairs("k", 300));
        let mut connection = Connection::new(Protocol::Route).unwrap();
        connection.set_read_ahead(ReadAhead::Off);
        let (alone, _) = dump_links(&mut connection, 1000);
        assert_eq!(alone.len(), 601);
        let slow = Duration::from_micros(50);
        // Without a reader, everything is decoded in the stream.
        assert_eq!(tokio_decoded(ReadAhead::Off, slow), (alone.clone(), 0));
        // A stream slower than the kernel: the reader decodes some, and
        // the stream yields every link once, in order.
        let (links, on_reader) = tokio_decoded(ReadAhead::Always, slow);
        assert_eq!(links, alone);
        assert!(on_reader > 0, "nothing decoded on the reader");
        assert!(on_reader < 601, "everything decoded on the reader");
        assert!(reader_gone(), "the reader outlived its dump");
        // A decoder that panics on the reader thread loses nothing: the
        // stream decodes those datagrams itself.
        PANIC_ON_READER.store(true, std::sync::atomic::Ordering::Relaxed);
        let (links, on_reader) = tokio_decoded(ReadAhead::Always, slow);
        PANIC_ON_READER.store(false, std::sync::atomic::Ordering::Relaxed);
        assert_eq!((links, on_reader), (alone, 0));
    });
}
