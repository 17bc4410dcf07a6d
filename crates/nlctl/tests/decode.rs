//! `nlctl decode`: captured kernel messages decode with their names and
//! round-trip byte for byte; malformed and random input never panics and
//! is reported with its offset.

mod common;

use std::path::{Path, PathBuf};

use netlink_packet_core::nla::Described;
use nlctl::decode::{decode_bytes, differences, failure, parse_hex, render_text, Protocol, Report};

const ROUTE_FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../netlink-packet-route/tests/fixtures"
);
const CONTROL_FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../netlink-packet-core/tests/fixtures"
);

/// Every `.hex` file below `dir`, sorted.
fn hex_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture directory") {
            let path = entry.expect("fixture entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "hex") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn fixture_bytes(path: &Path) -> Vec<u8> {
    parse_hex(&std::fs::read_to_string(path).expect("read fixture")).expect("fixture is hex")
}

fn all_fixtures() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = hex_files(Path::new(ROUTE_FIXTURES));
    files.extend(hex_files(Path::new(CONTROL_FIXTURES)));
    assert!(files.len() > 100, "fixtures missing: {}", files.len());
    files
        .into_iter()
        .map(|path| {
            let bytes = fixture_bytes(&path);
            (path, bytes)
        })
        .collect()
}

/// Every attribute of a description, at any depth.
fn walk<'a>(value: &'a Described, out: &mut Vec<&'a netlink_packet_core::nla::DescribedAttr>) {
    match value {
        Described::Attributes(attrs) => {
            for attr in attrs {
                out.push(attr);
                walk(&attr.value, out);
            }
        }
        Described::Fields(fields) => fields.iter().for_each(|(_, v)| walk(v, out)),
        Described::Indexed(items) => items.iter().for_each(|(_, v)| walk(v, out)),
        Described::List(items) => items.iter().for_each(|v| walk(v, out)),
        _ => {}
    }
}

#[test]
fn every_captured_message_decodes_with_names_and_round_trips() {
    let (mut named, mut total) = (0, 0);
    for (path, bytes) in all_fixtures() {
        let report = decode_bytes(&bytes, Protocol::Route, true);
        let name = path.display();
        assert!(report.is_clean(), "{name}: {:?}", failure(&report));
        assert!(!report.messages.is_empty(), "{name}: no message");
        for message in &report.messages {
            assert_eq!(message.roundtrip.as_deref(), Some(&[][..]), "{name}");
            let payload = &message.described.payload;
            assert!(payload.type_name.is_some(), "{name}: type not named");
            if let Described::Attributes(attrs) = &payload.body {
                assert!(payload.fixed.is_some(), "{name}: no fixed header");
                assert!(
                    attrs.is_empty() || attrs.iter().any(|a| a.name.is_some()),
                    "{name}: no attribute named"
                );
                let mut all = Vec::new();
                walk(&payload.body, &mut all);
                named += all.iter().filter(|a| a.name.is_some()).count();
                total += all.len();
            }
        }
    }
    // Only the few attributes of kernels newer than the declarations are
    // shown by number.
    assert!(
        named * 100 >= total * 98,
        "{named} of {total} attributes named"
    );
}

#[test]
fn a_stream_of_every_fixture_decodes_message_by_message() {
    let fixtures = all_fixtures();
    let mut stream = Vec::new();
    let mut count = 0;
    for (_, bytes) in &fixtures {
        count += decode_bytes(bytes, Protocol::Route, false).messages.len();
        stream.extend_from_slice(bytes);
        stream.resize(stream.len().next_multiple_of(4), 0);
    }
    let report = decode_bytes(&stream, Protocol::Route, true);
    assert!(report.is_clean(), "{:?}", failure(&report));
    assert_eq!(report.messages.len(), count);
}

#[test]
fn text_output_names_header_fields_and_attributes() {
    let bytes = fixture_bytes(&Path::new(ROUTE_FIXTURES).join("link/lo.hex"));
    let text = render_text(
        &decode_bytes(&bytes, Protocol::Route, false),
        Protocol::Route,
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "RTM_NEWLINK len 1468 flags MULTI seq 1 pid 31715");
    assert_eq!(
        lines[1],
        "  ifinfomsg: family 0 pad 0 link_type loopback(772) index 1 \
         flags UP|LOOPBACK|RUNNING|LOWER_UP change 0"
    );
    assert_eq!(lines[2], "  IFLA_IFNAME (3): \"lo\"");
    assert!(lines.contains(&"  IFLA_MTU (4): 65536"), "{text}");
    assert!(lines.contains(&"    AF_INET (2):"), "{text}");
    assert!(lines.contains(&"        forwarding (1): 0"), "{text}");

    let bytes = fixture_bytes(&Path::new(ROUTE_FIXTURES).join("link/veth/v0.hex"));
    let text = render_text(
        &decode_bytes(&bytes, Protocol::Route, false),
        Protocol::Route,
    );
    assert!(
        text.contains("  IFLA_LINKINFO (18):\n    IFLA_INFO_KIND (1): \"veth\"\n"),
        "{text}"
    );
}

#[test]
fn control_messages_are_named() {
    let bytes = fixture_bytes(&Path::new(CONTROL_FIXTURES).join("error_policy_offset.hex"));
    let text = render_text(
        &decode_bytes(&bytes, Protocol::Route, false),
        Protocol::Route,
    );
    assert!(
        text.starts_with("NLMSG_ERROR len 152 flags ACK_TLVS seq 3"),
        "{text}"
    );
    assert!(text.contains("ERANGE(34)"), "{text}");
    assert!(
        text.contains("  NLMSGERR_ATTR_MSG (1): \"Attribute failed policy validation\"\n"),
        "{text}"
    );
    assert!(text.contains("  NLMSGERR_ATTR_OFFS (2): 40\n"), "{text}");
    // The echoed request: its type and flags by name, its payload decoded,
    // and the attribute the offset points at.
    assert!(
        text.contains("request: len 48 type RTM_NEWLINK(16) flags REQUEST|ACK seq 3 pid 0\n"),
        "{text}"
    );
    assert!(text.contains("IFLA_IFNAME (3): \"x1\"\n"), "{text}");
    assert!(
        text.contains("offending_attribute: \"IFLA_MTU\"\n"),
        "{text}"
    );
    let bytes = fixture_bytes(&Path::new(CONTROL_FIXTURES).join("done.hex"));
    let text = render_text(
        &decode_bytes(&bytes, Protocol::Route, false),
        Protocol::Route,
    );
    assert!(
        text.starts_with("NLMSG_DONE len 20 flags MULTI seq 7"),
        "{text}"
    );
}

#[test]
fn unknown_attributes_show_their_number_and_bytes() {
    // RTM_NEWLINK: ifinfomsg (index 1) then IFLA_IFNAME "lo" and attribute
    // 999 holding 01 02 03.
    let mut message = vec![0u8; 16];
    message.extend_from_slice(&[0; 16]);
    message[16 + 4..16 + 8].copy_from_slice(&1i32.to_ne_bytes());
    message.extend_from_slice(&[7, 0, 3, 0, b'l', b'o', 0, 0]);
    message.extend_from_slice(&[7, 0, 0xe7, 0x03, 1, 2, 3, 0]);
    let len = message.len() as u32;
    message[0..4].copy_from_slice(&len.to_ne_bytes());
    message[4..6].copy_from_slice(&16u16.to_ne_bytes());
    let report = decode_bytes(&message, Protocol::Route, true);
    assert!(report.is_clean(), "{:?}", failure(&report));
    let text = render_text(&report, Protocol::Route);
    assert!(text.contains("  IFLA_IFNAME (3): \"lo\"\n"), "{text}");
    assert!(text.contains("  attr 999: 01 02 03 (unknown)\n"), "{text}");
}

/// Every problem of `report` names an offset inside `len` bytes.
fn assert_reported(report: &Report, len: usize, what: &str) {
    let error = failure(report).unwrap_or_else(|| panic!("{what}: no error"));
    assert!(error.to_string().contains("at offset"), "{what}: {error}");
    for problem in report.problems() {
        assert!(
            problem.offset <= len,
            "{what}: offset {} of {len}",
            problem.offset
        );
    }
}

#[test]
fn every_truncation_of_a_fixture_is_an_error_with_its_offset() {
    for name in [
        "link/lo.hex",
        "link/veth/v0.hex",
        "route/get-fibmatch-multipath.hex",
    ] {
        let path = Path::new(ROUTE_FIXTURES).join(name);
        if !path.exists() {
            continue;
        }
        let bytes = fixture_bytes(&path);
        for len in 1..bytes.len() {
            let report = decode_bytes(&bytes[..len], Protocol::Route, true);
            assert_reported(&report, len, &format!("{name}[..{len}]"));
            let _ = render_text(&report, Protocol::Route);
        }
    }
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_and_mutated_bytes_never_panic() {
    let fixtures = all_fixtures();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for round in 0..4000 {
        let input: Vec<u8> = if round % 2 == 0 {
            let len = rng.below(600);
            (0..len).map(|_| rng.next() as u8).collect()
        } else {
            // A real message with a few bytes changed: reaches deep into
            // the attribute decoders.
            let (_, bytes) = &fixtures[rng.below(fixtures.len())];
            let mut bytes = bytes.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
            bytes
        };
        for protocol in [Protocol::Route, Protocol::from_name("generic").unwrap()] {
            let report = decode_bytes(&input, protocol, true);
            let _ = render_text(&report, protocol);
            let _ = nlctl::decode::report_json(&report, protocol);
            if let Some(error) = failure(&report) {
                let text = error.to_string();
                assert!(
                    text.contains("offset"),
                    "round {round}: error without an offset: {text}"
                );
            }
        }
    }
}

#[test]
fn differences_name_offsets_and_bytes() {
    assert!(differences(&[1, 2, 3], &[1, 2, 3], 100).is_empty());
    let diffs = differences(&[1, 2, 3, 4], &[1, 9, 3], 100);
    assert_eq!(diffs.len(), 2);
    assert_eq!(
        (diffs[0].offset, &diffs[0].read[..], &diffs[0].emitted[..]),
        (101, &[2][..], &[9][..])
    );
    assert_eq!((diffs[1].offset, &diffs[1].read[..]), (103, &[4][..]));
}

#[test]
fn roundtrip_reports_bytes_that_would_not_be_emitted_again() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ack-stray-bytes.hex"
    );
    let run = common::nlctl_args(&["decode", "--roundtrip", path]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("differs at offset 36: read 01 00 00 00, emitted (nothing)"),
        "{}",
        run.stderr
    );
    // Without --roundtrip the message decodes.
    assert_eq!(common::nlctl_args(&["decode", path]).status, 0);
}

#[test]
fn untyped_protocols_show_fixed_header_and_numbered_attributes() {
    // CTRL_CMD_GETFAMILY (3) version 2 to GENL_ID_CTRL (0x10), with
    // CTRL_ATTR_FAMILY_NAME (2) "nl80211" (linux/genetlink.h).
    let bytes = parse_hex(
        "2000000010000500010000000000000003020000\
         0c0002006e6c383032313100",
    )
    .unwrap();
    let protocol = Protocol::from_name("generic").unwrap();
    let report = decode_bytes(&bytes, protocol, true);
    assert!(report.is_clean(), "{:?}", failure(&report));
    let text = render_text(&report, protocol);
    assert_eq!(
        text,
        "type 16 len 32 flags REQUEST|ACK seq 1 pid 0\n  \
         genlmsghdr: cmd 3 version 2 reserved 0\n  \
         attr 2: 6e 6c 38 30 32 31 31 00 (unknown)\n"
    );
}

fn fixture_path(name: &str) -> String {
    Path::new(ROUTE_FIXTURES)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn json_output_parses_and_names_attributes() {
    let path = fixture_path("link/lo.hex");
    let run = common::nlctl_args(&["-j", "decode", "--roundtrip", &path]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let message = &value[0];
    assert_eq!(message["type_name"], "RTM_NEWLINK");
    assert_eq!(message["header"]["name"], "ifinfomsg");
    assert_eq!(message["header"]["fields"]["index"], 1);
    assert_eq!(message["roundtrip"], "identical");
    let ifname = message["attributes"]
        .as_array()
        .and_then(|a| a.iter().find(|a| a["number"] == 3))
        .expect("IFLA_IFNAME");
    assert_eq!(ifname["name"], "IFLA_IFNAME");
    assert_eq!(ifname["value"], "lo");
}

#[test]
fn command_line_errors_and_exit_statuses() {
    let dir = std::env::temp_dir().join(format!("nlctl-decode-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write input");
        path.to_string_lossy().into_owned()
    };

    // Odd hex: exit 1, says where.
    let odd = write("odd.hex", b"# comment\n1400000003000200\n070\n");
    let run = common::nlctl_args(&["decode", &odd]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stderr.contains("line 3 column 3"), "{}", run.stderr);

    // A truncated message: exit 1, names the offset.
    let short = write("short.hex", b"1400000003000200070000008514");
    let run = common::nlctl_args(&["decode", "--hex", &short]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("at offset 0"), "{}", run.stderr);

    // Raw bytes are read as such (guessed: they are not hex text).
    let done = fixture_bytes(&Path::new(CONTROL_FIXTURES).join("done.hex"));
    let raw = write("done.bin", &done);
    let run = common::nlctl_args(&["decode", &raw]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("NLMSG_DONE"), "{}", run.stdout);

    // Protocols without a typed decoder: said so, raw attributes shown.
    let run = common::nlctl_args(&["decode", "--protocol", "generic", "--raw", &raw]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("no typed decoder"), "{}", run.stderr);

    // Bad flags and unknown protocols are usage errors.
    assert_eq!(common::nlctl_args(&["decode", "--bogus", &raw]).status, 2);
    assert_eq!(
        common::nlctl_args(&["decode", "--hex", "--raw", &raw]).status,
        2
    );
    let run = common::nlctl_args(&["decode", "--protocol", "nosuch", &raw]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("unknown protocol"), "{}", run.stderr);

    let _ = std::fs::remove_dir_all(&dir);
}
