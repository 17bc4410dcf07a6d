//! `nlctl link`: network devices: list them (as `ip link show` and
//! `ip -j link show` print them), create them of many kinds, change and
//! delete them.

mod add;
mod args;
mod json;
mod kinds;
mod text;

use std::collections::HashMap;

use clap::Subcommand;
use netlink_packet_route::link::{IfFlags, LinkMessage};
use rtnetlink::link::{LinkAltName, LinkDel, LinkGet};
use serde_json::Value;

use crate::cli::Words as Args;
use crate::{CliError, Context, Words};

/// The verbs of `nlctl link`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List links: [dev] [NAME] [up] [master DEV] [type KIND] [group N].
    ///
    /// The default verb. Words: `dev NAME` or a bare NAME (one link), `up`
    /// (links that are up), `master DEV` (ports of DEV), `type KIND` (links
    /// of that kind; `KIND_slave` for ports of a master of that kind),
    /// `group N` (`default` is 0). With -d, also the kind and its settings,
    /// queue counts and offload sizes; with -s, counters (-s -s: error
    /// counters too). With -j, the JSON of `ip -j link show`.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Create a link: [name] NAME [link DEV] type KIND [KIND WORDS] [COMMON WORDS].
    ///
    /// Common words: `mtu N`, `address MAC`, `txqueuelen N`, `master DEV`,
    /// `alias TEXT`, `group N`, `up`. Kinds and their words:
    /// `veth peer [name] NAME [mtu N] [address MAC]`;
    /// `bridge [stp_state 0|1] [forward_delay N] [hello_time N] [max_age N]
    /// [ageing_time N] [priority N] [vlan_filtering 0|1] [vlan_protocol
    /// 802.1Q|802.1ad] [vlan_default_pvid N] [mcast_snooping 0|1]
    /// [mcast_querier 0|1] [group_fwd_mask MASK]`;
    /// `vxlan id VNI [dstport PORT] [srcport LOW HIGH] [local IP] [remote|group
    /// IP] [dev DEV] [ttl N] [tos N] [flowlabel N] [ageing N] [maxaddress N]
    /// [[no]learning] [[no]proxy] [[no]l2miss] [[no]l3miss] [[no]udpcsum]
    /// [external] [gbp]`;
    /// `macvlan|macvtap` (with `link DEV`) `[mode
    /// private|vepa|bridge|passthru|source] [bcqueuelen N]`;
    /// `ipvlan|ipvtap` (with `link DEV`) `[mode l2|l3|l3s]`;
    /// `vlan` (with `link DEV`) `id N [protocol 802.1Q|802.1ad] [reorder_hdr
    /// on|off] [gvrp on|off] [mvrp on|off] [loose_binding on|off]`;
    /// `bond [mode balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb]
    /// [miimon N] [updelay N] [downdelay N] [min_links N] [arp_interval N]
    /// [lacp_rate slow|fast]`;
    /// `vrf table N`;
    /// `gre|gretap|ip6gre|ip6gretap [local IP] [remote IP] [ttl N] [tos N]
    /// [key N] [ikey N] [okey N] [[no]pmtudisc] [encaplimit N] [dev DEV]`;
    /// `ipip|sit|ip6tnl [local IP] [remote IP] [ttl N] [tos N] [[no]pmtudisc]
    /// [encaplimit N] [dev DEV]`;
    /// `geneve id VNI [remote IP] [dstport PORT] [ttl N] [tos N]`;
    /// and kinds without settings: `dummy`, `ifb`, `wireguard`, ....
    /// A kind this kernel lacks is refused by it ("Unknown device type").
    Add(Args),
    /// Delete a link: [dev] NAME.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Change a link: [dev] NAME CHANGES...
    ///
    /// Any number of: `up`, `down`, `mtu N`, `name NEW`, `address MAC`,
    /// `master DEV`, `nomaster`, `netns NAME|PID`, `alias TEXT`,
    /// `txqueuelen N`, `group N`, `arp on|off`, `promisc on|off`,
    /// `allmulticast on|off`, `carrier on|off`, `protodown on|off`; all sent
    /// in one request.
    Set(Args),
    /// Add or delete alternative names: add|del dev NAME altname NAME
    /// [altname NAME]... (all in one request).
    Property(Args),
}

crate::cli::verb_words!(Show, Add, Del, Set, Property);

/// Runs `nlctl link VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("link show", Vec::new())),
        Some(Verb::Show(a)) => show(ctx, Words::new("link show", a.words)),
        Some(Verb::Add(a)) => add::add(ctx, Words::new("link add", a.words)),
        Some(Verb::Del(a)) => del(ctx, Words::new("link del", a.words)),
        Some(Verb::Set(a)) => args::set(ctx, Words::new("link set", a.words)),
        Some(Verb::Property(a)) => property(ctx, Words::new("link property", a.words)),
    }
}

/// Names and flags of the links, by index: what printing one link needs
/// to know about the others (`@peer`, `master NAME`, `M-DOWN`).
#[derive(Debug, Default)]
pub(crate) struct Known {
    links: HashMap<u32, (String, IfFlags)>,
}

impl Known {
    /// From a dump.
    pub(crate) fn from_links(links: &[LinkMessage]) -> Self {
        Known {
            links: links
                .iter()
                .filter_map(|l| {
                    let index = u32::try_from(l.header.index).ok()?;
                    Some((index, (l.name()?.to_owned(), l.header.flags)))
                })
                .collect(),
        }
    }

    /// From a fresh dump (empty if it fails: names then print as indexes).
    pub(crate) fn dump(ctx: &mut Context) -> Self {
        match ctx.execute("link show", LinkGet::dump()) {
            Ok(links) => Self::from_links(&links),
            Err(_) => Known::default(),
        }
    }

    /// The name of link `index`.
    fn name(&self, index: u32) -> Option<&str> {
        self.links.get(&index).map(|(name, _)| name.as_str())
    }

    /// Whether link `index` is known and up.
    fn is_up(&self, index: u32) -> bool {
        self.links
            .get(&index)
            .is_some_and(|(_, flags)| flags.contains(IfFlags::UP))
    }
}

/// One link as `ip -j link show` prints it (with `-d` / `-s` as set in
/// `ctx.options`), for `monitor`: the other links' names come from a
/// fresh dump.
pub(crate) fn to_json(ctx: &mut Context, link: &LinkMessage) -> Value {
    let known = Known::dump(ctx);
    render_json(ctx, link, &known)
}

/// One link as `ip link show` prints it (lines end with a newline), for
/// `monitor`.
pub(crate) fn to_text(ctx: &mut Context, link: &LinkMessage) -> String {
    let known = Known::dump(ctx);
    render_text(ctx, link, &known)
}

/// One link as `ip -j link show` prints it, the others known already:
/// for listings of many links (`address show`), which look them up once.
pub(crate) fn render_json(ctx: &Context, link: &LinkMessage, known: &Known) -> Value {
    json::link_json(link, known, &ctx.options)
}

/// One link as `ip link show` prints it, the others known already.
pub(crate) fn render_text(ctx: &Context, link: &LinkMessage, known: &Known) -> String {
    text::link_text(link, known, &ctx.options, &ctx.out)
}

/// What `link show` keeps.
#[derive(Debug, Default)]
struct Filter {
    dev: Option<String>,
    up: bool,
    master: Option<u32>,
    kind: Option<String>,
    group: Option<u32>,
}

impl Filter {
    fn keeps(&self, link: &LinkMessage) -> bool {
        if self.up && !link.header.flags.contains(IfFlags::UP) {
            return false;
        }
        if let Some(master) = self.master {
            let has = link.attrs.iter().any(
                |a| matches!(a, netlink_packet_route::link::LinkAttr::Master(m) if *m == master),
            );
            if !has {
                return false;
            }
        }
        if let Some(kind) = &self.kind {
            let matches = match kind.strip_suffix("_slave") {
                Some(master_kind) => {
                    link.link_info().and_then(|i| i.slave_kind()) == Some(master_kind)
                }
                None => link.kind() == Some(kind.as_str()),
            };
            if !matches {
                return false;
            }
        }
        if let Some(group) = self.group {
            let g = link.attrs.iter().find_map(|a| match a {
                netlink_packet_route::link::LinkAttr::Group(g) => Some(*g),
                _ => None,
            });
            if g.unwrap_or(0) != group {
                return false;
            }
        }
        true
    }
}

/// Parses a group: a number or `default`.
pub(super) fn parse_group(words: &mut Words, keyword: &str) -> Result<u32, CliError> {
    if words.peek() == Some("default") {
        words.next();
        return Ok(0);
    }
    words.parse(keyword, "a group number or \"default\"")
}

fn show(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let mut filter = Filter::default();
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "dev" => filter.dev = Some(words.value("dev")?),
            "up" => filter.up = true,
            "master" => {
                let name = words.value("master")?;
                filter.master = Some(ctx.link_index(&name)?);
            }
            "type" => filter.kind = Some(words.value("type")?),
            "group" => filter.group = Some(parse_group(&mut words, "group")?),
            _ if filter.dev.is_none() && !word.starts_with('-') => filter.dev = Some(word),
            _ => return Err(words.unknown(&word)),
        }
    }
    let command = words.line();
    // By index: the kernel resolves alternative names too.
    let dev = match &filter.dev {
        Some(dev) => Some(i64::from(ctx.link_index(dev)?)),
        None => None,
    };
    ctx.out.listing();
    let links = ctx.execute(&command, LinkGet::dump())?;
    let known = Known::from_links(&links);
    for link in &links {
        if dev.is_some_and(|index| i64::from(link.header.index) != index) {
            continue;
        }
        if !filter.keeps(link) {
            continue;
        }
        if ctx.out.is_json() {
            let value = json::link_json(link, &known, &ctx.options);
            ctx.out.object(value);
        } else {
            let text = text::link_text(link, &known, &ctx.options, &ctx.out);
            ctx.out.text(&text);
        }
    }
    Ok(())
}

fn del(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let mut name = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "dev" if name.is_none() => name = Some(words.value("dev")?),
            _ if name.is_none() => name = Some(word),
            _ => return Err(words.unknown(&word)),
        }
    }
    let name = name.ok_or_else(|| words.missing("the device name"))?;
    let index = ctx.link_index(&name)?;
    let command = words.line();
    ctx.change(&command, LinkDel::index(index))
}

/// `add|del dev NAME altname NAME...`.
fn property(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let add = match words.next().map(str::to_owned) {
        Some(verb) if verb == "add" => true,
        Some(verb) if verb == "del" || verb == "delete" => false,
        Some(other) => return Err(words.unknown(&other)),
        None => return Err(words.missing("add or del")),
    };
    let mut dev = None;
    let mut names = Vec::new();
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "dev" => dev = Some(words.value(&word)?),
            "altname" => names.push(words.value(&word)?),
            _ => return Err(words.unknown(&word)),
        }
    }
    let dev = dev.ok_or_else(|| words.missing("dev NAME"))?;
    if names.is_empty() {
        return Err(words.missing("altname NAME"));
    }
    let index = ctx.link_index(&dev)?;
    let request = names.into_iter().fold(
        if add {
            LinkAltName::add(index)
        } else {
            LinkAltName::del(index)
        },
        LinkAltName::name,
    );
    let command = words.line();
    ctx.change(&command, request.build())
}
