//! Parsing and emitting rtnetlink dumps, in messages per second. Needs no
//! root: the messages are the kernel captures in `tests/fixtures`.
//!
//! For each of links, addresses and routes, a dump of 10,000 messages is
//! built in memory by repeating that family's fixtures in turn (every file
//! below `tests/fixtures/{link,address,route}`, so a mix of kinds, nests and
//! sizes), then three things are measured over the whole buffer:
//!
//! - `<family>/parse_owned`: [`MessageIter`] over the buffer and
//!   `NetlinkMessage::<RouteNetlinkMessage>::parse` of each message, what the
//!   engine's drivers do for every reply: every attribute decoded into owned
//!   values (and dropped again);
//! - `<family>/parse_view`: [`MessageIter`] and the family's zero-copy view
//!   (`LinkView`, `AddressView`, `RouteView`), reading one header field and
//!   one attribute (name, address, destination) of each message;
//! - `<family>/emit`: the owned messages written back with
//!   `NetlinkMessage::emit_to_vec` into one reused vector.
//!
//! ```text
//! cargo bench -p netlink-packet-route --bench parse_emit
//! cargo bench -p netlink-packet-route --bench parse_emit -- route/
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use netlink_packet_core::{MessageIter, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::address::AddressView;
use netlink_packet_route::link::LinkView;
use netlink_packet_route::route::RouteView;
use netlink_packet_route::RouteNetlinkMessage;

/// Directory of this crate's fixtures.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Messages in each dump.
const MESSAGES: usize = 10_000;

/// The `.hex` files below `tests/fixtures/<dir>`, subfolders included, as
/// names relative to `tests/fixtures`, sorted so that every run builds the
/// same dump.
fn fixture_names(dir: &str) -> Vec<String> {
    fn walk(root: &Path, rel: &str, out: &mut Vec<String>) {
        let path = root.join(rel);
        let entries = std::fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("cannot list fixtures in {}: {e}", path.display()));
        for entry in entries {
            let entry =
                entry.unwrap_or_else(|e| panic!("cannot list fixtures in {}: {e}", path.display()));
            let name = format!("{rel}/{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(root, &name, out);
            } else if name.ends_with(".hex") {
                out.push(name);
            }
        }
    }
    let mut names = Vec::new();
    walk(Path::new(FIXTURES), dir, &mut names);
    names.sort();
    assert!(!names.is_empty(), "no fixtures in {FIXTURES}/{dir}");
    names
}

/// The messages of family `dir`, one per fixture, each checked: exactly one
/// message that decodes completely into a route-protocol payload.
fn fixture_messages(dir: &str) -> Vec<Vec<u8>> {
    fixture_names(dir)
        .iter()
        .map(|name| {
            let mut bytes = netlink_testkit::read_fixture(FIXTURES, name);
            let message = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes)
                .unwrap_or_else(|e| panic!("fixture {name}: {e}"));
            match &message.payload {
                NetlinkPayload::Inner(inner) => assert!(
                    inner.invalid().is_empty(),
                    "fixture {name}: {:?}",
                    inner.invalid()
                ),
                other => panic!("fixture {name}: not a route message: {other:?}"),
            }
            assert_eq!(
                message.buffer_len(),
                bytes.len(),
                "fixture {name}: not exactly one message"
            );
            // Messages in a dump start on 4-byte boundaries.
            bytes.resize(bytes.len().next_multiple_of(4), 0);
            bytes
        })
        .collect()
}

/// A dump of [`MESSAGES`] messages: the family's fixtures in turn.
fn dump(dir: &str) -> Vec<u8> {
    let messages = fixture_messages(dir);
    let mut dump = Vec::new();
    for message in messages.iter().cycle().take(MESSAGES) {
        dump.extend_from_slice(message);
    }
    dump
}

/// Measures, in group `dir`, parsing (owned, and through the view that
/// `read` makes of a payload, `black_box`ing what it reads) and emitting of
/// the dump built from the fixtures in `tests/fixtures/<dir>`.
fn family(c: &mut Criterion, dir: &str, read: impl Fn(&[u8])) {
    let dump = dump(dir);
    let owned: Vec<NetlinkMessage<RouteNetlinkMessage>> = MessageIter::new(&dump)
        .map(|raw| {
            raw.and_then(|raw| NetlinkMessage::parse(&raw))
                .unwrap_or_else(|e| panic!("{dir} dump: {e}"))
        })
        .collect();
    assert_eq!(owned.len(), MESSAGES, "{dir} dump: message count");
    let mut out = Vec::with_capacity(dump.len());
    for message in &owned {
        message.emit_to_vec(&mut out);
    }
    assert!(
        out == dump,
        "{dir} dump: emitting does not give the bytes back"
    );

    let mut group = c.benchmark_group(dir);
    group.throughput(Throughput::Elements(MESSAGES as u64));
    group.bench_function("parse_owned", |b| {
        b.iter(|| {
            for raw in MessageIter::new(black_box(&dump)) {
                let _ = black_box(
                    raw.and_then(|raw| NetlinkMessage::<RouteNetlinkMessage>::parse(&raw)),
                );
            }
        })
    });
    group.bench_function("parse_view", |b| {
        b.iter(|| {
            for raw in MessageIter::new(black_box(&dump)).flatten() {
                read(raw.payload);
            }
        })
    });
    group.bench_function("emit", |b| {
        b.iter(|| {
            out.clear();
            for message in black_box(&owned) {
                message.emit_to_vec(&mut out);
            }
            black_box(&out);
        })
    });
    group.finish();
}

fn parse_emit(c: &mut Criterion) {
    family(c, "link", |payload| {
        if let Ok(view) = LinkView::parse(payload) {
            black_box((view.index(), view.name()));
        }
    });
    family(c, "address", |payload| {
        if let Ok(view) = AddressView::parse(payload) {
            black_box((view.prefix_len(), view.address()));
        }
    });
    family(c, "route", |payload| {
        if let Ok(view) = RouteView::parse(payload) {
            black_box((view.dst_len(), view.destination()));
        }
    });
}

criterion_group!(benches, parse_emit);
criterion_main!(benches);
