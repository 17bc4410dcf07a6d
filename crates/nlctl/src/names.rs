//! The names iproute2 prints for numbers that several objects share:
//! protocols, scopes, route types, tables, families. One place, so that
//! `route`, `address`, `rule`, `nexthop` and `monitor` print them alike.
//!
//! Tables and protocols come from `/etc/iproute2` (with `ip`'s built-in
//! defaults), read once by [`crate::rule::names`]; they are re-exported
//! here so that every object asks one module.

#![allow(dead_code)]

use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::route::RouteType;
use netlink_packet_route::Scope;

#[allow(unused_imports)]
pub(crate) use crate::rule::names::{
    parse_u32, protocol_name, protocol_number, table_id, table_name,
};

/// `RT_TABLE_MAIN`.
pub(crate) const TABLE_MAIN: u32 = 254;
/// `RT_TABLE_LOCAL`.
pub(crate) const TABLE_LOCAL: u32 = 255;

/// A scope's name as `ip` prints it (`global`, `site`, `link`, `host`,
/// `nowhere`), or its number.
pub(crate) fn scope_name(scope: Scope) -> String {
    scope
        .name()
        .map_or_else(|| u8::from(scope).to_string(), str::to_owned)
}

/// A scope given by name (`global`/`universe`, `site`, `link`, `host`,
/// `nowhere`) or number.
pub(crate) fn scope_number(name: &str) -> Option<Scope> {
    Some(match name {
        "global" | "universe" => Scope::Universe,
        "site" => Scope::Site,
        "link" => Scope::Link,
        "host" => Scope::Host,
        "nowhere" => Scope::Nowhere,
        other => Scope::from(u8::try_from(parse_u32(other)?).ok()?),
    })
}

/// A route type's name (`unicast`, `local`, `blackhole`, ...), or its
/// number.
pub(crate) fn route_type_name(kind: RouteType) -> String {
    kind.name()
        .map_or_else(|| u8::from(kind).to_string(), str::to_owned)
}

/// A route type given by name. Only the names: a bare number would be
/// taken for a destination.
pub(crate) fn route_type_number(name: &str) -> Option<RouteType> {
    (0..=11u8)
        .map(RouteType::from)
        .find(|k| k.name() == Some(name))
}

/// An address family's name as `ip -j` prints it (`inet`, `inet6`,
/// `mpls`, `bridge`, `link`), or its number.
pub(crate) fn family_name(family: u8) -> String {
    match family {
        AF_INET => "inet".into(),
        AF_INET6 => "inet6".into(),
        0 => "unspec".into(),
        7 => "bridge".into(),
        17 => "link".into(),
        28 => "mpls".into(),
        other => other.to_string(),
    }
}

/// An address family given by name (`inet`, `inet6`, `ipv4`, `ipv6`).
pub(crate) fn family_number(name: &str) -> Option<u8> {
    match name {
        "inet" | "ipv4" | "4" => Some(AF_INET),
        "inet6" | "ipv6" | "6" => Some(AF_INET6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_both_ways() {
        assert_eq!(scope_name(Scope::Universe), "global");
        assert_eq!(scope_name(Scope::from(17)), "17");
        assert_eq!(scope_number("link"), Some(Scope::Link));
        assert_eq!(scope_number("200"), Some(Scope::Site));
        assert_eq!(route_type_name(RouteType::Blackhole), "blackhole");
        assert_eq!(route_type_number("prohibit"), Some(RouteType::Prohibit));
        assert_eq!(route_type_number("10.0.0.0/8"), None);
        assert_eq!(family_name(AF_INET6), "inet6");
        assert_eq!(table_name(TABLE_MAIN), "main");
        assert_eq!(protocol_name(2), "kernel");
    }
}
