//! `nlctl decode`: netlink messages from a capture, as a named tree.
//!
//! The input is a byte stream of netlink messages, one after another as
//! they come out of a socket (each `nlmsghdr` then its payload, padded to
//! 4 bytes). Every name printed (message types, header fields, attributes,
//! enumeration values, flags) comes from the declarations of the message
//! crates, through [`netlink_packet_core::nla::Described`]. Anything not
//! understood is printed as bytes; anything malformed is reported with its
//! offset in the input, and the rest still decodes.

mod control;
mod input;
mod json;
mod protocol;
mod text;

use std::io::Read;
use std::path::PathBuf;

use clap::Args;
use netlink_packet_core::nla::{DescribedMessage, DescribedPayload};
use netlink_packet_core::{
    DecodeError, DecodeReason, MessageIter, NetlinkHeader, NetlinkMessage, RawMessage,
};
use netlink_packet_route::RouteNetlinkMessage;

pub use input::{bytes_of, looks_like_hex, parse_hex, HexError, InputFormat};
pub use json::report_json;
pub use protocol::{flag_bits, flag_names, Protocol};
pub use text::render_text;

use crate::{CliError, Options};

/// The arguments of `nlctl decode`.
#[derive(Debug, Clone, Args)]
#[command(after_help = "\
Examples:
  nlctl decode capture.hex                  decode hex text (as in the test fixtures)
  nlctl decode --raw dump.bin               decode raw bytes
  nlctl -j decode --roundtrip capture.hex   JSON, and check that re-emitting gives the same bytes

Exit status: 0 when everything decoded (and round-tripped, with --roundtrip);
1 when the input is malformed (the error says what and at which offset) or a
message does not re-emit identically; 2 for a bad command line.")]
pub struct DecodeArgs {
    /// The netlink protocol of the messages. `route` (rtnetlink) is decoded
    /// into named attributes; `generic`, `netfilter`, `audit`, `sock_diag`,
    /// `xfrm` and the other netlink protocols have no typed decoder yet and
    /// are shown as header and numbered raw attributes.
    #[arg(long, default_value = "route", value_name = "PROTOCOL")]
    pub protocol: String,
    /// The input is hex text: pairs of hex digits, white space anywhere,
    /// `#` starting a comment to the end of the line. Without --hex or
    /// --raw, hex is assumed when the input holds nothing else.
    #[arg(long, conflicts_with = "raw")]
    pub hex: bool,
    /// The input is raw bytes (as received from a netlink socket).
    #[arg(long)]
    pub raw: bool,
    /// Re-emit each decoded message and report any byte difference (its
    /// offset and the bytes); exit status 1 if any.
    #[arg(long)]
    pub roundtrip: bool,
    /// The file to read; `-` or none for standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// A problem met while decoding: where in the input, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Offset in the input (in bytes, from the first byte of the stream).
    pub offset: usize,
    /// What is wrong, with the attribute path when there is one.
    pub reason: String,
}

impl Problem {
    fn from_decode(error: &DecodeError, base: usize) -> Self {
        let mut reason = String::new();
        if !error.path().is_empty() {
            reason.push_str("in ");
            reason.push_str(&error.path_string());
            reason.push_str(": ");
        }
        reason.push_str(&error.reason().to_string());
        Problem {
            offset: base.saturating_add(error.offset()),
            reason,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at offset {}: {}", self.offset, self.reason)
    }
}

/// Where re-emitting a message gave other bytes than it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Offset in the input of the first differing byte.
    pub offset: usize,
    /// The bytes of the input from there (at most 16).
    pub read: Vec<u8>,
    /// The bytes emitted there (at most 16).
    pub emitted: Vec<u8>,
}

/// One message of the input, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedMessage {
    /// Offset of the message's header in the input.
    pub offset: usize,
    /// The message as a named tree.
    pub described: DescribedMessage,
    /// Parts of the message that did not decode (kept as bytes in the
    /// description).
    pub problems: Vec<Problem>,
    /// With `--roundtrip`: where re-emitting differs (empty: identical).
    /// `None` when not asked, or when the message did not decode at all.
    pub roundtrip: Option<Vec<Difference>>,
}

/// Everything decoded from an input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The messages, in input order.
    pub messages: Vec<DecodedMessage>,
    /// A problem that stopped the walk over the messages (a header whose
    /// length cannot be trusted, bytes too few for a header).
    pub stopped: Option<Problem>,
}

impl Report {
    /// Every problem: those of the messages, then the one that stopped
    /// the walk.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.messages
            .iter()
            .flat_map(|m| m.problems.iter())
            .chain(self.stopped.iter())
    }

    /// Messages that re-emit differently, with their differences.
    pub fn roundtrip_failures(&self) -> impl Iterator<Item = (&DecodedMessage, &[Difference])> {
        self.messages.iter().filter_map(|m| match &m.roundtrip {
            Some(diffs) if !diffs.is_empty() => Some((m, diffs.as_slice())),
            _ => None,
        })
    }

    /// Whether everything decoded and (when checked) round-tripped.
    pub fn is_clean(&self) -> bool {
        self.problems().next().is_none() && self.roundtrip_failures().next().is_none()
    }
}

/// Decodes every message of `bytes` as `protocol`. Never panics: problems
/// are recorded in the report with their offsets, and the walk goes on
/// wherever the next message can still be found.
pub fn decode_bytes(bytes: &[u8], protocol: Protocol, roundtrip: bool) -> Report {
    let mut report = Report::default();
    for raw in MessageIter::new(bytes) {
        match raw {
            Ok(raw) => report
                .messages
                .push(decode_message(&raw, protocol, roundtrip)),
            Err(error) => {
                let mut problem = Problem::from_decode(&error, 0);
                if let DecodeReason::TrailingBytes { count } = error.reason() {
                    problem.reason = format!(
                        "{count} bytes left, too few for a netlink header ({} bytes)",
                        NetlinkHeader::LEN
                    );
                }
                report.stopped = Some(problem);
            }
        }
    }
    report
}

fn decode_message(raw: &RawMessage<'_>, protocol: Protocol, roundtrip: bool) -> DecodedMessage {
    let (described, problems, emitted) = match protocol {
        Protocol::Route => match NetlinkMessage::<RouteNetlinkMessage>::parse(raw) {
            Ok(message) => {
                let problems = match &message.payload {
                    netlink_packet_core::NetlinkPayload::Inner(inner) => inner
                        .invalid()
                        .iter()
                        .map(|e| Problem::from_decode(e, raw.offset + NetlinkHeader::LEN))
                        .collect(),
                    _ => Vec::new(),
                };
                let mut described = message.describe_with(RouteNetlinkMessage::describe);
                control::enrich(&message.payload, &mut described);
                (described, problems, Some(message.to_bytes()))
            }
            Err(error) => undecoded(raw, protocol, &error),
        },
        Protocol::Untyped(_) => {
            match NetlinkMessage::<netlink_packet_core::RawPayload>::parse(raw) {
                Ok(message) => {
                    let described = message.describe_with(|payload| {
                        protocol::describe_untyped(protocol, &payload.bytes)
                    });
                    (described, Vec::new(), Some(message.to_bytes()))
                }
                Err(error) => undecoded(raw, protocol, &error),
            }
        }
    };
    let roundtrip = match (roundtrip, emitted) {
        (true, Some(emitted)) => Some(differences(raw.bytes, &emitted, raw.offset)),
        _ => None,
    };
    DecodedMessage {
        offset: raw.offset,
        described,
        problems,
        roundtrip,
    }
}

/// A message whose payload did not decode: its header and its payload as
/// bytes, and the problem.
fn undecoded(
    raw: &RawMessage<'_>,
    protocol: Protocol,
    error: &DecodeError,
) -> (DescribedMessage, Vec<Problem>, Option<Vec<u8>>) {
    let described = DescribedMessage {
        header: raw.header,
        payload: DescribedPayload::raw(protocol.type_name(raw.header.message_type), raw.payload),
    };
    (
        described,
        vec![Problem::from_decode(error, raw.offset)],
        None,
    )
}

/// Where `emitted` differs from `read` (which starts at `base` in the
/// input): runs of differing bytes, at most 8 of them, then a length
/// difference if any.
pub fn differences(read: &[u8], emitted: &[u8], base: usize) -> Vec<Difference> {
    const MAX_RUNS: usize = 8;
    const SHOWN: usize = 16;
    let mut diffs = Vec::new();
    let common = read.len().min(emitted.len());
    let mut pos = 0;
    while pos < common && diffs.len() < MAX_RUNS {
        if read[pos] == emitted[pos] {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < common && read[pos] != emitted[pos] {
            pos += 1;
        }
        let end = pos.min(start + SHOWN);
        diffs.push(Difference {
            offset: base + start,
            read: read[start..end].to_vec(),
            emitted: emitted[start..end].to_vec(),
        });
    }
    if read.len() != emitted.len() && diffs.len() < MAX_RUNS {
        diffs.push(Difference {
            offset: base + common,
            read: read[common..].iter().take(SHOWN).copied().collect(),
            emitted: emitted[common..].iter().take(SHOWN).copied().collect(),
        });
    }
    diffs
}

fn read_input(file: Option<&PathBuf>) -> Result<Vec<u8>, CliError> {
    let mut input = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            input = std::fs::read(path)
                .map_err(|e| CliError::failed(format!("decode: {}: {e}", path.display())))?;
        }
        _ => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut input)
                .map_err(|e| CliError::failed(format!("decode: standard input: {e}")))?;
        }
    }
    Ok(input)
}

/// Runs `nlctl decode`: prints what decoded (text, or with `-j` a JSON
/// array with one object per message), then fails with every problem and
/// round-trip difference, if there were any.
pub fn run(options: &Options, args: DecodeArgs) -> Result<(), CliError> {
    let protocol = Protocol::from_name(&args.protocol)?;
    if let Protocol::Untyped(name) = protocol {
        eprintln!(
            "nlctl: decode: no typed decoder exists yet for protocol {name}: \
             messages are shown as their header and numbered raw attributes"
        );
    }
    let format = match (args.hex, args.raw) {
        (true, _) => Some(InputFormat::Hex),
        (_, true) => Some(InputFormat::Raw),
        _ => None,
    };
    let input = read_input(args.file.as_ref())?;
    let bytes = bytes_of(&input, format).map_err(|e| CliError::failed(format!("decode: {e}")))?;
    if bytes.is_empty() {
        return Err(CliError::failed("decode: the input holds no bytes"));
    }
    let report = decode_bytes(&bytes, protocol, args.roundtrip);
    let out = if options.json {
        let value = report_json(&report, protocol);
        let mut text = if options.pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .map_err(|e| CliError::failed(format!("decode: JSON: {e}")))?;
        text.push('\n');
        text
    } else {
        render_text(&report, protocol)
    };
    {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(out.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| CliError::failed(format!("stdout: {e}")))?;
    }
    match failure(&report) {
        // Text that is not quite hex was read as raw bytes: say so, since
        // the errors about it would otherwise puzzle.
        Some(CliError::Failed(text)) if format.is_none() && std::str::from_utf8(&input).is_ok() => {
            Err(CliError::failed(format!(
                "{text}\ndecode: the input was read as raw bytes because it is not only hex \
                 digits, white space and # comments; give --hex to see where it is not hex"
            )))
        }
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The error `nlctl decode` ends with for `report`, if it is not clean.
pub fn failure(report: &Report) -> Option<CliError> {
    if report.is_clean() {
        return None;
    }
    let mut lines = Vec::new();
    for problem in report.problems() {
        lines.push(format!("decode: {problem}"));
    }
    for (message, diffs) in report.roundtrip_failures() {
        for diff in diffs {
            lines.push(format!(
                "decode: round trip of the message at offset {} differs at offset {}: read {}, emitted {}",
                message.offset,
                diff.offset,
                text::hex_bytes(&diff.read),
                text::hex_bytes(&diff.emitted),
            ));
        }
    }
    Some(CliError::failed(lines.join("\n")))
}
