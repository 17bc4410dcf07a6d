//! Link kind caif (a CAIF modem channel): its `IFLA_INFO_DATA`
//! attributes (`enum ifla_caif`, linux/caif/if_caif.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of caif (`IFLA_CAIF_*`, linux/caif/if_caif.h).
    pub enum CaifAttr, view CaifAttrRef, prefix IFLA_CAIF_ {
        /// Connection id of the IPv4 PDP context.
        1 IPV4_CONNID Ipv4ConnId(u32),
        /// Connection id of the IPv6 PDP context.
        2 IPV6_CONNID Ipv6ConnId(u32),
        /// Non-zero: the device loops traffic back.
        3 LOOPBACK Loopback(u8),
    }
}
