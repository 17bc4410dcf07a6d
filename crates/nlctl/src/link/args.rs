//! Reading `ip link`'s words: values (numbers, addresses, on/off, names
//! from a list), the words every link takes, and `link set`.

use std::net::IpAddr;

use rtnetlink::link::{LinkAdd, LinkSet, NetnsTarget};

use super::parse_group;
use crate::error::kernel;
use crate::{CliError, Context, Words};

/// Parses `on` / `off` after `keyword`.
pub(super) fn on_off(words: &mut Words, keyword: &str) -> Result<bool, CliError> {
    match words.value(keyword)?.as_str() {
        "on" | "1" => Ok(true),
        "off" | "0" => Ok(false),
        other => Err(CliError::usage(format!(
            "{}: invalid value \"{other}\" for \"{keyword}\": expected on or off",
            words.command()
        ))),
    }
}

/// Parses a link-layer address (`02:00:00:00:00:01`) after `keyword`.
pub(super) fn mac(words: &mut Words, keyword: &str) -> Result<Vec<u8>, CliError> {
    let value = words.value(keyword)?;
    let bytes: Option<Vec<u8>> = value
        .split(':')
        .map(|part| {
            if part.is_empty() || part.len() > 2 {
                None
            } else {
                u8::from_str_radix(part, 16).ok()
            }
        })
        .collect();
    bytes.ok_or_else(|| {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"{keyword}\": expected a link-layer address such as 02:00:00:00:00:01",
            words.command()
        ))
    })
}

/// A name among the ones a value enum declares, as a usage error
/// naming `keyword` if it is none of them.
pub(super) fn pick<T: Copy>(
    words: &mut Words,
    keyword: &str,
    choices: &[(&str, T)],
) -> Result<T, CliError> {
    let value = words.value(keyword)?;
    choices
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            CliError::usage(format!(
                "{}: invalid value \"{value}\" for \"{keyword}\": expected one of {}",
                words.command(),
                names.join(", ")
            ))
        })
}

pub(super) fn number<T: std::str::FromStr>(
    words: &mut Words,
    keyword: &str,
) -> Result<T, CliError> {
    words.parse(keyword, "a number")
}

pub(super) fn ip(words: &mut Words, keyword: &str) -> Result<IpAddr, CliError> {
    words.parse(keyword, "an IP address")
}

/// The words every kind takes.
#[derive(Debug, Default)]
pub(super) struct Common {
    pub(super) mtu: Option<u32>,
    pub(super) address: Option<Vec<u8>>,
    pub(super) txqueuelen: Option<u32>,
    pub(super) master: Option<String>,
    pub(super) alias: Option<String>,
    pub(super) group: Option<u32>,
    pub(super) up: bool,
}

impl Common {
    /// Consumes `word` (already taken) and its value if it is a common
    /// word; `false` if it is not.
    pub(super) fn take(&mut self, word: &str, words: &mut Words) -> Result<bool, CliError> {
        match word {
            "mtu" => self.mtu = Some(number(words, word)?),
            "address" | "addr" => self.address = Some(mac(words, word)?),
            "txqueuelen" | "txqlen" | "qlen" => self.txqueuelen = Some(number(words, word)?),
            "master" => self.master = Some(words.value(word)?),
            "alias" => self.alias = Some(words.value(word)?),
            "group" => self.group = Some(parse_group(words, word)?),
            "up" => self.up = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub(super) fn apply(self, ctx: &mut Context, mut add: LinkAdd) -> Result<LinkAdd, CliError> {
        if let Some(mtu) = self.mtu {
            add = add.mtu(mtu);
        }
        if let Some(address) = self.address {
            add = add.address(address);
        }
        if let Some(len) = self.txqueuelen {
            add = add.txqueuelen(len);
        }
        if let Some(master) = self.master {
            add = add.master(ctx.link_index(&master)?);
        }
        if let Some(group) = self.group {
            add = add.group(group);
        }
        if self.up {
            add = add.up();
        }
        Ok(add)
    }
}

/// A mask given in decimal or `0x` hex.
pub(super) fn parse_mask(words: &mut Words, keyword: &str) -> Result<u16, CliError> {
    let value = words.value(keyword)?;
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u16::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    };
    parsed.ok_or_else(|| {
        CliError::usage(format!(
            "{}: invalid value \"{value}\" for \"{keyword}\": expected a number",
            words.command()
        ))
    })
}

/// `link set`.
pub(super) fn set(ctx: &mut Context, mut words: Words) -> Result<(), CliError> {
    let line = words.line();
    let mut name = None;
    match words.next().map(str::to_owned) {
        Some(word) if word == "dev" => name = Some(words.value("dev")?),
        Some(word) => name = Some(word),
        None => {}
    }
    let name = name.ok_or_else(|| words.missing("the device name"))?;
    let index = ctx.link_index(&name)?;
    let mut set = LinkSet::index(index);
    let mut changes = 0;
    while let Some(word) = words.next().map(str::to_owned) {
        changes += 1;
        set = match word.as_str() {
            "up" => set.up(),
            "down" => set.down(),
            "mtu" => set.mtu(number(&mut words, &word)?),
            "name" => set.name(words.value(&word)?),
            "address" | "addr" => set.address(mac(&mut words, &word)?),
            "master" => {
                let m = words.value(&word)?;
                set.master(ctx.link_index(&m)?)
            }
            "nomaster" => set.nomaster(),
            "netns" => {
                let target = words.value(&word)?;
                match target.parse::<u32>() {
                    Ok(pid) => set.netns_pid(pid),
                    Err(_) => {
                        set.netns(NetnsTarget::by_name(&target).map_err(|e| kernel(&line, e))?)
                    }
                }
            }
            "alias" => set.alias(words.value(&word)?),
            "txqueuelen" | "txqlen" | "qlen" => set.txqueuelen(number(&mut words, &word)?),
            "group" => set.group(parse_group(&mut words, &word)?),
            "arp" => set.arp(on_off(&mut words, &word)?),
            "promisc" => set.promisc(on_off(&mut words, &word)?),
            "allmulticast" | "allmulti" => set.allmulticast(on_off(&mut words, &word)?),
            "carrier" => set.carrier(on_off(&mut words, &word)?),
            "protodown" => set.proto_down(on_off(&mut words, &word)?),
            _ => return Err(words.unknown(&word)),
        };
    }
    if changes == 0 {
        return Err(words.missing("what to change"));
    }
    ctx.change(&line, set)
}
