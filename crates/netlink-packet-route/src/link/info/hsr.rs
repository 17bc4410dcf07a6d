//! Link kind hsr and prp: its `IFLA_INFO_DATA` attributes (`IFLA_HSR_*`,
//! linux/if_link.h). Types from the kernel's rt-link netlink specification
//! (`linkinfo-hsr-attrs`).

use netlink_packet_core::nla::MacAddr;
use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// Attributes of hsr and prp (`IFLA_HSR_*`, linux/if_link.h).
    pub enum HsrAttr, view HsrAttrRef, prefix IFLA_HSR_ {
        /// Index of the first port.
        1 SLAVE1 Slave1(u32),
        /// Index of the second port.
        2 SLAVE2 Slave2(u32),
        /// Last byte of the supervision frames' multicast address.
        3 MULTICAST_SPEC MulticastSpec(u8),
        /// Multicast address of the supervision frames.
        4 SUPERVISION_ADDR SupervisionAddr(MacAddr),
        /// Current sequence number.
        5 SEQ_NR SeqNr(u16),
        /// HSR version (0 or 1).
        6 VERSION Version(u8),
        /// Redundancy protocol: HSR or PRP.
        7 PROTOCOL Protocol(HsrProtocol),
        // 8 is newer than this machine's headers; type from the kernel's
        // rt-link netlink specification.
        /// Index of the interlink port (HSR RedBox).
        8 INTERLINK Interlink(u32),
    }
}

value_enum! {
    /// Redundancy protocol of an hsr device (`HSR_PROTOCOL_*`,
    /// linux/if_link.h); names as `ip link ... proto` prints them.
    pub enum HsrProtocol: u8 {
        0 => Hsr "hsr",
        1 => Prp "prp",
    }
}
