//! Names iproute2 reads from `/etc/iproute2` (tables, protocols, realms,
//! groups, DS fields) and `/etc/protocols`, with the built-in defaults
//! `ip` falls back on when a file is missing. Used by `rule`, `nexthop`
//! and `neighbour`; `crate::names` re-exports the shared ones (tables,
//! protocols) for the other objects.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One `NUMBER NAME` file (numbers decimal or `0x` hex), plus the
/// `*.conf` files of `DIR.d` when `with_dir` is set.
fn load(file: &str, with_dir: bool, defaults: &[(u32, &str)]) -> Vec<(u32, String)> {
    let mut entries: Vec<(u32, String)> = defaults
        .iter()
        .map(|&(n, name)| (n, name.to_owned()))
        .collect();
    let mut texts = Vec::new();
    if let Ok(text) = std::fs::read_to_string(file) {
        texts.push(text);
    }
    if with_dir {
        if let Ok(dir) = std::fs::read_dir(format!("{file}.d")) {
            let mut paths: Vec<_> = dir
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "conf"))
                .collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
    }
    for text in texts {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut fields = line.split_whitespace();
            let (Some(number), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            if let Some(number) = parse_u32(number) {
                entries.retain(|(n, _)| *n != number);
                entries.push((number, name.to_owned()));
            }
        }
    }
    entries
}

/// A decimal or `0x` hexadecimal number.
pub(crate) fn parse_u32(text: &str) -> Option<u32> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

struct Table {
    entries: Vec<(u32, String)>,
}

impl Table {
    fn name(&self, number: u32) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| *n == number)
            .map(|(_, name)| name.as_str())
    }

    fn number(&self, name: &str) -> Option<u32> {
        self.entries
            .iter()
            .find(|(_, n)| n == name)
            .map(|(number, _)| *number)
            .or_else(|| parse_u32(name))
    }
}

fn tables() -> &'static Table {
    static TABLES: OnceLock<Table> = OnceLock::new();
    TABLES.get_or_init(|| Table {
        entries: load(
            "/etc/iproute2/rt_tables",
            true,
            &[
                (0, "unspec"),
                (253, "default"),
                (254, "main"),
                (255, "local"),
            ],
        ),
    })
}

fn protocols() -> &'static Table {
    static PROTOCOLS: OnceLock<Table> = OnceLock::new();
    PROTOCOLS.get_or_init(|| Table {
        entries: load(
            "/etc/iproute2/rt_protos",
            true,
            &[
                (0, "unspec"),
                (1, "redirect"),
                (2, "kernel"),
                (3, "boot"),
                (4, "static"),
                (8, "gated"),
                (9, "ra"),
                (10, "mrt"),
                (11, "zebra"),
                (12, "bird"),
                (13, "dnrouted"),
                (14, "xorp"),
                (15, "ntk"),
                (16, "dhcp"),
                (18, "keepalived"),
                (42, "babel"),
                (99, "openr"),
                (186, "bgp"),
                (187, "isis"),
                (188, "ospf"),
                (189, "rip"),
                (192, "eigrp"),
            ],
        ),
    })
}

fn realms() -> &'static Table {
    static REALMS: OnceLock<Table> = OnceLock::new();
    REALMS.get_or_init(|| Table {
        entries: load("/etc/iproute2/rt_realms", false, &[(0, "cosmos")]),
    })
}

fn groups() -> &'static Table {
    static GROUPS: OnceLock<Table> = OnceLock::new();
    GROUPS.get_or_init(|| Table {
        entries: load("/etc/iproute2/group", false, &[(0, "default")]),
    })
}

fn dsfields() -> &'static Table {
    static DSFIELDS: OnceLock<Table> = OnceLock::new();
    DSFIELDS.get_or_init(|| Table {
        entries: load("/etc/iproute2/rt_dsfield", false, &[]),
    })
}

/// A routing table's name (`main`, `local`, ...) or its number.
pub(crate) fn table_name(id: u32) -> String {
    tables()
        .name(id)
        .map_or_else(|| id.to_string(), str::to_owned)
}

/// A routing table given by name or number.
pub(crate) fn table_id(name: &str) -> Option<u32> {
    tables().number(name)
}

/// A route protocol's name (`kernel`, `static`, ...) or its number.
pub(crate) fn protocol_name(protocol: u8) -> String {
    protocols()
        .name(u32::from(protocol))
        .map_or_else(|| protocol.to_string(), str::to_owned)
}

/// A route protocol given by name or number.
pub(crate) fn protocol_number(name: &str) -> Option<u8> {
    protocols().number(name).and_then(|n| u8::try_from(n).ok())
}

/// A realm's name or number.
pub(crate) fn realm_name(realm: u32) -> String {
    realms()
        .name(realm)
        .map_or_else(|| realm.to_string(), str::to_owned)
}

/// A realm given by name or number.
pub(crate) fn realm_number(name: &str) -> Option<u32> {
    realms().number(name)
}

/// A device group's name or number.
pub(crate) fn group_name(group: u32) -> String {
    groups()
        .name(group)
        .map_or_else(|| group.to_string(), str::to_owned)
}

/// A device group given by name or number.
pub(crate) fn group_number(name: &str) -> Option<u32> {
    groups().number(name)
}

/// A DS field (TOS) value's name, or `0xNN`.
pub(crate) fn dsfield_name(tos: u8) -> String {
    dsfields()
        .name(u32::from(tos))
        .map_or_else(|| format!("0x{tos:02x}"), str::to_owned)
}

/// A DS field given by name or number.
pub(crate) fn dsfield_number(name: &str) -> Option<u8> {
    dsfields().number(name).and_then(|n| u8::try_from(n).ok())
}

/// IP protocols by number, from `/etc/protocols` (with a few built in).
fn ip_protocols() -> &'static HashMap<u8, String> {
    static IP_PROTOCOLS: OnceLock<HashMap<u8, String>> = OnceLock::new();
    IP_PROTOCOLS.get_or_init(|| {
        let mut map: HashMap<u8, String> = [
            (1, "icmp"),
            (6, "tcp"),
            (17, "udp"),
            (47, "gre"),
            (50, "esp"),
            (51, "ah"),
            (58, "ipv6-icmp"),
            (132, "sctp"),
            (136, "udplite"),
        ]
        .into_iter()
        .map(|(n, name)| (n, name.to_owned()))
        .collect();
        if let Ok(text) = std::fs::read_to_string("/etc/protocols") {
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("");
                let mut fields = line.split_whitespace();
                if let (Some(name), Some(number)) = (fields.next(), fields.next()) {
                    if let Ok(number) = number.parse::<u8>() {
                        map.entry(number).or_insert_with(|| name.to_owned());
                    }
                }
            }
        }
        map
    })
}

/// An IP protocol's name (`tcp`), or `ipproto-N` as `ip` prints it.
pub(crate) fn ip_protocol_name(protocol: u8) -> String {
    ip_protocols()
        .get(&protocol)
        .cloned()
        .unwrap_or_else(|| format!("ipproto-{protocol}"))
}

/// An IP protocol given by name (`tcp`, `ipproto-N`) or number.
pub(crate) fn ip_protocol_number(name: &str) -> Option<u8> {
    if let Some(n) = name.strip_prefix("ipproto-") {
        return n.parse().ok();
    }
    name.parse().ok().or_else(|| {
        ip_protocols()
            .iter()
            .find(|(_, n)| n.as_str() == name)
            .map(|(number, _)| *number)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_names() {
        assert_eq!(table_name(254), "main");
        assert_eq!(table_id("local"), Some(255));
        assert_eq!(table_id("300"), Some(300));
        assert_eq!(protocol_name(4), "static");
        assert_eq!(protocol_number("kernel"), Some(2));
        assert_eq!(ip_protocol_name(6), "tcp");
        assert_eq!(ip_protocol_name(250), "ipproto-250");
        assert_eq!(ip_protocol_number("udp"), Some(17));
        assert_eq!(dsfield_name(0x10), "0x10");
        assert_eq!(parse_u32("0xff"), Some(255));
    }
}
