//! Addresses as `ip address` prints them.

use std::fmt::Write;

use netlink_packet_route::address::{AddressAttr, AddressMessage};
use netlink_packet_route::family::AF_INET6;
use netlink_packet_route::link::LinkMessage;

use super::json::flag_words;
use super::{local_of, scope_text};
use crate::link::Known;
use crate::output::Paint;
use crate::Context;

fn lifetime(seconds: u32) -> String {
    if seconds == u32::MAX {
        "forever".into()
    } else {
        format!("{seconds}sec")
    }
}

/// The two lines of one address (`    inet ...` and its lifetimes), each
/// ending in a newline; `paint` colors the address as `ip -c` does.
pub(super) fn address_lines(
    address: &AddressMessage,
    paint: &dyn Fn(Paint, &str) -> String,
) -> String {
    let mut s = String::new();
    let v6 = address.header.family == AF_INET6;
    let (word, color) = if v6 {
        ("inet6", Paint::Inet6)
    } else {
        ("inet", Paint::Inet)
    };
    let local = local_of(address)
        .map(|ip| ip.to_string())
        .unwrap_or_default();
    let peer = address.attrs.iter().find_map(|a| match a {
        AddressAttr::Address(ip) => Some(ip.to_string()),
        _ => None,
    });
    let len = address.header.prefix_len;
    let _ = write!(s, "    {word} ");
    match peer.filter(|p| *p != local) {
        Some(peer) => {
            let _ = write!(s, "{} peer {peer}/{len}", paint(color, &local));
        }
        None => {
            let _ = write!(s, "{}", paint(color, &format!("{local}/{len}")));
        }
    }
    let mut cacheinfo = None;
    for attr in &address.attrs {
        match attr {
            AddressAttr::RtPriority(metric) => {
                let _ = write!(s, " metric {metric}");
            }
            AddressAttr::Broadcast(ip) => {
                let _ = write!(s, " brd {ip}");
            }
            AddressAttr::Anycast(ip) => {
                let _ = write!(s, " any {ip}");
            }
            AddressAttr::CacheInfo(info) => cacheinfo = Some(info.clone()),
            _ => {}
        }
    }
    let _ = write!(s, " scope {}", scope_text(address.header.scope));
    for flag in flag_words(address) {
        let _ = write!(s, " {flag}");
    }
    if let Some(label) = address.label() {
        let _ = write!(s, " {label}");
    }
    s.push('\n');
    if let Some(info) = cacheinfo {
        let _ = writeln!(
            s,
            "       valid_lft {} preferred_lft {}",
            lifetime(info.valid),
            lifetime(info.preferred)
        );
    }
    s
}

/// A link's `ip address show` block: the link's lines, then each address.
pub(super) fn link_with_addresses(
    ctx: &Context,
    link: &LinkMessage,
    known: &Known,
    addresses: &[AddressMessage],
) -> String {
    let mut s = crate::link::render_text(ctx, link, known);
    let out = &ctx.out;
    let paint = |p: Paint, t: &str| out.paint(p, t);
    for address in addresses {
        s.push_str(&address_lines(address, &paint));
    }
    s
}

/// One address as `ip monitor address` prints it: `INDEX: NAME    inet
/// ...` and its lifetimes line.
pub(crate) fn to_text(ctx: &mut Context, m: &AddressMessage) -> String {
    let name = ctx
        .link_name(m.header.index)
        .unwrap_or_else(|| format!("if{}", m.header.index));
    let out = &ctx.out;
    let paint = |p: Paint, t: &str| out.paint(p, t);
    let lines = address_lines(m, &paint);
    format!("{}: {name}{}", m.header.index, lines.trim_end_matches('\n'))
}
