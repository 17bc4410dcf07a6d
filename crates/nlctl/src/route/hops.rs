//! The parts of `route add` that take several words: an encapsulation
//! (`encap ip|ip6|seg6 ...`) and a next hop (`nexthop via ... dev ...`).

use std::net::{IpAddr, Ipv6Addr};

use netlink_packet_core::nla::Be64;
use netlink_packet_route::route::{EncapValue, Ip6EncapAttr, IpEncapAttr, Seg6Mode};
use rtnetlink::route::{MultipathHop, RouteAdd};

use super::args::{address, invalid, number};
use crate::context::Family;
use crate::{names, CliError, Context, Words};

/// `encap ip|ip6|seg6 ...`, the words up to the first it does not take.
pub(super) fn encap(words: &mut Words, family: Family) -> Result<EncapValue, CliError> {
    let kind = words.value("encap")?;
    match kind.as_str() {
        "ip" | "ip6" => {
            let v6 = kind == "ip6";
            let (mut v4, mut v6attrs) = (Vec::new(), Vec::new());
            loop {
                match words.peek() {
                    Some("id") => {
                        words.next();
                        let value = words.value("id")?;
                        let id = value
                            .parse::<u64>()
                            .map_err(|_| invalid(words, "id", &value, "a number"))?;
                        v4.push(IpEncapAttr::Id(Be64(id)));
                        v6attrs.push(Ip6EncapAttr::Id(Be64(id)));
                    }
                    Some(word @ ("dst" | "src")) => {
                        let word = word.to_owned();
                        words.next();
                        let ip = address(words, &word)?;
                        match (ip, v6) {
                            (IpAddr::V4(a), false) => v4.push(if word == "dst" {
                                IpEncapAttr::Dst(a)
                            } else {
                                IpEncapAttr::Src(a)
                            }),
                            (IpAddr::V6(a), true) => v6attrs.push(if word == "dst" {
                                Ip6EncapAttr::Dst(a)
                            } else {
                                Ip6EncapAttr::Src(a)
                            }),
                            _ => {
                                return Err(invalid(
                                    words,
                                    &word,
                                    &ip.to_string(),
                                    "an address of the encapsulation's family",
                                ))
                            }
                        }
                    }
                    Some(word @ ("ttl" | "hoplimit" | "tos" | "tc")) => {
                        let word = word.to_owned();
                        words.next();
                        let n = number(words, &word)?;
                        let n = u8::try_from(n)
                            .map_err(|_| invalid(words, &word, &n.to_string(), "0 to 255"))?;
                        match word.as_str() {
                            "ttl" | "hoplimit" => {
                                v4.push(IpEncapAttr::Ttl(n));
                                v6attrs.push(Ip6EncapAttr::HopLimit(n));
                            }
                            _ => {
                                v4.push(IpEncapAttr::Tos(n));
                                v6attrs.push(Ip6EncapAttr::Tc(n));
                            }
                        }
                    }
                    _ => break,
                }
            }
            Ok(if v6 {
                EncapValue::Ip6(v6attrs)
            } else {
                EncapValue::Ip(v4)
            })
        }
        "seg6" => {
            let mut mode = Seg6Mode::Encap;
            let mut segments: Vec<Ipv6Addr> = Vec::new();
            loop {
                match words.peek() {
                    Some("mode") => {
                        words.next();
                        let value = words.value("mode")?;
                        mode = (0..=4)
                            .map(Seg6Mode::from)
                            .find(|m| m.name() == Some(value.as_str()))
                            .ok_or_else(|| {
                                invalid(words, "mode", &value, "encap, inline or l2encap")
                            })?;
                    }
                    Some("segs") => {
                        words.next();
                        let value = words.value("segs")?;
                        segments = value
                            .split(',')
                            .map(str::parse)
                            .collect::<Result<_, _>>()
                            .map_err(|_| {
                                invalid(words, "segs", &value, "IPv6 addresses, comma separated")
                            })?;
                    }
                    _ => break,
                }
            }
            if segments.is_empty() {
                return Err(words.missing("segs for encap seg6"));
            }
            let _ = family;
            let route = RouteAdd::default_v6().encap_seg6(mode, &segments);
            route
                .message()
                .ok()
                .and_then(|m| m.encap())
                .and_then(Result::ok)
                .ok_or_else(|| {
                    CliError::usage(format!("{}: encap seg6 cannot be built", words.command()))
                })
        }
        other => Err(invalid(words, "encap", other, "ip, ip6 or seg6")),
    }
}

/// `nexthop via ADDR dev NAME weight N onlink encap ...`: one hop, up to
/// the next `nexthop` or a word it does not take.
/// `dst_v4`: whether the route is IPv4, when known; a hop's gateway of
/// the other family is then a via. The result tells the family of the
/// hop's gateway, if it has one (`default` routes take it).
pub(super) fn hop(
    ctx: &mut Context,
    words: &mut Words,
    dst_v4: Option<bool>,
    family: Family,
) -> Result<(MultipathHop, Option<bool>), CliError> {
    let mut gateway_v4 = None;
    let mut hop = MultipathHop::new();
    let mut any = false;
    loop {
        match words.peek() {
            Some("via") => {
                words.next();
                let mut family_word = None;
                if let Some(f) = words.peek().and_then(names::family_number) {
                    family_word = Some(f);
                    words.next();
                }
                let ip = address(words, "via")?;
                let route_v4 = dst_v4.or(match family {
                    Family::V4 => Some(true),
                    Family::V6 => Some(false),
                    Family::Any => None,
                });
                let other = match route_v4 {
                    Some(v4) => v4 != ip.is_ipv4(),
                    // `default nexthop via inet6 ADDR`: an IPv4 route.
                    None => family_word.is_some_and(|f| f == 10),
                };
                hop = if other {
                    hop.via(ip)
                } else {
                    gateway_v4 = Some(ip.is_ipv4());
                    hop.gateway(ip)
                };
                any = true;
            }
            Some("dev") => {
                words.next();
                let name = words.value("dev")?;
                hop = hop.dev(ctx.link_index(&name)?);
                any = true;
            }
            Some("weight") => {
                words.next();
                let value = words.value("weight")?;
                let weight = value
                    .parse::<u16>()
                    .ok()
                    .filter(|w| (1..=256).contains(w))
                    .ok_or_else(|| invalid(words, "weight", &value, "1 to 256"))?;
                hop = hop.weight(weight);
            }
            Some("onlink") => {
                words.next();
                hop = hop.onlink();
            }
            Some("encap") => {
                words.next();
                hop = hop.encap(encap(words, family)?);
            }
            _ => break,
        }
    }
    if !any {
        return Err(words.missing("via ADDR or dev NAME after nexthop"));
    }
    Ok((hop, gateway_v4))
}
