//! Link kind rmnet: its `IFLA_INFO_DATA` attributes (`IFLA_RMNET_*`,
//! linux/if_link.h).

use netlink_packet_core::{attribute_set, fixed_struct, flag_set};

attribute_set! {
    /// Attributes of rmnet (`IFLA_RMNET_*`, linux/if_link.h).
    pub enum RmnetAttr, view RmnetAttrRef, prefix IFLA_RMNET_ {
        /// Multiplexing id of the logical channel.
        1 MUX_ID MuxId(u16),
        /// Data format flags, with the mask of those to change.
        2 FLAGS Flags(RmnetFlags),
    }
}

fixed_struct! {
    /// `struct ifla_rmnet_flags` (linux/if_link.h).
    pub struct RmnetFlags {
        /// Flag values.
        pub flags: RmnetFlagBits,
        /// Which flags a request changes.
        pub mask: RmnetFlagBits,
    }
}

flag_set! {
    /// rmnet data format flags (`RMNET_FLAGS_*`, linux/if_link.h).
    pub struct RmnetFlagBits: u32 {
        0x1 => INGRESS_DEAGGREGATION "ingress-deaggregation",
        0x2 => INGRESS_MAP_COMMANDS "ingress-commands",
        0x4 => INGRESS_MAP_CKSUMV4 "ingress-chksumv4",
        0x8 => EGRESS_MAP_CKSUMV4 "egress-chksumv4",
        0x10 => INGRESS_MAP_CKSUMV5 "ingress-chksumv5",
        0x20 => EGRESS_MAP_CKSUMV5 "egress-chksumv5",
    }
}
