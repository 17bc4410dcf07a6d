//! Every fixture under `tests/fixtures` (bytes captured from this kernel,
//! or built from the header layouts) parses without a single invalid
//! attribute and emits back byte for byte. Value assertions live in the
//! per-family fixture tests.

use std::path::Path;

use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_testkit::read_fixture;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixtures() -> Vec<String> {
    let mut names = Vec::new();
    let mut dirs = vec![Path::new(DIR).to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "hex") {
                names.push(path.strip_prefix(DIR).unwrap().display().to_string());
            }
        }
    }
    names.sort();
    names
}

#[test]
fn every_fixture_round_trips() {
    let names = fixtures();
    assert!(!names.is_empty(), "no fixtures found in {DIR}");
    for name in names {
        let bytes = read_fixture(DIR, &name);
        let message = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let invalid = match &message.payload {
            NetlinkPayload::Inner(RouteNetlinkMessage::Other(raw)) => {
                panic!("{name}: message type {} is not decoded", raw.message_type)
            }
            NetlinkPayload::Inner(inner) => inner.invalid(),
            other => panic!("{name}: unexpected {other:?}"),
        };
        assert!(invalid.is_empty(), "{name}: {invalid:?}");
        assert_eq!(message.to_bytes(), bytes, "{name}: round trip differs");
    }
}
