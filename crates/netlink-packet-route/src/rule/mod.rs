//! Routing policy rules (`RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`): `struct
//! fib_rule_hdr` then `FRA_*` attributes (linux/fib_rules.h).

mod attrs;

pub use attrs::*;

use netlink_packet_core::{fixed_struct, header_message};

fixed_struct! {
    /// `struct fib_rule_hdr` (linux/fib_rules.h).
    pub header struct RuleHeader {
        /// `family`.
        pub family: u8,
        /// `dst_len`.
        pub dst_len: u8,
        /// `src_len`.
        pub src_len: u8,
        /// `tos`.
        pub tos: u8,
        /// `table`: the low 8 bits (`FRA_TABLE` has all).
        pub table: u8,
        /// `res1`.
        pub res1: u8,
        /// `res2`.
        pub res2: u8,
        /// `action` (`FR_ACT_*`).
        pub action: RuleAction,
        /// `flags` (`FIB_RULE_*`).
        pub flags: RuleFlags,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct RuleMessage, view RuleView, header RuleHeader, attrs RuleAttr, RuleAttrRef;
}

impl RuleMessage {
    /// The priority (`FRA_PRIORITY`).
    pub fn priority(&self) -> Option<u32> {
        self.attrs.iter().find_map(|a| match a {
            RuleAttr::Priority(p) => Some(*p),
            _ => None,
        })
    }

    /// The table: `FRA_TABLE` when present, else the header's 8 bits.
    pub fn table(&self) -> u32 {
        self.attrs
            .iter()
            .find_map(|a| match a {
                RuleAttr::Table(t) => Some(*t),
                _ => None,
            })
            .unwrap_or(u32::from(self.header.table))
    }
}

impl<'a> RuleView<'a> {
    /// The priority (`FRA_PRIORITY`).
    pub fn priority(&self) -> Option<u32> {
        self.find(RuleAttr::PRIORITY)?.as_u32().ok()
    }

    /// The table: `FRA_TABLE` when present, else the header's 8 bits.
    pub fn table(&self) -> u32 {
        self.find(RuleAttr::TABLE)
            .and_then(|nla| nla.as_u32().ok())
            .unwrap_or(u32::from(self.header().table))
    }
}
