//! An XDP program (`IFLA_XDP_*`, linux/if_link.h).

use netlink_packet_core::{attribute_set, flag_set, value_enum};

attribute_set! {
    /// Attributes of an XDP program (`IFLA_XDP_*`, linux/if_link.h).
    pub enum XdpAttr, view XdpAttrRef, prefix IFLA_XDP_ {
        /// File descriptor of the program to attach (-1 detaches).
        1 FD Fd(i32),
        /// How programs are attached (dumps).
        2 ATTACHED Attached(XdpAttached),
        /// Attach flags.
        3 FLAGS Flags(XdpFlags),
        /// Id of the attached program (single mode).
        4 PROG_ID ProgId(u32),
        /// Id of the program attached in driver mode.
        5 DRV_PROG_ID DrvProgId(u32),
        /// Id of the program attached in generic (skb) mode.
        6 SKB_PROG_ID SkbProgId(u32),
        /// Id of the program offloaded to hardware.
        7 HW_PROG_ID HwProgId(u32),
        /// File descriptor of the program expected to be replaced.
        8 EXPECTED_FD ExpectedFd(i32),
    }
}

value_enum! {
    /// How XDP programs are attached (`XDP_ATTACHED_*`, linux/if_link.h);
    /// named after the constant, in lower case.
    pub enum XdpAttached: u8 {
        0 => None "none",
        1 => Drv "drv",
        2 => Skb "skb",
        3 => Hw "hw",
        4 => Multi "multi",
    }
}

flag_set! {
    /// XDP attach flags (`XDP_FLAGS_*`, linux/if_link.h).
    pub struct XdpFlags: u32 {
        /// Fail if a program is already attached.
        0x1 => UPDATE_IF_NOEXIST "update_if_noexist",
        /// Generic (skb) mode.
        0x2 => SKB_MODE "skb_mode",
        /// Driver mode.
        0x4 => DRV_MODE "drv_mode",
        /// Hardware offload.
        0x8 => HW_MODE "hw_mode",
        /// Replace the program given by `IFLA_XDP_EXPECTED_FD`.
        0x10 => REPLACE "replace",
    }
}

impl XdpFlags {
    /// `XDP_FLAGS_MODES`: the mode bits.
    pub const MODES: XdpFlags = XdpFlags(0x2 | 0x4 | 0x8);
    /// `XDP_FLAGS_MASK`: every flag the header defines.
    pub const MASK: XdpFlags = XdpFlags(0x1 | 0x2 | 0x4 | 0x8 | 0x10);
}
