//! Routing policy rules (`RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`,
//! linux/fib_rules.h), as `ip rule` manages them.
//!
//! [`RuleAdd`] and [`RuleDel`] share their selectors and actions; the
//! kernel deletes the first rule matching every field a [`RuleDel`] sets.

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::rule::{
    RuleAction, RuleAttr, RuleFlags, RuleHeader, RuleMessage, RulePortRange, RuleUidRange,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::request::ack;
use crate::Request;

/// `RT_TABLE_MAIN` (linux/rtnetlink.h): what `ip rule add` looks up when no
/// table is given.
const RT_TABLE_MAIN: u32 = 254;

fn family_name(family: u8) -> &'static str {
    match family {
        AF_INET => "IPv4",
        AF_INET6 => "IPv6",
        _ => "unspecified-family",
    }
}

/// A rule's header and attributes as a request builds them.
#[derive(Debug, Clone)]
struct Fields {
    header: RuleHeader,
    attrs: Vec<RuleAttr>,
    table: Option<u32>,
    /// The first argument found wrong, which refuses the request.
    problem: Option<String>,
}

impl Fields {
    fn new(family: u8) -> Self {
        Fields {
            header: RuleHeader {
                family,
                ..Default::default()
            },
            attrs: Vec::new(),
            table: None,
            problem: None,
        }
    }

    /// `len`, noting a problem when `ip`/`len` does not fit the rule.
    fn prefix(&mut self, ip: IpAddr, len: u8, what: &str) -> u8 {
        if let Err(problem) = self.check_prefix(ip, len, what) {
            self.problem.get_or_insert(problem);
        }
        len
    }

    fn check_prefix(&self, ip: IpAddr, len: u8, what: &str) -> Result<(), String> {
        let (family, max) = match ip {
            IpAddr::V4(_) => (AF_INET, 32),
            IpAddr::V6(_) => (AF_INET6, 128),
        };
        if family != self.header.family {
            return Err(format!(
                "{what} prefix {ip}/{len} is {} but the rule is {}",
                family_name(family),
                family_name(self.header.family)
            ));
        }
        if len > max {
            return Err(format!(
                "{what} prefix length {len} is beyond the {max} bits of {ip}"
            ));
        }
        Ok(())
    }

    /// The message, or why it must not be sent.
    fn message(mut self) -> Result<RuleMessage, String> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        if let Some(table) = self.table {
            // The header's byte holds ids below 256; larger ones live in
            // FRA_TABLE only, with RT_TABLE_UNSPEC in the header.
            self.header.table = u8::try_from(table).unwrap_or(0);
            self.attrs.push(RuleAttr::Table(table));
        }
        Ok(RuleMessage::new(self.header, self.attrs))
    }
}

/// The request for `message`, or one refused unsent with `problem`.
fn request(
    message: Result<RuleMessage, String>,
    wrap: fn(RuleMessage) -> RouteNetlinkMessage,
    flags: NetlinkFlags,
) -> Request<()> {
    match message {
        Ok(message) => Request::new(wrap(message), flags, RequestOptions::request(), ack),
        Err(problem) => Request::invalid(wrap(RuleMessage::default()), problem),
    }
}

/// Selectors and actions shared by [`RuleAdd`] and [`RuleDel`].
macro_rules! rule_setters {
    ($($Builder:ident),*) => {$(
        impl $Builder {
            /// An IPv4 rule.
            pub fn v4() -> Self {
                Self::from_fields(Fields::new(AF_INET))
            }

            /// An IPv6 rule.
            pub fn v6() -> Self {
                Self::from_fields(Fields::new(AF_INET6))
            }

            /// The priority (`FRA_PRIORITY`, `pref`): rules are tried from
            /// the lowest.
            #[must_use]
            pub fn priority(mut self, priority: u32) -> Self {
                self.fields.attrs.push(RuleAttr::Priority(priority));
                self
            }

            /// Matches sources in `ip`/`len` (`FRA_SRC`, `from`). The
            /// request fails unsent with
            /// [`Error::InvalidArgument`](crate::Error::InvalidArgument)
            /// when `ip` is of the other family or `len` is beyond its bits.
            #[must_use]
            pub fn source(mut self, ip: IpAddr, len: u8) -> Self {
                self.fields.header.src_len = self.fields.prefix(ip, len, "source");
                self.fields.attrs.push(RuleAttr::Source(ip));
                self
            }

            /// Matches destinations in `ip`/`len` (`FRA_DST`, `to`). The
            /// request fails unsent with
            /// [`Error::InvalidArgument`](crate::Error::InvalidArgument)
            /// when `ip` is of the other family or `len` is beyond its bits.
            #[must_use]
            pub fn destination(mut self, ip: IpAddr, len: u8) -> Self {
                self.fields.header.dst_len = self.fields.prefix(ip, len, "destination");
                self.fields.attrs.push(RuleAttr::Destination(ip));
                self
            }

            /// Matches the type of service (`tos`).
            #[must_use]
            pub fn tos(mut self, tos: u8) -> Self {
                self.fields.header.tos = tos;
                self
            }

            /// Matches packets coming in on link `name` (`FRA_IIFNAME`,
            /// `iif`; `lo` for locally generated ones).
            #[must_use]
            pub fn iif(mut self, name: impl Into<String>) -> Self {
                self.fields.attrs.push(RuleAttr::Iifname(name.into().into()));
                self
            }

            /// Matches packets going out on link `name` (`FRA_OIFNAME`,
            /// `oif`).
            #[must_use]
            pub fn oif(mut self, name: impl Into<String>) -> Self {
                self.fields.attrs.push(RuleAttr::Oifname(name.into().into()));
                self
            }

            /// Matches firewall mark `mark` under `mask` (`FRA_FWMARK`,
            /// `FRA_FWMASK`, `fwmark MARK/MASK`).
            #[must_use]
            pub fn fwmark(mut self, mark: u32, mask: u32) -> Self {
                self.fields.attrs.push(RuleAttr::FwMark(mark));
                self.fields.attrs.push(RuleAttr::FwMask(mask));
                self
            }

            /// Matches sockets of users `start..=end` (`FRA_UID_RANGE`,
            /// `uidrange`).
            #[must_use]
            pub fn uid_range(mut self, start: u32, end: u32) -> Self {
                self.fields
                    .attrs
                    .push(RuleAttr::UidRange(RuleUidRange { start, end, ..Default::default() }));
                self
            }

            /// Matches IP protocol `proto` (`FRA_IP_PROTO`, `ipproto`;
            /// `IPPROTO_*`, 6 for TCP, 17 for UDP).
            #[must_use]
            pub fn ip_proto(mut self, proto: u8) -> Self {
                self.fields.attrs.push(RuleAttr::IpProto(proto));
                self
            }

            /// Matches source ports `start..=end` (`FRA_SPORT_RANGE`,
            /// `sport`).
            #[must_use]
            pub fn sport_range(mut self, start: u16, end: u16) -> Self {
                self.fields
                    .attrs
                    .push(RuleAttr::SportRange(RulePortRange { start, end, ..Default::default() }));
                self
            }

            /// Matches destination ports `start..=end` (`FRA_DPORT_RANGE`,
            /// `dport`).
            #[must_use]
            pub fn dport_range(mut self, start: u16, end: u16) -> Self {
                self.fields
                    .attrs
                    .push(RuleAttr::DportRange(RulePortRange { start, end, ..Default::default() }));
                self
            }

            /// Negates the selectors (`FIB_RULE_INVERT`, `not`).
            #[must_use]
            pub fn invert(mut self) -> Self {
                self.fields.header.flags |= RuleFlags::INVERT;
                self
            }

            /// Looks up table `table` (`FR_ACT_TO_TBL`, `lookup`); ids above
            /// 255 travel in `FRA_TABLE`.
            #[must_use]
            pub fn table(mut self, table: u32) -> Self {
                self.fields.header.action = RuleAction::ToTable;
                self.fields.table = Some(table);
                self
            }

            /// Looks up the table of the packet's l3mdev (VRF) device
            /// (`FRA_L3MDEV`, `l3mdev`).
            #[must_use]
            pub fn l3mdev(mut self) -> Self {
                self.fields.header.action = RuleAction::ToTable;
                self.fields.attrs.push(RuleAttr::L3mdev(1));
                self
            }

            /// Jumps to the rule of priority `priority` (`FR_ACT_GOTO`,
            /// `FRA_GOTO`, `goto`).
            #[must_use]
            pub fn goto(mut self, priority: u32) -> Self {
                self.fields.header.action = RuleAction::Goto;
                self.fields.attrs.push(RuleAttr::Goto(priority));
                self
            }

            /// Sets the action (`FR_ACT_*`): [`RuleAction::Blackhole`],
            /// [`RuleAction::Unreachable`], [`RuleAction::Prohibit`],
            /// [`RuleAction::Nop`], ...
            #[must_use]
            pub fn action(mut self, action: RuleAction) -> Self {
                self.fields.header.action = action;
                self
            }

            /// Ignores lookup results with a prefix length of `len` or less
            /// (`FRA_SUPPRESS_PREFIXLEN`, `suppress_prefixlength`).
            #[must_use]
            pub fn suppress_prefixlength(mut self, len: u32) -> Self {
                self.fields.attrs.push(RuleAttr::SuppressPrefixLen(len));
                self
            }

            /// Ignores lookup results whose device is in group `group`
            /// (`FRA_SUPPRESS_IFGROUP`, `suppress_ifgroup`).
            #[must_use]
            pub fn suppress_ifgroup(mut self, group: u32) -> Self {
                self.fields.attrs.push(RuleAttr::SuppressIfGroup(group));
                self
            }

            /// The realm (`FRA_FLOW`, `realms`).
            #[must_use]
            pub fn realm(mut self, realm: u32) -> Self {
                self.fields.attrs.push(RuleAttr::Flow(realm));
                self
            }

            /// Who adds the rule (`FRA_PROTOCOL`, `RTPROT_*`).
            #[must_use]
            pub fn protocol(mut self, protocol: u8) -> Self {
                self.fields.attrs.push(RuleAttr::Protocol(protocol));
                self
            }
        }
    )*};
}

rule_setters!(RuleAdd, RuleDel);

/// Adds a rule (`RTM_NEWRULE` with `NLM_F_CREATE | NLM_F_EXCL`, `ip rule
/// add`). Like `ip`, a rule given no action looks up the main table.
#[derive(Debug, Clone)]
pub struct RuleAdd {
    fields: Fields,
}

impl RuleAdd {
    fn from_fields(fields: Fields) -> Self {
        RuleAdd { fields }
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let mut fields = self.fields;
        if fields.header.action == RuleAction::Unspec {
            fields.header.action = RuleAction::ToTable;
        }
        let to_table = fields.header.action == RuleAction::ToTable;
        let l3mdev = fields
            .attrs
            .iter()
            .any(|a| matches!(a, RuleAttr::L3mdev(_)));
        if to_table && !l3mdev && fields.table.is_none() {
            fields.table = Some(RT_TABLE_MAIN);
        }
        request(
            fields.message(),
            RouteNetlinkMessage::NewRule,
            NetlinkFlags::CREATE | NetlinkFlags::EXCL,
        )
    }
}

impl From<RuleAdd> for Request<()> {
    fn from(add: RuleAdd) -> Self {
        add.build()
    }
}

/// Deletes a rule (`RTM_DELRULE`, `ip rule del`): the first one matching
/// every field set here; [`Error::NotFound`](crate::Error::NotFound) when
/// none does.
#[derive(Debug, Clone)]
pub struct RuleDel {
    fields: Fields,
}

impl RuleDel {
    fn from_fields(fields: Fields) -> Self {
        RuleDel { fields }
    }

    /// Deletes exactly `rule`, as a dump returned it.
    pub fn rule(rule: &RuleMessage) -> Request<()> {
        request(
            Ok(rule.clone()),
            RouteNetlinkMessage::DelRule,
            NetlinkFlags::empty(),
        )
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        request(
            self.fields.message(),
            RouteNetlinkMessage::DelRule,
            NetlinkFlags::empty(),
        )
    }
}

impl From<RuleDel> for Request<()> {
    fn from(del: RuleDel) -> Self {
        del.build()
    }
}

/// Dumps rules (`RTM_GETRULE` with `NLM_F_DUMP`, `ip rule show`), of one
/// family or all; the kernel filters by family, checked again here.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleDump {
    family: u8,
}

impl RuleDump {
    /// Rules of every family.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only rules of `family` (`AF_INET`, `AF_INET6`; 0 for all).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<RuleMessage>> {
        let family = self.family;
        let header = RuleHeader {
            family,
            ..Default::default()
        };
        Request::new(
            RouteNetlinkMessage::GetRule(RuleMessage::new(header, vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewRule(r) => Some(r),
                        _ => None,
                    })
                    .filter(|r| family == 0 || r.header.family == family)
                    .collect())
            },
        )
    }
}

impl From<RuleDump> for Request<Vec<RuleMessage>> {
    fn from(dump: RuleDump) -> Self {
        dump.build()
    }
}

#[cfg(test)]
mod tests;
