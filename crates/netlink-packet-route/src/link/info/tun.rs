//! Link kind tun and tap: its `IFLA_INFO_DATA` attributes (`IFLA_TUN_*`,
//! linux/if_link.h). The kernel only reports these: tun and tap devices are
//! created through `/dev/net/tun`, not rtnetlink.

use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// Attributes of tun and tap (`IFLA_TUN_*`, linux/if_link.h).
    pub enum TunAttr, view TunAttrRef, prefix IFLA_TUN_ {
        /// Owning user id (sent only when set).
        1 OWNER Owner(u32),
        /// Owning group id (sent only when set).
        2 GROUP Group(u32),
        /// Device type: tun or tap (`IFF_TUN`, `IFF_TAP`).
        3 TYPE Type(TunType),
        /// Packet information header on (1) or off (0, `IFF_NO_PI`).
        4 PI Pi(u8),
        /// virtio-net header on (1, `IFF_VNET_HDR`) or off (0).
        5 VNET_HDR VnetHdr(u8),
        /// Persistent device (1, `TUNSETPERSIST`) or not (0).
        6 PERSIST Persist(u8),
        /// Multiqueue device (1, `IFF_MULTI_QUEUE`) or not (0).
        7 MULTI_QUEUE MultiQueue(u8),
        /// Number of attached queues.
        8 NUM_QUEUES NumQueues(u32),
        /// Number of disabled queues.
        9 NUM_DISABLED_QUEUES NumDisabledQueues(u32),
    }
}

value_enum! {
    /// tun device type (`IFF_TUN`, `IFF_TAP`, linux/if_tun.h); names as
    /// `ip tuntap ... mode` takes them.
    pub enum TunType: u8 {
        1 => Tun "tun",
        2 => Tap "tap",
    }
}
