//! Messages described as named trees (for `nlctl decode` and JSON): the
//! names of message types and of their fixed headers, and the nests whose
//! meaning depends on something outside them (`IFLA_AF_SPEC` and
//! `IFLA_PROTINFO` on the header's family, `RTA_ENCAP` on
//! `RTA_ENCAP_TYPE`), described here with that context.

use netlink_packet_core::nla::DescribedAttr;

use crate::link::{LinkAttr, LinkMessage};
use crate::nexthop::{NexthopAttr, NexthopMessage};
use crate::route::{EncapType, RouteAttr, RouteEncap, RouteMessage};

/// The C structure that starts the payload of message type
/// `message_type` (linux/rtnetlink.h and the headers it names), for the
/// types [`crate::RouteNetlinkMessage`] decodes.
pub(crate) fn header_struct_name(message_type: u16) -> &'static str {
    match message_type {
        16..=19 | 108..=110 => "ifinfomsg",
        20..=23 | 58 | 62 => "ifaddrmsg",
        24..=27 => "rtmsg",
        28..=31 => "ndmsg",
        32..=35 => "fib_rule_hdr",
        52 => "prefixmsg",
        64..=67 => "ndtmsg",
        72..=75 => "ifaddrlblmsg",
        80..=82 => "netconfmsg",
        84..=86 => "br_port_msg",
        88..=90 => "rtgenmsg",
        92..=95 => "if_stats_msg",
        104..=106 | 116..=118 => "nhmsg",
        112..=114 => "br_vlan_msg",
        120..=122 => "tunnel_msg",
        _ => "header",
    }
}

/// Names of the rtnetlink message types this crate keeps as bytes
/// (linux/rtnetlink.h): traffic control, DCB, ND user options, cache
/// reports, chains.
pub(crate) fn undecoded_type_name(message_type: u16) -> Option<&'static str> {
    Some(match message_type {
        36 => "RTM_NEWQDISC",
        37 => "RTM_DELQDISC",
        38 => "RTM_GETQDISC",
        40 => "RTM_NEWTCLASS",
        41 => "RTM_DELTCLASS",
        42 => "RTM_GETTCLASS",
        44 => "RTM_NEWTFILTER",
        45 => "RTM_DELTFILTER",
        46 => "RTM_GETTFILTER",
        48 => "RTM_NEWACTION",
        49 => "RTM_DELACTION",
        50 => "RTM_GETACTION",
        68 => "RTM_NEWNDUSEROPT",
        78 => "RTM_GETDCB",
        79 => "RTM_SETDCB",
        96 => "RTM_NEWCACHEREPORT",
        100 => "RTM_NEWCHAIN",
        101 => "RTM_DELCHAIN",
        102 => "RTM_GETCHAIN",
        _ => return None,
    })
}

/// Describes a link message's family-dependent nests with its family.
pub(crate) fn link_context(message: &LinkMessage, described: &mut [DescribedAttr]) {
    let family = message.header.family;
    for (attr, out) in message.attrs.iter().zip(described.iter_mut()) {
        match attr {
            LinkAttr::AfSpec(spec) => out.value = spec.describe_for(family),
            LinkAttr::ProtInfo(info) => out.value = info.describe_for(family),
            _ => {}
        }
    }
}

/// Describes a route message's `RTA_ENCAP` with its `RTA_ENCAP_TYPE`.
pub(crate) fn route_context(message: &RouteMessage, described: &mut [DescribedAttr]) {
    let Some(kind) = message.attrs.iter().find_map(|a| match a {
        RouteAttr::EncapType(kind) => Some(*kind),
        _ => None,
    }) else {
        return;
    };
    for (attr, out) in message.attrs.iter().zip(described.iter_mut()) {
        if let RouteAttr::Encap(encap) = attr {
            out.value = encap.describe_for(kind);
        }
    }
}

/// Describes a nexthop message's `NHA_ENCAP` with its `NHA_ENCAP_TYPE`
/// (with the route module's sets, as `RTA_ENCAP`).
pub(crate) fn nexthop_context(message: &NexthopMessage, described: &mut [DescribedAttr]) {
    let Some(kind) = message.attrs.iter().find_map(|a| match a {
        NexthopAttr::EncapType(kind) => Some(EncapType::from(*kind)),
        _ => None,
    }) else {
        return;
    };
    for (attr, out) in message.attrs.iter().zip(described.iter_mut()) {
        if let NexthopAttr::Encap(opaque) = attr {
            let encap = RouteEncap {
                bytes: opaque.bytes.clone(),
                flagged: opaque.flags & netlink_packet_core::nla::NLA_F_NESTED != 0,
            };
            out.value = encap.describe_for(kind);
        }
    }
}

/// Message types whose payload needs no context to be described.
pub(crate) fn no_context<T>(_: &T, _: &mut [DescribedAttr]) {}
