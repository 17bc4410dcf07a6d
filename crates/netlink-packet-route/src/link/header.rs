//! The link message header (`struct ifinfomsg`, linux/rtnetlink.h), its
//! flags (`IFF_*`, linux/if.h) and link types (`ARPHRD_*`, linux/if_arp.h).

use netlink_packet_core::{fixed_struct, flag_set, value_enum};

fixed_struct! {
    /// `struct ifinfomsg`: the fixed header of every link message.
    pub header struct LinkHeader {
        /// `ifi_family`: `AF_UNSPEC`, or `AF_BRIDGE` for bridge port messages.
        pub family: u8,
        /// `__ifi_pad`.
        pub pad: u8,
        /// `ifi_type`: the link-layer type.
        pub link_type: LinkType,
        /// `ifi_index`.
        pub index: i32,
        /// `ifi_flags`.
        pub flags: IfFlags,
        /// `ifi_change`: which flags a request changes.
        pub change: IfFlags,
    }
}

flag_set! {
    /// Device flags (`IFF_*`, `enum net_device_flags`, linux/if.h).
    pub struct IfFlags: u32 {
        0x1 => UP "UP",
        0x2 => BROADCAST "BROADCAST",
        0x4 => DEBUG "DEBUG",
        0x8 => LOOPBACK "LOOPBACK",
        0x10 => POINTOPOINT "POINTOPOINT",
        0x20 => NOTRAILERS "NOTRAILERS",
        0x40 => RUNNING "RUNNING",
        0x80 => NOARP "NOARP",
        0x100 => PROMISC "PROMISC",
        0x200 => ALLMULTI "ALLMULTI",
        0x400 => MASTER "MASTER",
        0x800 => SLAVE "SLAVE",
        0x1000 => MULTICAST "MULTICAST",
        0x2000 => PORTSEL "PORTSEL",
        0x4000 => AUTOMEDIA "AUTOMEDIA",
        0x8000 => DYNAMIC "DYNAMIC",
        0x10000 => LOWER_UP "LOWER_UP",
        0x20000 => DORMANT "DORMANT",
        0x40000 => ECHO "ECHO",
    }
}

value_enum! {
    /// Link-layer type (`ARPHRD_*`, linux/if_arp.h); names as iproute2
    /// prints them after `link/`.
    pub enum LinkType: u16 {
        0 => Netrom "netrom",
        1 => Ether "ether",
        2 => Eether "eether",
        3 => Ax25 "ax25",
        4 => Pronet "pronet",
        5 => Chaos "chaos",
        6 => Ieee802 "ieee802",
        7 => Arcnet "arcnet",
        8 => Appletlk "appletlk",
        15 => Dlci "dlci",
        19 => Atm "atm",
        23 => Metricom "metricom",
        24 => Ieee1394 "ieee1394",
        27 => Eui64 "eui64",
        32 => Infiniband "infiniband",
        256 => Slip "slip",
        257 => Cslip "cslip",
        258 => Slip6 "slip6",
        259 => Cslip6 "cslip6",
        260 => Rsrvd "rsrvd",
        264 => Adapt "adapt",
        270 => Rose "rose",
        271 => X25 "x25",
        272 => Hwx25 "hwx25",
        280 => Can "can",
        290 => Mctp "mctp",
        512 => Ppp "ppp",
        513 => Cisco "cisco",
        516 => Lapb "lapb",
        517 => Ddcmp "ddcmp",
        518 => Rawhdlc "rawhdlc",
        519 => Rawip "rawip",
        768 => Tunnel "tunnel",
        769 => Tunnel6 "tunnel6",
        770 => Frad "frad",
        771 => Skip "skip",
        772 => Loopback "loopback",
        773 => Localtlk "localtlk",
        774 => Fddi "fddi",
        775 => Bif "bif",
        776 => Sit "sit",
        777 => Ipddp "ipddp",
        778 => Ipgre "ipgre",
        779 => Pimreg "pimreg",
        780 => Hippi "hippi",
        781 => Ash "ash",
        782 => Econet "econet",
        783 => Irda "irda",
        784 => Fcpp "fcpp",
        785 => Fcal "fcal",
        786 => Fcpl "fcpl",
        787 => Fcfabric "fcfabric",
        800 => Ieee802Tr "ieee802_tr",
        801 => Ieee80211 "ieee80211",
        802 => Ieee80211Prism "ieee80211_prism",
        803 => Ieee80211Radiotap "ieee80211_radiotap",
        804 => Ieee802154 "ieee802154",
        805 => Ieee802154Monitor "ieee802154_monitor",
        820 => Phonet "phonet",
        821 => PhonetPipe "phonet_pipe",
        822 => Caif "caif",
        823 => Ip6gre "ip6gre",
        824 => Netlink "netlink",
        825 => N6lowpan "6lowpan",
        826 => Vsockmon "vsockmon",
        65535 => Void "void",
        65534 => None "none",
    }
}
