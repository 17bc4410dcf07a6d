//! Addresses as `ip -j address` prints them: each link's object with an
//! `addr_info` list.

use netlink_packet_route::address::{AddressAttr, AddressFlags, AddressMessage};
use netlink_packet_route::family::AF_INET6;
use netlink_packet_route::link::LinkMessage;
use serde_json::{json, Map, Value};

use super::{local_of, scope_text};
use crate::link::Known;
use crate::{names, Context};

/// The flag keys `ip -j` prints (each `true`), in its order. `dynamic`
/// stands for `IFA_F_PERMANENT` being clear; `secondary` is `temporary`
/// for IPv6.
pub(super) fn flag_words(address: &AddressMessage) -> Vec<&'static str> {
    let flags = address.flags();
    let mut words = Vec::new();
    for (flag, name) in AddressFlags::ALL {
        let set = flags.contains(*flag);
        match *flag {
            AddressFlags::SECONDARY if set => words.push(if address.header.family == AF_INET6 {
                "temporary"
            } else {
                "secondary"
            }),
            AddressFlags::PERMANENT if !set => words.push("dynamic"),
            AddressFlags::PERMANENT | AddressFlags::SECONDARY => {}
            _ if set => words.push(name),
            _ => {}
        }
    }
    words
}

/// One entry of `addr_info`.
pub(super) fn addr_info(address: &AddressMessage) -> Value {
    let mut o = Map::new();
    o.insert(
        "family".into(),
        json!(names::family_name(address.header.family)),
    );
    let local = local_of(address);
    if let Some(local) = local {
        o.insert("local".into(), json!(local.to_string()));
    }
    let peer = address.attrs.iter().find_map(|a| match a {
        AddressAttr::Address(ip) => Some(*ip),
        _ => None,
    });
    if let Some(peer) = peer.filter(|p| Some(*p) != local) {
        o.insert("address".into(), json!(peer.to_string()));
    }
    o.insert("prefixlen".into(), json!(address.header.prefix_len));
    let mut cacheinfo = None;
    let mut protocol = None;
    for attr in &address.attrs {
        match attr {
            AddressAttr::RtPriority(metric) => {
                o.insert("metric".into(), json!(metric));
            }
            AddressAttr::Broadcast(ip) => {
                o.insert("broadcast".into(), json!(ip.to_string()));
            }
            AddressAttr::Anycast(ip) => {
                o.insert("anycast".into(), json!(ip.to_string()));
            }
            AddressAttr::CacheInfo(info) => cacheinfo = Some(info.clone()),
            AddressAttr::Proto(p) => protocol = Some(*p),
            _ => {}
        }
    }
    o.insert("scope".into(), json!(scope_text(address.header.scope)));
    for word in flag_words(address) {
        o.insert(word.into(), Value::Bool(true));
    }
    if let Some(label) = address.label() {
        o.insert("label".into(), json!(label));
    }
    if let Some(p) = protocol.filter(|p| u8::from(*p) != 0) {
        o.insert("protocol".into(), json!(p.to_string()));
    }
    if let Some(info) = cacheinfo {
        o.insert("valid_life_time".into(), json!(info.valid));
        o.insert("preferred_life_time".into(), json!(info.preferred));
    }
    Value::Object(o)
}

/// A link's `ip -j address show` object: the link as `ip -j link show`
/// prints it (with `-d` / `-s` as set) and its `addr_info`.
pub(super) fn link_with_addresses(
    ctx: &Context,
    link: &LinkMessage,
    known: &Known,
    addresses: &[AddressMessage],
) -> Value {
    let mut value = crate::link::render_json(ctx, link, known);
    let info: Vec<Value> = addresses.iter().map(addr_info).collect();
    if let Value::Object(o) = &mut value {
        // `ip` puts `addr_info` before the statistics.
        let stats = o.remove("stats64");
        o.insert("addr_info".into(), Value::Array(info));
        if let Some(stats) = stats {
            o.insert("stats64".into(), stats);
        }
    }
    value
}

/// One address as an object of its own (for `monitor`): the link's index
/// and name, and the `addr_info` entry's keys.
pub(crate) fn to_json(ctx: &mut Context, m: &AddressMessage) -> Value {
    let mut o = Map::new();
    o.insert("ifindex".into(), json!(m.header.index));
    if let Some(name) = ctx.link_name(m.header.index) {
        o.insert("ifname".into(), json!(name));
    }
    if let Value::Object(info) = addr_info(m) {
        o.extend(info);
    }
    Value::Object(o)
}
