//! `AF_INET` link settings in `IFLA_AF_SPEC` (`IFLA_INET_*`,
//! linux/if_link.h) and the per-device IPv4 settings they carry
//! (`IPV4_DEVCONF_*`, linux/ip.h).

use netlink_packet_core::nla::{
    AttrValue, Described, DescribedAttr, IndexedArray, IndexedArrayRef, Nla,
};
use netlink_packet_core::{attribute_set, value_enum, DecodeError};

use super::packed::{PackedTable, PackedTableRef, TableIndex};

attribute_set! {
    /// `AF_INET` settings of a link (`IFLA_INET_*`, linux/if_link.h): the
    /// `AF_INET` entry of `IFLA_AF_SPEC`.
    pub enum AfInetAttr, view AfInetAttrRef, prefix IFLA_INET_ {
        /// The device's IPv4 settings (`net.ipv4.conf.DEVICE.*`).
        1 CONF Conf(Ipv4Conf),
    }
}

value_enum! {
    /// Index of a per-device IPv4 setting (`IPV4_DEVCONF_*`, linux/ip.h);
    /// named after the constant, in lower case.
    pub enum Ipv4DevConf: u16 {
        1 => Forwarding "forwarding",
        2 => McForwarding "mc_forwarding",
        3 => ProxyArp "proxy_arp",
        4 => AcceptRedirects "accept_redirects",
        5 => SecureRedirects "secure_redirects",
        6 => SendRedirects "send_redirects",
        7 => SharedMedia "shared_media",
        8 => RpFilter "rp_filter",
        9 => AcceptSourceRoute "accept_source_route",
        10 => BootpRelay "bootp_relay",
        11 => LogMartians "log_martians",
        12 => Tag "tag",
        13 => Arpfilter "arpfilter",
        14 => MediumId "medium_id",
        15 => Noxfrm "noxfrm",
        16 => Nopolicy "nopolicy",
        17 => ForceIgmpVersion "force_igmp_version",
        18 => ArpAnnounce "arp_announce",
        19 => ArpIgnore "arp_ignore",
        20 => PromoteSecondaries "promote_secondaries",
        21 => ArpAccept "arp_accept",
        22 => ArpNotify "arp_notify",
        23 => AcceptLocal "accept_local",
        24 => SrcVmark "src_vmark",
        25 => ProxyArpPvlan "proxy_arp_pvlan",
        26 => RouteLocalnet "route_localnet",
        27 => Igmpv2UnsolicitedReportInterval "igmpv2_unsolicited_report_interval",
        28 => Igmpv3UnsolicitedReportInterval "igmpv3_unsolicited_report_interval",
        29 => IgnoreRoutesWithLinkdown "ignore_routes_with_linkdown",
        30 => DropUnicastInL2Multicast "drop_unicast_in_l2_multicast",
        31 => DropGratuitousArp "drop_gratuitous_arp",
        32 => BcForwarding "bc_forwarding",
        33 => ArpEvictNocarrier "arp_evict_nocarrier",
    }
}

impl TableIndex for Ipv4DevConf {
    const FIRST: u16 = 1;
    const WHAT: &'static str = "IPv4 device settings";
    fn index_name(self) -> Option<&'static str> {
        self.name()
    }
}

/// `IFLA_INET_CONF`: the device's IPv4 settings, in either of the two forms
/// the kernel uses. Dumps report a packed array of `u32`, element `i` being
/// setting `IPV4_DEVCONF_*` number `i + 1`; requests send a nest whose
/// attribute numbers are `IPV4_DEVCONF_*` indexes, each holding a `u32`.
/// The form is told apart by `NLA_F_NESTED`, which requests built here set.
#[derive(Debug, Clone, PartialEq)]
pub enum Ipv4Conf {
    /// The packed array of a dump: every setting, in index order.
    Values(PackedTable<Ipv4DevConf, u32>),
    /// The nest of a request: the settings to change.
    Set(IndexedArray<u32>),
}

impl Ipv4Conf {
    /// A request's nest setting these entries.
    pub fn set(entries: impl IntoIterator<Item = (Ipv4DevConf, u32)>) -> Self {
        Ipv4Conf::Set(IndexedArray {
            items: entries
                .into_iter()
                .map(|(index, value)| (u16::from(index), value))
                .collect(),
            flagged: true,
        })
    }

    /// The value of setting `index`, if present.
    pub fn get(&self, index: Ipv4DevConf) -> Option<u32> {
        match self {
            Ipv4Conf::Values(table) => table.get(index),
            Ipv4Conf::Set(nest) => nest
                .items
                .iter()
                .find(|(i, _)| *i == u16::from(index))
                .map(|(_, v)| *v),
        }
    }

    /// Every setting with its index, named or not, in wire order.
    pub fn entries(&self) -> Vec<(Ipv4DevConf, u32)> {
        match self {
            Ipv4Conf::Values(table) => table.entries().collect(),
            Ipv4Conf::Set(nest) => nest
                .items
                .iter()
                .map(|(i, v)| (Ipv4DevConf::from(*i), *v))
                .collect(),
        }
    }
}

/// The zero-copy form of [`Ipv4Conf`].
#[derive(Debug, Clone, Copy)]
pub enum Ipv4ConfRef<'a> {
    /// The packed array of a dump.
    Values(PackedTableRef<'a, Ipv4DevConf, u32>),
    /// The nest of a request.
    Set(IndexedArrayRef<'a, u32>),
}

impl<'a> Ipv4ConfRef<'a> {
    /// The value of setting `index`, if present (and well formed).
    pub fn get(&self, index: Ipv4DevConf) -> Option<u32> {
        match self {
            Ipv4ConfRef::Values(table) => table.get(index),
            Ipv4ConfRef::Set(nest) => nest
                .iter()
                .flatten()
                .find(|(i, _)| *i == u16::from(index))
                .map(|(_, v)| v),
        }
    }
}

impl AttrValue for Ipv4Conf {
    type Ref<'a> = Ipv4ConfRef<'a>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Ipv4ConfRef<'a>, DecodeError> {
        if nla.is_nested() {
            IndexedArray::<u32>::parse_ref(nla).map(Ipv4ConfRef::Set)
        } else {
            PackedTable::<Ipv4DevConf, u32>::parse_ref(nla).map(Ipv4ConfRef::Values)
        }
    }

    fn from_ref(value: &Ipv4ConfRef<'_>) -> Result<Self, DecodeError> {
        Ok(match value {
            Ipv4ConfRef::Values(table) => Ipv4Conf::Values(PackedTable::from_ref(table)?),
            Ipv4ConfRef::Set(nest) => Ipv4Conf::Set(IndexedArray::from_ref(nest)?),
        })
    }

    fn header_flags(&self) -> u16 {
        match self {
            Ipv4Conf::Values(table) => table.header_flags(),
            Ipv4Conf::Set(nest) => nest.header_flags(),
        }
    }

    fn value_len(&self) -> usize {
        match self {
            Ipv4Conf::Values(table) => table.value_len(),
            Ipv4Conf::Set(nest) => nest.value_len(),
        }
    }

    fn emit_value(&self, buf: &mut [u8]) {
        match self {
            Ipv4Conf::Values(table) => table.emit_value(buf),
            Ipv4Conf::Set(nest) => nest.emit_value(buf),
        }
    }

    /// Each setting named by its `IPV4_DEVCONF_*` index, in either form.
    fn describe(&self) -> Described {
        match self {
            Ipv4Conf::Values(table) => table.describe(),
            Ipv4Conf::Set(nest) => Described::Attributes(
                nest.items
                    .iter()
                    .map(|(index, value)| DescribedAttr {
                        number: *index,
                        name: Ipv4DevConf::from(*index).name(),
                        value: Described::Unsigned((*value).into()),
                    })
                    .collect(),
            ),
        }
    }
}
