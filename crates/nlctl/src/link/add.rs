//! `link add`: the name, the lower device, the kind and its own words,
//! and the words every link takes, read the way `ip link add` reads them.

use netlink_packet_route::link::info::{BondMode, IpVlanMode, MacVlanMode};
use rtnetlink::link::{LinkAdd, LinkSet, VlanProtocol, VxlanAdd};

use super::args::{ip, mac, number, on_off, parse_mask, pick, Common};
use crate::{CliError, Context, Words};

/// One vxlan word, applied once the builder exists (it needs the VNI,
/// which may come last).
type VxlanSetting = Box<dyn FnOnce(VxlanAdd) -> VxlanAdd>;

/// `link add`.
pub(super) fn add(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let line = words.line();
    let mut common = Common::default();
    let mut name = None;
    let mut parent = None;
    let mut kind: Option<String> = None;
    let mut kind_words = Vec::new();
    while let Some(word) = words.next().map(str::to_owned) {
        // vxlan's and geneve's `group` is a multicast address, not the
        // device group.
        let kind_group =
            word == "group" && matches!(kind.as_deref(), Some("vxlan") | Some("geneve"));
        if !kind_group && common.take(&word, &mut words)? {
            continue;
        }
        match word.as_str() {
            "name" | "dev" if name.is_none() => name = Some(words.value(&word)?),
            "link" if kind.is_none() => parent = Some(words.value("link")?),
            "type" if kind.is_none() => kind = Some(words.value("type")?),
            "peer" if kind.as_deref() == Some("veth") => {
                kind_words.push(word);
                while let Some(rest) = words.next() {
                    kind_words.push(rest.to_owned());
                }
            }
            _ if kind.is_some() => {
                // A kind word and, if it takes one, its value: the kind's
                // parser below decides; values never look like common words
                // that take none, so passing the next word along is safe.
                kind_words.push(word);
            }
            _ if name.is_none() => name = Some(word),
            _ => return Err(words.unknown(&word)),
        }
    }
    let name = name.ok_or_else(|| words.missing("the device name"))?;
    let kind = kind.ok_or_else(|| words.missing("\"type KIND\""))?;
    let parent = match parent {
        Some(dev) => Some(ctx.link_index(&dev)?),
        None => None,
    };
    let mut kw = Words::new(words.command(), kind_words);
    let add = build_kind(ctx, &mut kw, &name, &kind, parent, &mut common)?;
    // The kernel ignores IFLA_IFALIAS in a request that creates a link
    // (`ip link add ... alias X` silently drops it): set it just after.
    let alias = common.alias.take();
    let add = common.apply(ctx, add)?;
    ctx.change(&line, add)?;
    match alias {
        Some(alias) => ctx.change(&line, LinkSet::by_name(name).alias(alias)),
        None => Ok(()),
    }
}

fn need_parent(words: &Words, parent: Option<u32>, kind: &str) -> Result<u32, CliError> {
    parent.ok_or_else(|| words.missing(&format!("\"link DEV\" (the lower device of a {kind})")))
}

/// The builder for `kind`, with the kind's own words read from `w`.
fn build_kind(
    ctx: &mut Context,
    w: &mut Words,
    name: &str,
    kind: &str,
    parent: Option<u32>,
    common: &mut Common,
) -> Result<LinkAdd, CliError> {
    let add = match kind {
        "veth" => {
            let mut peer = None;
            let mut peer_mtu = None;
            let mut peer_address = None;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "peer" => {}
                    "name" | "dev" => peer = Some(w.value(&word)?),
                    "mtu" => peer_mtu = Some(number(w, "mtu")?),
                    "address" => peer_address = Some(mac(w, "address")?),
                    _ if peer.is_none() => peer = Some(word),
                    _ => return Err(w.unknown(&word)),
                }
            }
            let peer = peer.ok_or_else(|| w.missing("\"peer name NAME\""))?;
            let mut veth = LinkAdd::veth(name, peer);
            if let Some(mtu) = peer_mtu {
                veth = veth.peer_mtu(mtu);
            }
            if let Some(address) = peer_address {
                veth = veth.peer_address(address);
            }
            veth.into_link_add()
        }
        "bridge" => {
            let mut b = LinkAdd::bridge(name);
            while let Some(word) = w.next().map(str::to_owned) {
                b = match word.as_str() {
                    "stp_state" => b.stp(number::<u32>(w, &word)? != 0),
                    "forward_delay" => b.forward_delay(number(w, &word)?),
                    "hello_time" => b.hello_time(number(w, &word)?),
                    "max_age" => b.max_age(number(w, &word)?),
                    "ageing_time" => b.ageing_time(number(w, &word)?),
                    "priority" => b.priority(number(w, &word)?),
                    "vlan_filtering" => b.vlan_filtering(number::<u8>(w, &word)? != 0),
                    "vlan_default_pvid" => b.vlan_default_pvid(number(w, &word)?),
                    "vlan_protocol" => b.vlan_protocol(pick(
                        w,
                        &word,
                        &[("802.1Q", 0x8100), ("802.1q", 0x8100), ("802.1ad", 0x88a8)],
                    )?),
                    "mcast_snooping" => b.mcast_snooping(number::<u8>(w, &word)? != 0),
                    "mcast_querier" => b.mcast_querier(number::<u8>(w, &word)? != 0),
                    "group_fwd_mask" => b.group_fwd_mask(parse_mask(w, &word)?),
                    _ if common.take(&word, w)? => b,
                    _ => return Err(w.unknown(&word)),
                };
            }
            b.into_link_add()
        }
        "vxlan" => {
            let mut vni = None;
            let mut settings: Vec<VxlanSetting> = Vec::new();
            let mut dev = parent;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "id" | "vni" => vni = Some(number::<u32>(w, &word)?),
                    "dstport" => {
                        let port: u16 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.port(port)));
                    }
                    "srcport" | "port" => {
                        let low: u16 = number(w, &word)?;
                        let high: u16 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.port_range(low, high)));
                    }
                    "local" => {
                        let a = ip(w, &word)?;
                        settings.push(Box::new(move |v| v.local(a)));
                    }
                    "remote" | "group" => {
                        let a = ip(w, &word)?;
                        settings.push(Box::new(move |v| v.remote(a)));
                    }
                    "dev" => {
                        let d = w.value(&word)?;
                        dev = Some(ctx.link_index(&d)?);
                    }
                    "ttl" | "hoplimit" => {
                        let t: u8 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.ttl(t)));
                    }
                    "tos" => {
                        let t: u8 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.tos(t)));
                    }
                    "flowlabel" => {
                        let l: u32 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.flow_label(l)));
                    }
                    "ageing" => {
                        let a: u32 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.ageing(a)));
                    }
                    "maxaddress" => {
                        let a: u32 = number(w, &word)?;
                        settings.push(Box::new(move |v| v.limit(a)));
                    }
                    "learning" | "nolearning" => {
                        let on = word == "learning";
                        settings.push(Box::new(move |v| v.learning(on)));
                    }
                    "proxy" | "noproxy" => {
                        let on = word == "proxy";
                        settings.push(Box::new(move |v| v.proxy(on)));
                    }
                    "l2miss" | "nol2miss" => {
                        let on = word == "l2miss";
                        settings.push(Box::new(move |v| v.l2miss(on)));
                    }
                    "l3miss" | "nol3miss" => {
                        let on = word == "l3miss";
                        settings.push(Box::new(move |v| v.l3miss(on)));
                    }
                    "udpcsum" | "noudpcsum" => {
                        let on = word == "udpcsum";
                        settings.push(Box::new(move |v| v.udp_csum(on)));
                    }
                    "external" => settings.push(Box::new(|v| v.external())),
                    "gbp" => settings.push(Box::new(|v| v.gbp())),
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            let vni = vni.ok_or_else(|| w.missing("\"id VNI\""))?;
            let mut v = LinkAdd::vxlan(name, vni);
            if let Some(dev) = dev {
                v = v.dev(dev);
            }
            for setting in settings {
                v = setting(v);
            }
            v.into_link_add()
        }
        "macvlan" | "macvtap" => {
            let lower = need_parent(w, parent, kind)?;
            let mut mode = MacVlanMode::Vepa;
            let mut bcqueuelen = None;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "mode" => {
                        mode = pick(
                            w,
                            &word,
                            &[
                                ("private", MacVlanMode::Private),
                                ("vepa", MacVlanMode::Vepa),
                                ("bridge", MacVlanMode::Bridge),
                                ("passthru", MacVlanMode::Passthru),
                                ("source", MacVlanMode::Source),
                            ],
                        )?
                    }
                    "bcqueuelen" => bcqueuelen = Some(number::<u32>(w, &word)?),
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            let mut m = if kind == "macvtap" {
                LinkAdd::macvtap(name, lower, mode)
            } else {
                LinkAdd::macvlan(name, lower, mode)
            };
            if let Some(len) = bcqueuelen {
                m = m.bc_queue_len(len);
            }
            m.into_link_add()
        }
        "ipvlan" | "ipvtap" => {
            let lower = need_parent(w, parent, kind)?;
            let mut mode = IpVlanMode::L3;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "mode" => {
                        mode = pick(
                            w,
                            &word,
                            &[
                                ("l2", IpVlanMode::L2),
                                ("l3", IpVlanMode::L3),
                                ("l3s", IpVlanMode::L3s),
                            ],
                        )?
                    }
                    "bridge" => {}
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            if kind == "ipvtap" {
                LinkAdd::ipvtap(name, lower, mode).into_link_add()
            } else {
                LinkAdd::ipvlan(name, lower, mode).into_link_add()
            }
        }
        "vlan" => {
            let lower = need_parent(w, parent, kind)?;
            let mut id = None;
            let mut protocol = None;
            let mut flags: Vec<(&str, bool)> = Vec::new();
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "id" => id = Some(number::<u16>(w, &word)?),
                    "protocol" => {
                        protocol = Some(pick(
                            w,
                            &word,
                            &[
                                ("802.1Q", VlanProtocol::Ieee8021Q),
                                ("802.1q", VlanProtocol::Ieee8021Q),
                                ("802.1ad", VlanProtocol::Ieee8021Ad),
                            ],
                        )?)
                    }
                    "reorder_hdr" => flags.push(("reorder_hdr", on_off(w, &word)?)),
                    "gvrp" => flags.push(("gvrp", on_off(w, &word)?)),
                    "mvrp" => flags.push(("mvrp", on_off(w, &word)?)),
                    "loose_binding" => flags.push(("loose_binding", on_off(w, &word)?)),
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            let id = id.ok_or_else(|| w.missing("\"id VLANID\""))?;
            let mut v = LinkAdd::vlan(name, lower, id);
            if let Some(p) = protocol {
                v = v.protocol(p);
            }
            for (flag, on) in flags {
                v = match flag {
                    "reorder_hdr" => v.reorder_hdr(on),
                    "gvrp" => v.gvrp(on),
                    "mvrp" => v.mvrp(on),
                    _ => v.loose_binding(on),
                };
            }
            v.into_link_add()
        }
        "vrf" => {
            let mut table = None;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "table" => table = Some(number::<u32>(w, &word)?),
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            let table = table.ok_or_else(|| w.missing("\"table N\""))?;
            LinkAdd::vrf(name, table).into_link_add()
        }
        "bond" => {
            let mut b = LinkAdd::bond(name);
            while let Some(word) = w.next().map(str::to_owned) {
                b = match word.as_str() {
                    "mode" => b.mode(pick(
                        w,
                        &word,
                        &[
                            ("balance-rr", BondMode::RoundRobin),
                            ("active-backup", BondMode::ActiveBackup),
                            ("balance-xor", BondMode::Xor),
                            ("broadcast", BondMode::Broadcast),
                            ("802.3ad", BondMode::Ieee8023ad),
                            ("balance-tlb", BondMode::Tlb),
                            ("balance-alb", BondMode::Alb),
                            ("0", BondMode::RoundRobin),
                            ("1", BondMode::ActiveBackup),
                            ("2", BondMode::Xor),
                            ("3", BondMode::Broadcast),
                            ("4", BondMode::Ieee8023ad),
                            ("5", BondMode::Tlb),
                            ("6", BondMode::Alb),
                        ],
                    )?),
                    "miimon" => b.miimon(number(w, &word)?),
                    "updelay" => b.updelay(number(w, &word)?),
                    "downdelay" => b.downdelay(number(w, &word)?),
                    "min_links" => b.min_links(number(w, &word)?),
                    "arp_interval" => b.arp_interval(number(w, &word)?),
                    "lacp_rate" => b.lacp_rate_fast(pick(
                        w,
                        &word,
                        &[("slow", false), ("fast", true), ("0", false), ("1", true)],
                    )?),
                    _ if common.take(&word, w)? => b,
                    _ => return Err(w.unknown(&word)),
                };
            }
            b.into_link_add()
        }
        "gre" | "gretap" | "ip6gre" | "ip6gretap" => {
            let mut g = match kind {
                "gre" => LinkAdd::gre(name),
                "gretap" => LinkAdd::gretap(name),
                "ip6gre" => LinkAdd::ip6gre(name),
                _ => LinkAdd::ip6gretap(name),
            };
            if let Some(p) = parent {
                g = g.dev(p);
            }
            while let Some(word) = w.next().map(str::to_owned) {
                g = match word.as_str() {
                    "local" => g.local(ip(w, &word)?),
                    "remote" => g.remote(ip(w, &word)?),
                    "ttl" | "hoplimit" => g.ttl(number(w, &word)?),
                    "tos" => g.tos(number(w, &word)?),
                    "key" => g.key(number(w, &word)?),
                    "ikey" => g.ikey(number(w, &word)?),
                    "okey" => g.okey(number(w, &word)?),
                    "pmtudisc" => g.pmtudisc(true),
                    "nopmtudisc" => g.pmtudisc(false),
                    "encaplimit" => g.encap_limit(number(w, &word)?),
                    "dev" => {
                        let d = w.value(&word)?;
                        g.dev(ctx.link_index(&d)?)
                    }
                    _ if common.take(&word, w)? => g,
                    _ => return Err(w.unknown(&word)),
                };
            }
            g.into_link_add()
        }
        "ipip" | "sit" | "ip6tnl" => {
            let mut t = match kind {
                "ipip" => LinkAdd::ipip(name),
                "sit" => LinkAdd::sit(name),
                _ => LinkAdd::ip6tnl(name),
            };
            if let Some(p) = parent {
                t = t.dev(p);
            }
            while let Some(word) = w.next().map(str::to_owned) {
                t = match word.as_str() {
                    "local" => t.local(ip(w, &word)?),
                    "remote" => t.remote(ip(w, &word)?),
                    "ttl" | "hoplimit" => t.ttl(number(w, &word)?),
                    "tos" => t.tos(number(w, &word)?),
                    "pmtudisc" => t.pmtudisc(true),
                    "nopmtudisc" => t.pmtudisc(false),
                    "encaplimit" => t.encap_limit(number(w, &word)?),
                    "dev" => {
                        let d = w.value(&word)?;
                        t.dev(ctx.link_index(&d)?)
                    }
                    _ if common.take(&word, w)? => t,
                    _ => return Err(w.unknown(&word)),
                };
            }
            t.into_link_add()
        }
        "geneve" => {
            let mut vni = None;
            let mut remote = None;
            let mut port = None;
            let mut ttl = None;
            let mut tos = None;
            while let Some(word) = w.next().map(str::to_owned) {
                match word.as_str() {
                    "id" | "vni" => vni = Some(number::<u32>(w, &word)?),
                    "remote" => remote = Some(ip(w, &word)?),
                    "dstport" => port = Some(number::<u16>(w, &word)?),
                    "ttl" => ttl = Some(number::<u8>(w, &word)?),
                    "tos" => tos = Some(number::<u8>(w, &word)?),
                    _ if common.take(&word, w)? => {}
                    _ => return Err(w.unknown(&word)),
                }
            }
            let vni = vni.ok_or_else(|| w.missing("\"id VNI\""))?;
            let mut g = LinkAdd::geneve(name, vni);
            if let Some(r) = remote {
                g = g.remote(r);
            }
            if let Some(p) = port {
                g = g.port(p);
            }
            if let Some(t) = ttl {
                g = g.ttl(t);
            }
            if let Some(t) = tos {
                g = g.tos(t);
            }
            g.into_link_add()
        }
        _ => {
            // Kinds without settings: dummy, ifb, wireguard, nlmon, ...
            if let Some(word) = w.peek().map(str::to_owned) {
                return Err(w.unknown(&word));
            }
            if parent.is_some() {
                return Err(CliError::usage(format!(
                    "{}: \"link DEV\" is not taken by kind \"{kind}\"",
                    w.command()
                )));
            }
            LinkAdd::new(name, kind)
        }
    };
    Ok(add)
}
