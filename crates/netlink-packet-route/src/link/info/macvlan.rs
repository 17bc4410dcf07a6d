//! Link kind macvlan and macvtap: its `IFLA_INFO_DATA` attributes
//! (`IFLA_MACVLAN_*`, linux/if_link.h), with `enum macvlan_mode`,
//! `enum macvlan_macaddr_mode` and the `MACVLAN_FLAG_*` flags.

use netlink_packet_core::nla::{MacAddr, Nested};
use netlink_packet_core::{attribute_set, flag_set, value_enum};

attribute_set! {
    /// Attributes of macvlan and macvtap (`IFLA_MACVLAN_*`, linux/if_link.h).
    pub enum MacVlanAttr, view MacVlanAttrRef, prefix IFLA_MACVLAN_ {
        /// Mode.
        1 MODE Mode(MacVlanMode),
        /// Flags.
        2 FLAGS Flags(MacVlanFlags),
        /// What a request does with the source address list (source mode).
        3 MACADDR_MODE MacaddrMode(MacVlanMacAddrMode),
        /// One source address (source mode), in requests and inside
        /// `IFLA_MACVLAN_MACADDR_DATA`.
        4 MACADDR Macaddr(MacAddr),
        /// The source address list: `IFLA_MACVLAN_MACADDR` attributes.
        5 MACADDR_DATA MacaddrData(Nested<MacVlanAttr>),
        /// Number of source addresses.
        6 MACADDR_COUNT MacaddrCount(u32),
        /// Broadcast queue length requested.
        7 BC_QUEUE_LEN BcQueueLen(u32),
        /// Broadcast queue length in use (the largest of the lower device's
        /// macvlans).
        8 BC_QUEUE_LEN_USED BcQueueLenUsed(u32),
    }
}

value_enum! {
    /// macvlan mode (`enum macvlan_mode`, `MACVLAN_MODE_*`,
    /// linux/if_link.h); names as `ip link` takes and prints them.
    pub enum MacVlanMode: u32 {
        1 => Private "private",
        2 => Vepa "vepa",
        4 => Bridge "bridge",
        8 => Passthru "passthru",
        16 => Source "source",
    }
}

value_enum! {
    /// What a request does with the source address list
    /// (`enum macvlan_macaddr_mode`, `MACVLAN_MACADDR_*`, linux/if_link.h);
    /// names as `ip link ... macaddr` takes them.
    pub enum MacVlanMacAddrMode: u32 {
        0 => Add "add",
        1 => Del "del",
        2 => Flush "flush",
        3 => Set "set",
    }
}

flag_set! {
    /// macvlan flags (`MACVLAN_FLAG_*`, linux/if_link.h).
    pub struct MacVlanFlags: u16 {
        /// Do not put the lower device in promiscuous mode (passthru).
        0x1 => NOPROMISC "nopromisc",
        /// Skip the destination macvlan if it matches the source (source
        /// mode).
        0x2 => NODST "nodst",
    }
}
