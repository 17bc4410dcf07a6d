//! `nlctl address`: IPv4 and IPv6 addresses, with `ip address`'s words
//! and its JSON (`addr_info` under each link).

mod args;
mod json;
mod text;

use std::collections::HashMap;
use std::net::IpAddr;

use clap::Subcommand;
use netlink_packet_route::address::{AddressAttr, AddressHeader, AddressMessage};
use netlink_packet_route::link::{IfFlags, LinkMessage};
use netlink_packet_route::Scope;
use rtnetlink::address::{AddressDel, AddressFlush, AddressGet};
use rtnetlink::link::LinkGet;

use crate::cli::Words as Args;
use crate::context::Family;
use crate::error::kernel;
use crate::link::Known;
use crate::{names, CliError, Context, Words};

pub(crate) use json::to_json;
pub(crate) use text::to_text;

/// The verbs of `nlctl address`.
#[derive(Debug, Clone, Subcommand)]
pub enum Verb {
    /// List links with their addresses (the default verb): [dev NAME] [scope SCOPE] [label PATTERN] [up]. SCOPE is global, site, link, host or a number; PATTERN may use * and ?. -4 / -6 keep one family; links without a matching address are then left out.
    #[command(visible_aliases = ["list", "ls", "lst", "sh"])]
    Show(Args),
    /// Add an address: PREFIX dev NAME [peer PREFIX] [broadcast ADDR|+|-] [label NAME] [scope SCOPE] [valid_lft SECS|forever] [preferred_lft SECS|forever] [metric N] [noprefixroute] [nodad] [optimistic] [home] [mngtmpaddr] [autojoin]. PREFIX is ADDR/LEN (a bare address is /32 or /128); with peer, LEN applies to the peer. A label must begin with the device name.
    Add(Args),
    /// Add an address or change an existing one's lifetimes, flags, label and broadcast (same words as add).
    #[command(visible_aliases = ["change"])]
    Replace(Args),
    /// Delete an address: PREFIX dev NAME [peer PREFIX] [label NAME].
    #[command(visible_aliases = ["delete", "d"])]
    Del(Args),
    /// Delete every address of a device: dev NAME [scope SCOPE] [label PATTERN]; -4 / -6 keep one family.
    #[command(visible_aliases = ["f"])]
    Flush(Args),
}

crate::cli::verb_words!(Show, Add, Replace, Del, Flush);

/// Runs `nlctl address VERB WORDS` (`show` when no verb is given).
pub fn run(ctx: &mut Context, verb: Option<Verb>) -> Result<(), CliError> {
    match verb {
        None => show(ctx, Words::new("address show", Vec::new())),
        Some(Verb::Show(a)) => show(ctx, Words::new("address show", a.words)),
        Some(Verb::Add(a)) => args::add(ctx, Words::new("address add", a.words), false),
        Some(Verb::Replace(a)) => args::add(ctx, Words::new("address replace", a.words), true),
        Some(Verb::Del(a)) => del(ctx, Words::new("address del", a.words)),
        Some(Verb::Flush(a)) => flush(ctx, Words::new("address flush", a.words)),
    }
}

/// What `show` and `flush` keep.
#[derive(Debug, Default)]
struct Filter {
    dev: Option<u32>,
    scope: Option<Scope>,
    label: Option<String>,
    up: bool,
}

impl Filter {
    fn parse(ctx: &mut Context, words: &mut Words) -> Result<Self, CliError> {
        let mut filter = Filter::default();
        while let Some(word) = words.next().map(str::to_owned) {
            match word.as_str() {
                "dev" => {
                    let name = words.value(&word)?;
                    filter.dev = Some(ctx.link_index(&name)?);
                }
                "scope" => filter.scope = Some(args::scope(words, &word)?),
                "label" => filter.label = Some(words.value(&word)?),
                "up" => filter.up = true,
                _ if filter.dev.is_none() && !word.contains(['/', ':', '.']) => {
                    // `ip address show v0`: a bare word is the device.
                    filter.dev = Some(ctx.link_index(&word)?);
                }
                _ => return Err(words.unknown(&word)),
            }
        }
        Ok(filter)
    }

    /// The dump request (family, link and scope filtered).
    fn dump(&self, family: Family) -> AddressGet {
        let mut get = AddressGet::dump().family(family.af());
        if let Some(index) = self.dev {
            get = get.link(index);
        }
        if let Some(scope) = self.scope {
            get = get.scope(scope);
        }
        get
    }

    fn keeps(&self, address: &AddressMessage) -> bool {
        match &self.label {
            None => true,
            Some(pattern) => address.label().is_some_and(|l| glob(pattern, l)),
        }
    }

    /// Whether a filter on the addresses themselves is set: links without
    /// a matching address are then not listed.
    fn selects_addresses(&self, family: Family) -> bool {
        family != Family::Any || self.scope.is_some() || self.label.is_some()
    }
}

/// Shell-style matching with `*` and `?`, as `ip address show label`.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn show(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let filter = Filter::parse(ctx, &mut words)?;
    ctx.out.listing();
    let line = words.line();
    // Printing a link names others (`@peer`, `master`): known once for
    // the whole listing.
    let (links, known): (Vec<LinkMessage>, Known) = match filter.dev {
        Some(index) => (
            vec![ctx.execute(&line, LinkGet::by_index(index))?],
            Known::dump(ctx),
        ),
        None => {
            let links = ctx.execute(&line, LinkGet::dump())?;
            let known = Known::from_links(&links);
            (links, known)
        }
    };
    let addresses = ctx.execute(&line, filter.dump(ctx.options.family))?;
    let mut by_link: HashMap<u32, Vec<AddressMessage>> = HashMap::new();
    for address in addresses.into_iter().filter(|a| filter.keeps(a)) {
        by_link
            .entry(address.header.index)
            .or_default()
            .push(address);
    }
    let selects = filter.selects_addresses(ctx.options.family);
    for link in &links {
        if filter.up && !link.header.flags.contains(IfFlags::UP) {
            continue;
        }
        let index = u32::try_from(link.header.index).unwrap_or(0);
        let mine = by_link.remove(&index).unwrap_or_default();
        if selects && mine.is_empty() {
            continue;
        }
        if ctx.out.is_json() {
            let value = json::link_with_addresses(ctx, link, &known, &mine);
            ctx.out.object(value);
        } else {
            let text = text::link_with_addresses(ctx, link, &known, &mine);
            ctx.out.text(&text);
        }
    }
    Ok(())
}

/// `PREFIX dev NAME [peer PREFIX] [label NAME]`.
fn del(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let mut prefix = None;
    let mut peer = None;
    let mut dev = None;
    let mut label = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "dev" => dev = Some(words.value(&word)?),
            "peer" | "remote" => {
                let value = words.value(&word)?;
                peer = Some(args::prefix(&words, &word, &value)?);
            }
            "label" => label = Some(words.value(&word)?),
            "local" => {
                let value = words.value(&word)?;
                prefix = Some(args::prefix(&words, &word, &value)?);
            }
            _ if prefix.is_none() => prefix = Some(args::prefix(&words, "local", &word)?),
            _ => return Err(words.unknown(&word)),
        }
    }
    let (ip, mut len, given) = prefix.ok_or_else(|| words.missing("the address"))?;
    let name = dev.ok_or_else(|| words.missing("dev NAME"))?;
    let index = ctx.link_index(&name)?;
    let mut attrs = vec![AddressAttr::Local(ip)];
    match peer {
        Some((peer, peer_len, _)) => {
            attrs.push(AddressAttr::Address(peer));
            len = peer_len;
        }
        None => attrs.push(AddressAttr::Address(ip)),
    }
    if let Some(label) = label {
        attrs.push(AddressAttr::Label(label.into()));
    }
    let _ = given;
    let header = AddressHeader {
        family: args::family_of(ip),
        prefix_len: len,
        index,
        ..Default::default()
    };
    let message = AddressMessage::new(header, attrs);
    ctx.change(&words.line(), AddressDel::message(&message))
}

/// `dev NAME [scope S] [label PATTERN]`: dumps, then deletes in batches
/// until nothing is left (secondaries may be promoted meanwhile).
fn flush(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    if words.is_done() {
        return Err(words.missing("a selector (dev NAME)"));
    }
    let filter = Filter::parse(ctx, &mut words)?;
    let line = words.line();
    let get = filter.dump(ctx.options.family);
    ctx.flush()?;
    if filter.label.is_none() {
        AddressFlush::new(get)
            .run_blocking(&mut ctx.handle)
            .map_err(|e| kernel(&line, e))?;
        return Ok(());
    }
    // A label is matched here, not by the kernel: one round of deletes.
    let addresses: Vec<AddressMessage> = ctx
        .execute(&line, get)?
        .into_iter()
        .filter(|a| filter.keeps(a))
        .collect();
    let results = ctx
        .handle
        .execute_batch(AddressFlush::deletes(&addresses))
        .map_err(|e| kernel(&line, e))?;
    for result in results {
        match result {
            Ok(()) | Err(rtnetlink::Error::NotFound { .. }) => {}
            Err(e) if e.errno() == Some(99) => {}
            Err(e) => return Err(kernel(&line, e)),
        }
    }
    Ok(())
}

/// The `IpAddr` of an address message (`IFA_LOCAL`, else `IFA_ADDRESS`).
fn local_of(address: &AddressMessage) -> Option<IpAddr> {
    address.address()
}

/// The scope's name for text and JSON.
fn scope_text(scope: Scope) -> String {
    names::scope_name(scope)
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn glob_matches_like_fnmatch() {
        assert!(glob("v0", "v0"));
        assert!(glob("v0:*", "v0:x"));
        assert!(glob("v?", "v1"));
        assert!(glob("*", ""));
        assert!(!glob("v0", "v0:1"));
        assert!(!glob("v?:*", "v1"));
    }
}
