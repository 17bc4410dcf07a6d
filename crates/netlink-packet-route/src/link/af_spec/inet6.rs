//! `AF_INET6` link settings (`IFLA_INET6_*`, linux/if_link.h): the
//! `AF_INET6` entry of `IFLA_AF_SPEC`, and `IFLA_PROTINFO` of `AF_INET6`
//! link messages. Their tables are indexed by `DEVCONF_*` (linux/ipv6.h),
//! `IPSTATS_MIB_*` and `ICMP6_MIB_*` (linux/snmp.h).

use std::net::Ipv6Addr;

use netlink_packet_core::{attribute_set, fixed_struct, flag_set, value_enum};

use super::packed::{PackedTable, TableIndex};

attribute_set! {
    /// IPv6 settings and state of a link (`IFLA_INET6_*`, linux/if_link.h).
    pub enum AfInet6Attr, view AfInet6AttrRef, prefix IFLA_INET6_ {
        /// Interface flags ([`Inet6Flags`]).
        1 FLAGS Flags(Inet6Flags),
        /// The device's IPv6 settings (`net.ipv6.conf.DEVICE.*`).
        2 CONF Conf(Ipv6Conf),
        /// IPv6 counters.
        3 STATS Stats(Ipv6Stats),
        /// Multicast information (not sent by current kernels), as bytes.
        4 MCAST Mcast(Vec<u8>),
        /// Reassembly size and neighbour discovery timers.
        5 CACHEINFO CacheInfo(Inet6CacheInfo),
        /// ICMPv6 counters.
        6 ICMP6STATS Icmp6Stats(Icmp6Stats),
        /// The interface identifier token (`ip token`).
        7 TOKEN Token(Ipv6Addr),
        /// How link-local and autoconfigured addresses are generated.
        8 ADDR_GEN_MODE AddrGenMode(AddrGenMode),
        /// The MTU carried by the last router advertisement.
        9 RA_MTU RaMtu(u32),
    }
}

flag_set! {
    /// IPv6 interface flags (`IFLA_INET6_FLAGS`). The bits are the kernel's
    /// `IF_RS_SENT`, `IF_RA_RCVD`, `IF_RA_MANAGED`, `IF_RA_OTHERCONF` and
    /// `IF_READY` (include/net/if_inet6.h, not exported to the UAPI
    /// headers); every other bit is kept too.
    pub struct Inet6Flags: u32 {
        /// A router solicitation was sent.
        0x10 => RS_SENT "RS_SENT",
        /// A router advertisement was received.
        0x20 => RA_RCVD "RA_RCVD",
        /// The last advertisement had the managed address flag.
        0x40 => RA_MANAGED "RA_MANAGED",
        /// The last advertisement had the other configuration flag.
        0x80 => RA_OTHERCONF "RA_OTHERCONF",
        /// The device is ready for IPv6 (up, with a link).
        0x8000_0000 => READY "READY",
    }
}

value_enum! {
    /// Index of a per-device IPv6 setting (`DEVCONF_*`, linux/ipv6.h);
    /// named after the constant, in lower case.
    pub enum Ipv6DevConf: u16 {
        0 => Forwarding "forwarding",
        1 => Hoplimit "hoplimit",
        2 => Mtu6 "mtu6",
        3 => AcceptRa "accept_ra",
        4 => AcceptRedirects "accept_redirects",
        5 => Autoconf "autoconf",
        6 => DadTransmits "dad_transmits",
        7 => RtrSolicits "rtr_solicits",
        8 => RtrSolicitInterval "rtr_solicit_interval",
        9 => RtrSolicitDelay "rtr_solicit_delay",
        10 => UseTempaddr "use_tempaddr",
        11 => TempValidLft "temp_valid_lft",
        12 => TempPreferedLft "temp_prefered_lft",
        13 => RegenMaxRetry "regen_max_retry",
        14 => MaxDesyncFactor "max_desync_factor",
        15 => MaxAddresses "max_addresses",
        16 => ForceMldVersion "force_mld_version",
        17 => AcceptRaDefrtr "accept_ra_defrtr",
        18 => AcceptRaPinfo "accept_ra_pinfo",
        19 => AcceptRaRtrPref "accept_ra_rtr_pref",
        20 => RtrProbeInterval "rtr_probe_interval",
        21 => AcceptRaRtInfoMaxPlen "accept_ra_rt_info_max_plen",
        22 => ProxyNdp "proxy_ndp",
        23 => OptimisticDad "optimistic_dad",
        24 => AcceptSourceRoute "accept_source_route",
        25 => McForwarding "mc_forwarding",
        26 => DisableIpv6 "disable_ipv6",
        27 => AcceptDad "accept_dad",
        28 => ForceTllao "force_tllao",
        29 => NdiscNotify "ndisc_notify",
        30 => Mldv1UnsolicitedReportInterval "mldv1_unsolicited_report_interval",
        31 => Mldv2UnsolicitedReportInterval "mldv2_unsolicited_report_interval",
        32 => SuppressFragNdisc "suppress_frag_ndisc",
        33 => AcceptRaFromLocal "accept_ra_from_local",
        34 => UseOptimistic "use_optimistic",
        35 => AcceptRaMtu "accept_ra_mtu",
        36 => StableSecret "stable_secret",
        37 => UseOifAddrsOnly "use_oif_addrs_only",
        38 => AcceptRaMinHopLimit "accept_ra_min_hop_limit",
        39 => IgnoreRoutesWithLinkdown "ignore_routes_with_linkdown",
        40 => DropUnicastInL2Multicast "drop_unicast_in_l2_multicast",
        41 => DropUnsolicitedNa "drop_unsolicited_na",
        42 => KeepAddrOnDown "keep_addr_on_down",
        43 => RtrSolicitMaxInterval "rtr_solicit_max_interval",
        44 => Seg6Enabled "seg6_enabled",
        45 => Seg6RequireHmac "seg6_require_hmac",
        46 => EnhancedDad "enhanced_dad",
        47 => AddrGenMode "addr_gen_mode",
        48 => DisablePolicy "disable_policy",
        49 => AcceptRaRtInfoMinPlen "accept_ra_rt_info_min_plen",
        50 => NdiscTclass "ndisc_tclass",
        51 => RplSegEnabled "rpl_seg_enabled",
        52 => RaDefrtrMetric "ra_defrtr_metric",
        53 => Ioam6Enabled "ioam6_enabled",
        54 => Ioam6Id "ioam6_id",
        55 => Ioam6IdWide "ioam6_id_wide",
        56 => NdiscEvictNocarrier "ndisc_evict_nocarrier",
        57 => AcceptUntrackedNa "accept_untracked_na",
        58 => AcceptRaMinLft "accept_ra_min_lft",
    }
}

impl TableIndex for Ipv6DevConf {
    const FIRST: u16 = 0;
    const WHAT: &'static str = "IPv6 device settings";
    fn index_name(self) -> Option<&'static str> {
        self.name()
    }
}

/// `IFLA_INET6_CONF`: the device's IPv6 settings, a packed array of `s32`
/// whose element `i` is setting `DEVCONF_*` number `i`.
pub type Ipv6Conf = PackedTable<Ipv6DevConf, i32>;

value_enum! {
    /// Index of an IPv6 counter (`IPSTATS_MIB_*`, linux/snmp.h); named
    /// after the constant, in lower case. Element 0 (`num`) holds the
    /// number of counters.
    pub enum Ipv6StatsMib: u16 {
        0 => Num "num",
        1 => Inpkts "inpkts",
        2 => Inoctets "inoctets",
        3 => Indelivers "indelivers",
        4 => Outforwdatagrams "outforwdatagrams",
        5 => Outpkts "outpkts",
        6 => Outoctets "outoctets",
        7 => Inhdrerrors "inhdrerrors",
        8 => Intoobigerrors "intoobigerrors",
        9 => Innoroutes "innoroutes",
        10 => Inaddrerrors "inaddrerrors",
        11 => Inunknownprotos "inunknownprotos",
        12 => Intruncatedpkts "intruncatedpkts",
        13 => Indiscards "indiscards",
        14 => Outdiscards "outdiscards",
        15 => Outnoroutes "outnoroutes",
        16 => Reasmtimeout "reasmtimeout",
        17 => Reasmreqds "reasmreqds",
        18 => Reasmoks "reasmoks",
        19 => Reasmfails "reasmfails",
        20 => Fragoks "fragoks",
        21 => Fragfails "fragfails",
        22 => Fragcreates "fragcreates",
        23 => Inmcastpkts "inmcastpkts",
        24 => Outmcastpkts "outmcastpkts",
        25 => Inbcastpkts "inbcastpkts",
        26 => Outbcastpkts "outbcastpkts",
        27 => Inmcastoctets "inmcastoctets",
        28 => Outmcastoctets "outmcastoctets",
        29 => Inbcastoctets "inbcastoctets",
        30 => Outbcastoctets "outbcastoctets",
        31 => Csumerrors "csumerrors",
        32 => Noectpkts "noectpkts",
        33 => Ect1pkts "ect1pkts",
        34 => Ect0pkts "ect0pkts",
        35 => Cepkts "cepkts",
        36 => ReasmOverlaps "reasm_overlaps",
    }
}

impl TableIndex for Ipv6StatsMib {
    const FIRST: u16 = 0;
    const WHAT: &'static str = "IPv6 statistics";
    fn index_name(self) -> Option<&'static str> {
        self.name()
    }
}

/// `IFLA_INET6_STATS`: the device's IPv6 counters, a packed array of `u64`
/// whose element `i` is counter `IPSTATS_MIB_*` number `i`.
pub type Ipv6Stats = PackedTable<Ipv6StatsMib, u64>;

value_enum! {
    /// Index of an ICMPv6 counter (`ICMP6_MIB_*`, linux/snmp.h); named
    /// after the constant, in lower case. Element 0 (`num`) holds the
    /// number of counters.
    pub enum Icmp6StatsMib: u16 {
        0 => Num "num",
        1 => Inmsgs "inmsgs",
        2 => Inerrors "inerrors",
        3 => Outmsgs "outmsgs",
        4 => Outerrors "outerrors",
        5 => Csumerrors "csumerrors",
        6 => Ratelimithost "ratelimithost",
    }
}

impl TableIndex for Icmp6StatsMib {
    const FIRST: u16 = 0;
    const WHAT: &'static str = "ICMPv6 statistics";
    fn index_name(self) -> Option<&'static str> {
        self.name()
    }
}

/// `IFLA_INET6_ICMP6STATS`: the device's ICMPv6 counters, a packed array
/// of `u64` whose element `i` is counter `ICMP6_MIB_*` number `i`.
pub type Icmp6Stats = PackedTable<Icmp6StatsMib, u64>;

fixed_struct! {
    /// `struct ifla_cacheinfo` (linux/if_link.h), `IFLA_INET6_CACHEINFO`.
    pub struct Inet6CacheInfo {
        /// `max_reasm_len`: largest datagram reassembled.
        pub max_reasm_len: u32,
        /// `tstamp`: when the ipv6InterfaceTable entry was last updated.
        pub tstamp: u32,
        /// `reachable_time`: the neighbour discovery reachable time.
        pub reachable_time: u32,
        /// `retrans_time`: the neighbour discovery retransmission timer.
        pub retrans_time: u32,
    }
}

value_enum! {
    /// How IPv6 addresses are generated (`enum in6_addr_gen_mode`,
    /// linux/if_link.h); names as `ip link` prints them after `addrgenmode`.
    pub enum AddrGenMode: u8 {
        0 => Eui64 "eui64",
        1 => None "none",
        2 => StablePrivacy "stable_secret",
        3 => Random "random",
    }
}
