//! `address add` / `replace`: iproute2's words into an [`AddressAdd`].

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_route::address::AddressFlags;
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::Scope;
use rtnetlink::address::{AddressAdd, Lifetime};

use crate::{names, CliError, Context, Words};

/// `AF_INET` or `AF_INET6` by `ip`'s family.
pub(super) fn family_of(ip: IpAddr) -> u8 {
    if ip.is_ipv4() {
        AF_INET
    } else {
        AF_INET6
    }
}

fn invalid(words: &Words, keyword: &str, value: &str, what: &str) -> CliError {
    CliError::usage(format!(
        "{}: invalid value \"{value}\" for \"{keyword}\": expected {what}",
        words.command()
    ))
}

/// `ADDR[/LEN]`: the address, the length (32 or 128 when not given) and
/// whether a length was given.
pub(super) fn prefix(
    words: &Words,
    keyword: &str,
    value: &str,
) -> Result<(IpAddr, u8, bool), CliError> {
    let bad = || invalid(words, keyword, value, "an address or ADDR/LEN");
    let (addr, len) = match value.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (value, None),
    };
    let ip: IpAddr = addr.parse().map_err(|_| bad())?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    match len {
        Some(len) => {
            let len = len
                .parse::<u8>()
                .ok()
                .filter(|l| *l <= max)
                .ok_or_else(bad)?;
            Ok((ip, len, true))
        }
        None => Ok((ip, max, false)),
    }
}

/// A scope by name or number.
pub(super) fn scope(words: &mut Words, keyword: &str) -> Result<Scope, CliError> {
    let value = words.value(keyword)?;
    names::scope_number(&value).ok_or_else(|| {
        invalid(
            words,
            keyword,
            &value,
            "a scope (global, site, link, host or a number)",
        )
    })
}

/// `SECS` or `forever`.
fn lifetime(words: &mut Words, keyword: &str) -> Result<Lifetime, CliError> {
    let value = words.value(keyword)?;
    if value == "forever" {
        return Ok(Lifetime::Forever);
    }
    let seconds = value.strip_suffix("sec").unwrap_or(&value);
    seconds
        .parse::<u32>()
        .ok()
        .filter(|s| *s != u32::MAX)
        .map(Lifetime::Seconds)
        .ok_or_else(|| invalid(words, keyword, &value, "seconds or \"forever\""))
}

/// The broadcast address of `ip/len` with all host bits set (`brd +`)
/// or cleared (`brd -`).
fn broadcast_of(ip: Ipv4Addr, len: u8, set: bool) -> Ipv4Addr {
    let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
    let net = u32::from(ip) & mask;
    Ipv4Addr::from(if set { net | !mask } else { net })
}

/// `address add` and `address replace`.
pub(super) fn add(ctx: &mut Context, mut words: Words, replace: bool) -> Result<(), CliError> {
    let mut local = None;
    let mut peer = None;
    let mut dev = None;
    let mut label = None;
    let mut broadcast: Option<String> = None;
    let mut scope_value = None;
    let mut valid = None;
    let mut preferred = None;
    let mut metric = None;
    let mut flags = AddressFlags::default();
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "local" => {
                let value = words.value(&word)?;
                local = Some(prefix(&words, &word, &value)?);
            }
            "peer" | "remote" => {
                let value = words.value(&word)?;
                peer = Some(prefix(&words, &word, &value)?);
            }
            "dev" => dev = Some(words.value(&word)?),
            "label" => label = Some(words.value(&word)?),
            "broadcast" | "brd" => broadcast = Some(words.value(&word)?),
            "scope" => scope_value = Some(scope(&mut words, &word)?),
            "valid_lft" => valid = Some(lifetime(&mut words, &word)?),
            "preferred_lft" => preferred = Some(lifetime(&mut words, &word)?),
            "metric" | "priority" => metric = Some(words.parse::<u32>(&word, "a number")?),
            "noprefixroute" => flags |= AddressFlags::NOPREFIXROUTE,
            "nodad" => flags |= AddressFlags::NODAD,
            "optimistic" => flags |= AddressFlags::OPTIMISTIC,
            "home" => flags |= AddressFlags::HOMEADDRESS,
            "mngtmpaddr" => flags |= AddressFlags::MANAGETEMPADDR,
            "autojoin" => flags |= AddressFlags::MCAUTOJOIN,
            _ if local.is_none() => local = Some(prefix(&words, "local", &word)?),
            _ => return Err(words.unknown(&word)),
        }
    }
    let (ip, mut len, _) = local.ok_or_else(|| words.missing("the address (PREFIX)"))?;
    let name = dev.ok_or_else(|| words.missing("dev NAME"))?;
    if let Some((peer_ip, _, _)) = peer {
        if peer_ip.is_ipv4() != ip.is_ipv4() {
            return Err(invalid(
                &words,
                "peer",
                &peer_ip.to_string(),
                "an address of the local address's family",
            ));
        }
    }
    let index = ctx.link_index(&name)?;
    let mut add = AddressAdd::new(index, ip, len);
    if let Some((peer_ip, peer_len, _)) = peer {
        len = peer_len;
        add = AddressAdd::new(index, ip, len).peer(peer_ip);
    }
    if replace {
        add = add.replace();
    }
    if let Some(value) = broadcast {
        let IpAddr::V4(v4) = ip else {
            return Err(invalid(
                &words,
                "broadcast",
                &value,
                "nothing: IPv6 has no broadcast",
            ));
        };
        let brd = match value.as_str() {
            "+" if len < 31 => Some(broadcast_of(v4, len, true)),
            "-" if len < 31 => Some(broadcast_of(v4, len, false)),
            "+" | "-" => None,
            other => Some(
                other
                    .parse::<Ipv4Addr>()
                    .map_err(|_| invalid(&words, "broadcast", other, "an IPv4 address, + or -"))?,
            ),
        };
        if let Some(brd) = brd {
            add = add.broadcast(brd);
        }
    }
    if let Some(label) = label {
        if !label.starts_with(&name) {
            return Err(CliError::usage(format!(
                "{}: label \"{label}\" must begin with the device name \"{name}\"",
                words.command()
            )));
        }
        add = add.label(label);
    }
    if let Some(scope) = scope_value {
        add = add.scope(scope);
    } else if ip.is_loopback() {
        // `ip` gives loopback addresses host scope.
        add = add.scope(Scope::Host);
    } else if let IpAddr::V6(v6) = ip {
        if v6.segments()[0] & 0xffc0 == 0xfe80 {
            add = add.scope(Scope::Link);
        }
    }
    if valid.is_some() || preferred.is_some() {
        add = add.lifetimes(
            valid.unwrap_or(Lifetime::Forever),
            preferred.unwrap_or(Lifetime::Forever),
        );
    }
    if let Some(metric) = metric {
        add = add.metric(metric);
    }
    if flags != AddressFlags::default() {
        add = add.flags(flags);
    }
    ctx.change(&words.line(), add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcast_plus_and_minus() {
        let ip = Ipv4Addr::new(192, 0, 2, 77);
        assert_eq!(broadcast_of(ip, 24, true), Ipv4Addr::new(192, 0, 2, 255));
        assert_eq!(broadcast_of(ip, 24, false), Ipv4Addr::new(192, 0, 2, 0));
        assert_eq!(broadcast_of(ip, 0, true), Ipv4Addr::BROADCAST);
    }
}
