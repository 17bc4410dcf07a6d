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
use rtnetlink::link::{LinkDel, LinkGet};
use serde_json::Value;

use crate::cli::Words as Args;
use crate::{CliError, Context, Words};

/// The verbs of `nlctl link`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List links (the default verb): [dev] [NAME] [up] [master NAME] [type KIND] [group N].
    /// With -d, the kind and its settings; with -s (twice: more), counters.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Create a link: [name] NAME [link DEV] type KIND [KIND OPTIONS] [mtu N] [address MAC]
    /// [txqueuelen N] [master DEV] [alias TEXT] [group N] [up]. Kinds: veth (peer name NAME),
    /// bridge (stp_state, forward_delay, hello_time, max_age, ageing_time, priority,
    /// vlan_filtering, mcast_snooping, ...), vxlan (id N dstport P local IP remote IP dev DEV ...),
    /// macvlan and macvtap (mode private|vepa|bridge|passthru|source), ipvlan and ipvtap
    /// (mode l2|l3|l3s), vlan (id N), bond (mode NAME miimon N ...), vrf (table N), gre,
    /// gretap, ip6gre, ipip, sit, ip6tnl (local IP remote IP ttl N ...), geneve (id N remote IP),
    /// and any kind without settings (dummy, ifb, wireguard, ...).
    Add(Args),
    /// Delete a link: [dev] NAME.
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Change a link: [dev] NAME followed by any of up|down, mtu N, name NEW, address MAC,
    /// master DEV, nomaster, netns NAME|PID, alias TEXT, txqueuelen N, group N, arp on|off,
    /// promisc on|off, allmulticast on|off.
    Set(Args),
}

/// Runs `nlctl link VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("link show", Vec::new())),
        Some(Verb::Show(a)) => show(ctx, Words::new("link show", a.words)),
        Some(Verb::Add(a)) => add::add(ctx, Words::new("link add", a.words)),
        Some(Verb::Del(a)) => del(ctx, Words::new("link del", a.words)),
        Some(Verb::Set(a)) => args::set(ctx, Words::new("link set", a.words)),
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
    fn from_links(links: &[LinkMessage]) -> Self {
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

    #[allow(dead_code)]
    /// From a fresh dump (empty if it fails: names then print as indexes).
    fn dump(ctx: &mut Context) -> Self {
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

// `to_json`, `to_text` and `Known::dump` are for `monitor`, written
// separately.
/// One link as `ip -j link show` prints it (with `-d` / `-s` as set in
/// `ctx.options`), for `monitor`.
#[allow(dead_code)]
pub(crate) fn to_json(ctx: &mut Context, link: &LinkMessage) -> Value {
    let known = Known::dump(ctx);
    json::link_json(link, &known, &ctx.options)
}

/// One link as `ip link show` prints it (lines end with a newline), for
/// `monitor`.
#[allow(dead_code)]
pub(crate) fn to_text(ctx: &mut Context, link: &LinkMessage) -> String {
    let known = Known::dump(ctx);
    text::link_text(link, &known, &ctx.options, &ctx.out)
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
    if let Some(dev) = &filter.dev {
        ctx.link_index(dev)?;
    }
    ctx.out.listing();
    let links = ctx.execute(&command, LinkGet::dump())?;
    let known = Known::from_links(&links);
    for link in &links {
        if let Some(dev) = &filter.dev {
            if link.name() != Some(dev.as_str()) {
                continue;
            }
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
