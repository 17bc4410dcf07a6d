//! Tunnel VNI filter messages (`RTM_NEWTUNNEL`, `RTM_DELTUNNEL`,
//! `RTM_GETTUNNEL`): `struct tunnel_msg` then `VXLAN_VNIFILTER_*`
//! attributes (linux/if_link.h), the VNIs a vxlan device in `vnifilter`
//! mode accepts.

use netlink_packet_core::{fixed_struct, flag_set, header_message};

pub use crate::link::info::{VxlanVniFilterAttr, VxlanVniFilterAttrRef};

fixed_struct! {
    /// `struct tunnel_msg` (linux/if_link.h).
    pub header struct TunnelHeader {
        /// `family`.
        pub family: u8,
        /// `flags` (`TUNNEL_MSG_FLAG_*`).
        pub flags: TunnelMessageFlags,
        /// `reserved2`.
        pub reserved2: u16,
        /// `ifindex`: the vxlan device.
        pub index: u32,
    }
}

flag_set! {
    /// `TUNNEL_MSG_FLAG_*` (linux/if_link.h).
    pub struct TunnelMessageFlags: u8 {
        0x01 => STATS "stats",
    }
}

header_message! {
    /// A tunnel VNI filter message, owned: the header and every attribute
    /// in wire order.
    pub struct TunnelMessage, view TunnelView, header TunnelHeader, attrs VxlanVniFilterAttr, VxlanVniFilterAttrRef;
}
