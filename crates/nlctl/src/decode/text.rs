//! The text form of `nlctl decode`: one header line per message, then its
//! fixed header and attributes, indented by nesting.
//!
//! ```text
//! RTM_NEWLINK len 1232 flags MULTI seq 1 pid 4242
//!   ifinfomsg: family 0 pad 0 link_type ether(1) index 1 flags UP|LOOPBACK|RUNNING change 0
//!   IFLA_IFNAME (3): "lo"
//!   IFLA_LINKINFO (18):
//!     IFLA_INFO_KIND (1): "veth"
//!   attr 99: 01 02 03 (unknown)
//! ```

use std::fmt::Write;

use netlink_packet_core::nla::{Described, DescribedAttr};

use super::{flag_names, DecodedMessage, Protocol, Report};

/// Bytes shown on one line; longer values are wrapped.
const BYTES_PER_LINE: usize = 16;
/// A fixed header or structure is printed on one line up to this width.
const INLINE_WIDTH: usize = 100;

/// `bytes` as space-separated hex pairs (`01 02 ff`); `(nothing)` when
/// empty.
pub fn hex_bytes(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "(nothing)".to_owned();
    }
    let mut text = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let _ = write!(text, "{b:02x}");
    }
    text
}

/// The whole report as text.
pub fn render_text(report: &Report, protocol: Protocol) -> String {
    let mut out = String::new();
    for message in &report.messages {
        render_message(&mut out, message, protocol);
    }
    if let Some(problem) = &report.stopped {
        let _ = writeln!(out, "! {problem}");
    }
    out
}

fn render_message(out: &mut String, message: &DecodedMessage, protocol: Protocol) {
    let header = &message.described.header;
    let payload = &message.described.payload;
    let kind = match payload.type_name {
        Some(name) => name.to_owned(),
        None => format!("type {}", header.message_type),
    };
    let flags = flag_names(protocol, header);
    let flags = if flags.is_empty() {
        "0".to_owned()
    } else {
        flags.join("|")
    };
    let _ = writeln!(
        out,
        "{kind} len {} flags {flags} seq {} pid {}",
        header.length, header.sequence_number, header.port_id
    );
    if let Some((name, fields)) = &payload.fixed {
        write_value(out, 1, name, fields, "");
    }
    match &payload.body {
        Described::Attributes(attrs) => {
            for attr in attrs {
                write_attr(out, 1, attr);
            }
        }
        Described::Bytes(bytes) if bytes.is_empty() => {}
        other => write_value(out, 1, "payload", other, ""),
    }
    for problem in &message.problems {
        let _ = writeln!(out, "  ! {problem}");
    }
    for diff in message.roundtrip.iter().flatten() {
        let _ = writeln!(
            out,
            "  ! round trip differs at offset {}: read {}, emitted {}",
            diff.offset,
            hex_bytes(&diff.read),
            hex_bytes(&diff.emitted)
        );
    }
}

fn write_attr(out: &mut String, indent: usize, attr: &DescribedAttr) {
    match attr.name {
        Some(name) => {
            let label = format!("{name} ({})", attr.number);
            write_value(out, indent, &label, &attr.value, "");
        }
        None => {
            let label = format!("attr {}", attr.number);
            write_value(out, indent, &label, &attr.value, " (unknown)");
        }
    }
}

/// A value that fits on the line of its label, if it is one.
fn inline(value: &Described) -> Option<String> {
    Some(match value {
        Described::Unsigned(n) => n.to_string(),
        Described::Signed(n) => n.to_string(),
        Described::Text(text) => format!("{text:?}"),
        Described::Bytes(bytes) if bytes.len() <= BYTES_PER_LINE * 2 => {
            if bytes.is_empty() {
                "(empty)".to_owned()
            } else {
                hex_bytes(bytes)
            }
        }
        Described::Address(address) => address.clone(),
        Described::Enum { name, value } => match name {
            Some(name) => format!("{name}({value})"),
            None => value.to_string(),
        },
        Described::Flags {
            names,
            value,
            unknown,
        } => {
            if *value == 0 {
                "0".to_owned()
            } else {
                let mut parts: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
                if *unknown != 0 {
                    parts.push(format!("{unknown:#x}"));
                }
                parts.join("|")
            }
        }
        Described::Fields(fields) => {
            let mut parts = Vec::with_capacity(fields.len());
            for (name, field) in fields {
                parts.push(format!("{name} {}", inline(field)?));
            }
            let text = parts.join(" ");
            if text.len() > INLINE_WIDTH {
                return None;
            }
            text
        }
        Described::List(items) => {
            let parts = items.iter().map(inline).collect::<Option<Vec<_>>>()?;
            let text = format!("[{}]", parts.join(", "));
            if text.len() > INLINE_WIDTH {
                return None;
            }
            text
        }
        Described::Attributes(attrs) if attrs.is_empty() => "(empty)".to_owned(),
        Described::Indexed(items) if items.is_empty() => "(empty)".to_owned(),
        _ => return None,
    })
}

/// Writes `parts` separated by spaces, starting a new line before the
/// width would exceed [`INLINE_WIDTH`].
fn wrap(out: &mut String, indent: usize, parts: &[String]) {
    let mut width = 0;
    for part in parts {
        if width > 0 && width + 1 + part.len() > INLINE_WIDTH {
            out.push('\n');
            width = 0;
        }
        if width == 0 {
            pad(out, indent);
        } else {
            out.push(' ');
        }
        out.push_str(part);
        width += part.len() + 1;
    }
    if width > 0 {
        out.push('\n');
    }
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

fn write_value(out: &mut String, indent: usize, label: &str, value: &Described, suffix: &str) {
    pad(out, indent);
    if let Described::Flag = value {
        let _ = writeln!(out, "{label}{suffix}");
        return;
    }
    if let Some(text) = inline(value) {
        let _ = writeln!(out, "{label}: {text}{suffix}");
        return;
    }
    let _ = writeln!(out, "{label}:{suffix}");
    match value {
        Described::Bytes(bytes) => {
            for chunk in bytes.chunks(BYTES_PER_LINE) {
                pad(out, indent + 1);
                let _ = writeln!(out, "{}", hex_bytes(chunk));
            }
        }
        Described::Fields(fields) => {
            let parts: Option<Vec<String>> = fields
                .iter()
                .map(|(name, field)| inline(field).map(|text| format!("{name} {text}")))
                .collect();
            match parts {
                // Many small fields (counters): as many per line as fit.
                Some(parts) => wrap(out, indent + 1, &parts),
                None => {
                    for (name, field) in fields {
                        write_value(out, indent + 1, name, field, "");
                    }
                }
            }
        }
        Described::Attributes(attrs) => {
            for attr in attrs {
                write_attr(out, indent + 1, attr);
            }
        }
        Described::Indexed(items) => {
            for (index, item) in items {
                write_value(out, indent + 1, &format!("[{index}]"), item, "");
            }
        }
        Described::List(items) => {
            for (index, item) in items.iter().enumerate() {
                write_value(out, indent + 1, &format!("[{index}]"), item, "");
            }
        }
        // Every other form is inline.
        _ => {}
    }
}
