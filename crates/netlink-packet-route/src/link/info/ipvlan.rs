//! Link kind ipvlan and ipvtap: its `IFLA_INFO_DATA` attributes
//! (`IFLA_IPVLAN_*`, linux/if_link.h), with `enum ipvlan_mode` and the
//! `IPVLAN_F_*` flags.

use netlink_packet_core::{attribute_set, flag_set, value_enum};

attribute_set! {
    /// Attributes of ipvlan and ipvtap (`IFLA_IPVLAN_*`, linux/if_link.h).
    pub enum IpVlanAttr, view IpVlanAttrRef, prefix IFLA_IPVLAN_ {
        /// Mode.
        1 MODE Mode(IpVlanMode),
        /// Flags.
        2 FLAGS Flags(IpVlanFlags),
    }
}

value_enum! {
    /// ipvlan mode (`enum ipvlan_mode`, `IPVLAN_MODE_*`, linux/if_link.h);
    /// names as `ip link` takes and prints them.
    pub enum IpVlanMode: u16 {
        0 => L2 "l2",
        1 => L3 "l3",
        2 => L3s "l3s",
    }
}

flag_set! {
    /// ipvlan flags (`IPVLAN_F_*`, linux/if_link.h); without either the
    /// mode is bridge.
    pub struct IpVlanFlags: u16 {
        /// Private: no traffic between slaves.
        0x1 => PRIVATE "private",
        /// VEPA: traffic between slaves goes through the external switch.
        0x2 => VEPA "vepa",
    }
}
