//! Link kind gtp: its `IFLA_INFO_DATA` attributes (`IFLA_GTP_*`,
//! linux/if_link.h).

use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// Attributes of gtp (`IFLA_GTP_*`, linux/if_link.h).
    pub enum GtpAttr, view GtpAttrRef, prefix IFLA_GTP_ {
        /// File descriptor of the GTPv0 UDP socket (requests only).
        1 FD0 Fd0(u32),
        /// File descriptor of the GTPv1-U UDP socket (requests only).
        2 FD1 Fd1(u32),
        /// Size of the PDP context hash table.
        3 PDP_HASHSIZE PdpHashsize(u32),
        /// Role: GGSN (network side) or SGSN (user side).
        4 ROLE Role(GtpRole),
        /// Let the kernel create the UDP sockets (1) itself.
        5 CREATE_SOCKETS CreateSockets(u8),
        /// GTP restart counter.
        6 RESTART_COUNT RestartCount(u8),
    }
}

value_enum! {
    /// Role of a gtp device (`enum ifla_gtp_role`, `GTP_ROLE_*`,
    /// linux/if_link.h); names as `ip link ... role` takes them.
    pub enum GtpRole: u32 {
        0 => Ggsn "ggsn",
        1 => Sgsn "sgsn",
    }
}
