//! Errors and ACKs described with what the protocol knows: the echoed
//! request's type and flags by name, its echoed payload decoded, and the
//! attribute an extended ACK's offset points at.

use netlink_packet_core::control::ExtAck;
use netlink_packet_core::nla::{attribute_chain_at, Described, DescribedMessage};
use netlink_packet_core::{ErrorMessage, NetlinkDeserializable, NetlinkHeader, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;

use super::protocol::flag_bits;
use super::Protocol;

/// The echoed request header of an error, its type and flags named as
/// `protocol` names them.
fn request_header(protocol: Protocol, header: &NetlinkHeader) -> Described {
    let (names, unknown) = flag_bits(protocol, header);
    Described::Fields(vec![
        ("len", Described::Unsigned(header.length.into())),
        (
            "type",
            Described::Enum {
                name: protocol.type_name(header.message_type),
                value: header.message_type.into(),
            },
        ),
        (
            "flags",
            Described::Flags {
                names,
                value: header.flags.bits().into(),
                unknown: unknown.into(),
            },
        ),
        ("seq", Described::Unsigned(header.sequence_number.into())),
        ("pid", Described::Unsigned(header.port_id.into())),
    ])
}

/// The names of the attributes along `chain` (attribute numbers from the
/// outermost), looked up in the described request `attrs`.
fn chain_names(attrs: &Described, chain: &[(u16, usize)]) -> String {
    let mut names = Vec::new();
    let mut level = Some(attrs);
    for (kind, _) in chain {
        let attr = level.and_then(|l| l.attr(*kind));
        names.push(match attr.and_then(|a| a.name) {
            Some(name) => name.to_owned(),
            None => format!("attr {kind}"),
        });
        level = attr.map(|a| &a.value);
    }
    names.join(".")
}

/// Rewrites the description of an rtnetlink error or ACK with the
/// request's names (see the module documentation).
pub(super) fn enrich(
    payload: &NetlinkPayload<RouteNetlinkMessage>,
    described: &mut DescribedMessage,
) {
    let (NetlinkPayload::Error(error) | NetlinkPayload::Ack(error)) = payload else {
        return;
    };
    let Some((_, Described::Fields(fields))) = &mut described.payload.fixed else {
        return;
    };
    for (name, value) in fields.iter_mut() {
        match *name {
            "request" => *value = request_header(Protocol::Route, &error.request_header),
            "request_payload" => {
                if let Some(request) = echoed_request(error) {
                    *value = request;
                }
            }
            _ => {}
        }
    }
    if let Some(path) = offending_attribute(error) {
        fields.push(("offending_attribute", Described::Text(path)));
    }
}

/// The echoed request payload, decoded as its message type.
fn echoed_request(error: &ErrorMessage) -> Option<Described> {
    if error.request_payload.is_empty() {
        return None;
    }
    let request =
        RouteNetlinkMessage::deserialize(&error.request_header, &error.request_payload).ok()?;
    let described = request.describe();
    let (name, fixed) = described.fixed?;
    Some(Described::Fields(vec![
        (name, fixed),
        ("attributes", described.body),
    ]))
}

/// The attribute path the extended ACK's offset points at in the echoed
/// request (`IFLA_LINKINFO.IFLA_INFO_KIND`), when the request was echoed.
fn offending_attribute(error: &ErrorMessage) -> Option<String> {
    let offset = usize::try_from(error.ext_offset()?).ok()?;
    if error.request_payload.is_empty() {
        return None;
    }
    let (header_len, _) = netlink_packet_route::message_layout(error.request_header.message_type)?;
    let mut request = error.request_header.to_bytes().to_vec();
    request.extend_from_slice(&error.request_payload);
    let chain = attribute_chain_at(&request, NetlinkHeader::LEN + header_len, offset);
    if chain.is_empty() {
        return None;
    }
    let described = RouteNetlinkMessage::deserialize(&error.request_header, &error.request_payload)
        .ok()?
        .describe();
    Some(chain_names(&described.body, &chain))
}
