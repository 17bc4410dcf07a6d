//! The JSON form of `nlctl decode`: an array with one object per message.
//!
//! ```json
//! [{"offset": 0, "len": 1232, "type": 16, "type_name": "RTM_NEWLINK",
//!   "flags": ["MULTI"], "seq": 1, "pid": 4242,
//!   "header": {"name": "ifinfomsg", "fields": {"family": 0, ...}},
//!   "attributes": [{"name": "IFLA_IFNAME", "number": 3, "value": "lo"}, ...],
//!   "errors": [], "roundtrip": "identical"}]
//! ```
//!
//! Values: numbers as numbers, strings and addresses as strings, bytes as
//! a hex string, flags attributes as `true`, enumerations as
//! `{"name", "value"}` (`name` null for an undeclared value), flag sets as
//! `{"names", "value", "unknown"}`, structures as objects, attribute runs
//! as arrays of `{"name", "number", "value"}` (`name` null for an unknown
//! attribute), indexed arrays as arrays of `{"index", "value"}`.

use netlink_packet_core::nla::{Described, DescribedAttr};
use serde_json::{json, Map, Value};

use super::{flag_names, DecodedMessage, Protocol, Report};

/// `bytes` as one hex string (`"0102ff"`).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The report as a JSON array, one object per message; a problem that
/// stopped the walk is a last object `{"offset", "error"}`.
pub fn report_json(report: &Report, protocol: Protocol) -> Value {
    let mut messages: Vec<Value> = report
        .messages
        .iter()
        .map(|m| message_json(m, protocol))
        .collect();
    if let Some(problem) = &report.stopped {
        messages.push(json!({ "offset": problem.offset, "error": problem.reason }));
    }
    Value::Array(messages)
}

fn message_json(message: &DecodedMessage, protocol: Protocol) -> Value {
    let header = &message.described.header;
    let payload = &message.described.payload;
    let mut object = Map::new();
    object.insert("offset".into(), json!(message.offset));
    object.insert("len".into(), json!(header.length));
    object.insert("type".into(), json!(header.message_type));
    object.insert("type_name".into(), json!(payload.type_name));
    object.insert("flags".into(), json!(flag_names(protocol, header)));
    object.insert("seq".into(), json!(header.sequence_number));
    object.insert("pid".into(), json!(header.port_id));
    if let Some((name, fields)) = &payload.fixed {
        object.insert(
            "header".into(),
            json!({ "name": name, "fields": value_json(fields) }),
        );
    }
    match &payload.body {
        Described::Attributes(attrs) => {
            object.insert("attributes".into(), attrs_json(attrs));
        }
        other => {
            object.insert("payload".into(), value_json(other));
        }
    }
    object.insert(
        "errors".into(),
        Value::Array(
            message
                .problems
                .iter()
                .map(|p| json!({ "offset": p.offset, "error": p.reason }))
                .collect(),
        ),
    );
    if let Some(diffs) = &message.roundtrip {
        let value = if diffs.is_empty() {
            json!("identical")
        } else {
            Value::Array(
                diffs
                    .iter()
                    .map(|d| {
                        json!({ "offset": d.offset, "read": hex(&d.read), "emitted": hex(&d.emitted) })
                    })
                    .collect(),
            )
        };
        object.insert("roundtrip".into(), value);
    }
    Value::Object(object)
}

fn attrs_json(attrs: &[DescribedAttr]) -> Value {
    Value::Array(
        attrs
            .iter()
            .map(|a| json!({ "name": a.name, "number": a.number, "value": value_json(&a.value) }))
            .collect(),
    )
}

/// One described value as JSON.
pub fn value_json(value: &Described) -> Value {
    match value {
        Described::Unsigned(n) => json!(n),
        Described::Signed(n) => json!(n),
        Described::Text(text) => json!(text),
        Described::Bytes(bytes) => json!(hex(bytes)),
        Described::Address(address) => json!(address),
        Described::Flag => json!(true),
        Described::Enum { name, value } => json!({ "name": name, "value": value }),
        Described::Flags {
            names,
            value,
            unknown,
        } => json!({ "names": names, "value": value, "unknown": unknown }),
        Described::Fields(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, field)| ((*name).to_owned(), value_json(field)))
                .collect(),
        ),
        Described::Attributes(attrs) => attrs_json(attrs),
        Described::Indexed(items) => Value::Array(
            items
                .iter()
                .map(|(index, item)| json!({ "index": index, "value": value_json(item) }))
                .collect(),
        ),
        Described::List(items) => Value::Array(items.iter().map(value_json).collect()),
    }
}
