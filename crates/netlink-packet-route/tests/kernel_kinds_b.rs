//! Link kinds against this machine's kernel, in fresh namespaces.
//!
//! Of these kinds the kernel here can create only tun and tap (no gre, ipip,
//! sit, ip6tnl, vti, geneve, bareudp, xfrm, hsr, gtp, ipoib, can, ppp,
//! rmnet, mctp, dsa or wireguard driver: `ip link add` answers "Unknown
//! device type"). So:
//!
//! - tun and tap are created with `ip tuntap` and every key `ip -j -d link
//!   show` prints under `info_data` is compared with the decoded dump; a
//!   request built with these types is answered by the tun driver itself;
//! - every other kind gets a message built from the header layouts with
//!   every attribute of its set, which must round-trip, whose bytes are
//!   checked against the layouts, and which the kernel must refuse only
//!   for the missing driver ("Unknown device type").

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::*;
use netlink_packet_core::nla::{Attribute, Be16, Be32, Flag, MacAddr, Nested, NlaIter, RawAttr};
use netlink_packet_route::link::info::*;
use netlink_packet_route::link::{LinkAttr, LinkHeader, LinkInfo, LinkInfoNest, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_testkit::{in_new_netns, ip, ip_json, ip_ok};
use serde_json::Value;

/// An `RTM_NEWLINK` body: name, kind and (maybe) the kind's data.
fn new_link(name: &str, kind: &str, data: Option<InfoData>) -> LinkMessage {
    let mut infos = vec![LinkInfo::Kind(kind.into())];
    infos.extend(data.map(LinkInfo::Data));
    LinkMessage::new(
        LinkHeader::default(),
        vec![
            LinkAttr::IfName(name.into()),
            LinkAttr::LinkInfo(LinkInfoNest::new(infos)),
        ],
    )
}

/// The `IFLA_INFO_DATA` attribute numbered `kind` in the emitted payload
/// of `link`: its raw `nla_type` (flags included) and value bytes.
fn emitted(link: &LinkMessage, kind: u16) -> (u16, Vec<u8>) {
    let bytes = link.to_bytes();
    let linkinfo = NlaIter::new(&bytes[16..])
        .flatten()
        .find(|nla| nla.kind() == 18)
        .expect("IFLA_LINKINFO");
    let data = linkinfo
        .nested()
        .flatten()
        .find(|nla| nla.kind() == 2)
        .expect("IFLA_INFO_DATA");
    assert!(data.is_nested(), "built data nests carry NLA_F_NESTED");
    let nla = data
        .nested()
        .flatten()
        .find(|nla| nla.kind() == kind)
        .unwrap_or_else(|| panic!("attribute {kind} not emitted"));
    (nla.raw_kind(), nla.value().to_vec())
}

fn value(link: &LinkMessage, kind: u16) -> Vec<u8> {
    emitted(link, kind).1
}

/// Round trip through a whole netlink message, then the kernel's answer.
fn check_built(link: &LinkMessage, declared: usize) {
    let data_len = match link.link_info().and_then(|i| i.data()) {
        Some(InfoData::Gre(d)) => d.len(),
        Some(InfoData::IpTunnel(d)) => d.len(),
        Some(InfoData::Vti(d)) => d.len(),
        Some(InfoData::Geneve(d)) => d.len(),
        Some(InfoData::BareUdp(d)) => d.len(),
        Some(InfoData::Xfrm(d)) => d.len(),
        Some(InfoData::Hsr(d)) => d.len(),
        Some(InfoData::Gtp(d)) => d.len(),
        Some(InfoData::IpoIb(d)) => d.len(),
        Some(InfoData::Can(d)) => d.len(),
        Some(InfoData::Ppp(d)) => d.len(),
        Some(InfoData::Rmnet(d)) => d.len(),
        Some(InfoData::Mctp(d)) => d.len(),
        Some(InfoData::Dsa(d)) => d.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(data_len, declared, "{:?}: every attribute", link.kind());
    round_trip(RouteNetlinkMessage::NewLink(link.clone()));
}

fn refused_for_missing_driver(link: LinkMessage) {
    let kind = link.kind().unwrap_or("").to_string();
    let err = create_link(link).expect_err(&kind);
    assert_eq!(
        err.kernel_message(),
        Some("Unknown device type"),
        "{kind}: {err}"
    );
    assert_eq!(err.errno(), Some(95), "{kind}: EOPNOTSUPP");
}

fn gre_v4() -> LinkMessage {
    let data = vec![
        GreAttr::Link(7),
        GreAttr::IFlags(GreFlagsBe(GreFlags::KEY | GreFlags::SEQ)),
        GreAttr::OFlags(GreFlagsBe(GreFlags::KEY | GreFlags::CSUM)),
        GreAttr::IKey(Be32(0x0102_0304)),
        GreAttr::OKey(Be32(0x0a0b_0c0d)),
        GreAttr::Local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))),
        GreAttr::Remote(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 2))),
        GreAttr::Ttl(61),
        GreAttr::Tos(0x10),
        GreAttr::PmtuDisc(1),
        GreAttr::EncapLimit(5),
        GreAttr::FlowInfo(Be32(0x000a_bcde)),
        GreAttr::Flags(Ip6TunnelFlags::IGN_ENCAP_LIMIT | Ip6TunnelFlags::USE_ORIG_TCLASS),
        GreAttr::EncapType(TunnelEncapType::Fou),
        GreAttr::EncapFlags(TunnelEncapFlags::CSUM | TunnelEncapFlags::REMCSUM),
        GreAttr::EncapSport(Be16(4789)),
        GreAttr::EncapDport(Be16(5555)),
        GreAttr::CollectMetadata(Flag),
        GreAttr::IgnoreDf(1),
        GreAttr::Fwmark(0x77),
        GreAttr::ErspanIndex(1234),
        GreAttr::ErspanVer(2),
        GreAttr::ErspanDir(1),
        GreAttr::ErspanHwid(0x3f),
    ];
    new_link("g0", "gre", Some(InfoData::Gre(Nested::new(data))))
}

fn gre_v6(kind: &str) -> LinkMessage {
    let data = vec![
        GreAttr::Local(IpAddr::V6("2001:db8::1".parse().unwrap())),
        GreAttr::Remote(IpAddr::V6("2001:db8::2".parse().unwrap())),
        GreAttr::EncapLimit(4),
        GreAttr::FlowInfo(Be32(0x0012_3456)),
        GreAttr::Flags(Ip6TunnelFlags::RCV_DSCP_COPY),
        GreAttr::ErspanVer(1),
        GreAttr::ErspanIndex(99),
    ];
    new_link("g6", kind, Some(InfoData::Gre(Nested::new(data))))
}

#[test]
fn gre_family_built_from_the_header() {
    let v4 = gre_v4();
    check_built(&v4, 24);
    // __be16 flags: GRE_KEY | GRE_SEQ = __cpu_to_be16(0x3000) -> 30 00.
    assert_eq!(value(&v4, GreAttr::IFLAGS), [0x30, 0x00]);
    assert_eq!(value(&v4, GreAttr::OFLAGS), [0xa0, 0x00]);
    assert_eq!(value(&v4, GreAttr::IKEY), [1, 2, 3, 4]);
    assert_eq!(value(&v4, GreAttr::LOCAL), [192, 0, 2, 1]);
    assert_eq!(value(&v4, GreAttr::ENCAP_SPORT), 4789u16.to_be_bytes());
    assert_eq!(value(&v4, GreAttr::ENCAP_TYPE), 1u16.to_ne_bytes());
    assert_eq!(value(&v4, GreAttr::ENCAP_FLAGS), 5u16.to_ne_bytes());
    assert_eq!(value(&v4, GreAttr::FLAGS), 3u32.to_ne_bytes());
    assert_eq!(value(&v4, GreAttr::ENCAP_LIMIT), [5]);
    assert_eq!(value(&v4, GreAttr::ERSPAN_HWID), 0x3fu16.to_ne_bytes());
    assert_eq!(emitted(&v4, GreAttr::COLLECT_METADATA), (18, vec![]));
    let v6 = gre_v6("ip6erspan");
    check_built(&v6, 7);
    assert_eq!(
        value(&v6, GreAttr::LOCAL),
        "2001:db8::1".parse::<Ipv6Addr>().unwrap().octets()
    );
    assert_eq!(value(&v6, GreAttr::FLOWINFO), [0x00, 0x12, 0x34, 0x56]);
    in_new_netns(|| {
        refused_for_missing_driver(v4.clone());
        for kind in ["gretap", "erspan"] {
            let mut link = v4.clone();
            link.attrs[1] = LinkAttr::LinkInfo(LinkInfoNest::new(vec![
                LinkInfo::Kind(kind.into()),
                LinkInfo::Data(v4.link_info().unwrap().data().unwrap().clone()),
            ]));
            refused_for_missing_driver(link);
        }
        for kind in ["ip6gre", "ip6gretap", "ip6erspan"] {
            refused_for_missing_driver(gre_v6(kind));
        }
    });
}

fn sit() -> LinkMessage {
    let data = vec![
        IpTunnelAttr::Link(3),
        IpTunnelAttr::Local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10))),
        IpTunnelAttr::Remote(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 20))),
        IpTunnelAttr::Ttl(33),
        IpTunnelAttr::Tos(0x28),
        IpTunnelAttr::EncapLimit(2),
        IpTunnelAttr::FlowInfo(Be32(0x0000_beef)),
        IpTunnelAttr::Flags(IpTunnelFlags::Sit(SitFlags::ISATAP)),
        IpTunnelAttr::Proto(41),
        IpTunnelAttr::PmtuDisc(1),
        IpTunnelAttr::SixRdPrefix("2001:db8:100::".parse().unwrap()),
        IpTunnelAttr::SixRdRelayPrefix(Ipv4Addr::new(10, 1, 0, 0)),
        IpTunnelAttr::SixRdPrefixLen(40),
        IpTunnelAttr::SixRdRelayPrefixLen(16),
        IpTunnelAttr::EncapType(TunnelEncapType::Gue),
        IpTunnelAttr::EncapFlags(TunnelEncapFlags::CSUM6),
        IpTunnelAttr::EncapSport(Be16(1000)),
        IpTunnelAttr::EncapDport(Be16(6080)),
        IpTunnelAttr::CollectMetadata(Flag),
        IpTunnelAttr::Fwmark(0x99),
    ];
    new_link("t0", "sit", Some(InfoData::IpTunnel(Nested::new(data))))
}

#[test]
fn ip_tunnels_built_from_the_header() {
    let sit = sit();
    check_built(&sit, 20);
    // SIT_ISATAP is the raw 0x0001 of the field: native order, 2 bytes.
    assert_eq!(value(&sit, IpTunnelAttr::FLAGS), 1u16.to_ne_bytes());
    assert_eq!(
        value(&sit, IpTunnelAttr::SIXRD_PREFIX)[..6],
        [0x20, 0x01, 0x0d, 0xb8, 0x01, 0x00]
    );
    assert_eq!(value(&sit, IpTunnelAttr::SIXRD_RELAY_PREFIX), [10, 1, 0, 0]);
    assert_eq!(
        value(&sit, IpTunnelAttr::SIXRD_PREFIXLEN),
        40u16.to_ne_bytes()
    );
    assert_eq!(value(&sit, IpTunnelAttr::ENCAP_DPORT), [0x17, 0xc0]);
    assert_eq!(
        IpTunnelAttr::name_of(IpTunnelAttr::SIXRD_RELAY_PREFIXLEN),
        Some("IFLA_IPTUN_6RD_RELAY_PREFIXLEN")
    );
    let ip6 = new_link(
        "t6",
        "ip6tnl",
        Some(InfoData::IpTunnel(Nested::new(vec![
            IpTunnelAttr::Local(IpAddr::V6("2001:db8::a".parse().unwrap())),
            IpTunnelAttr::Remote(IpAddr::V6("2001:db8::b".parse().unwrap())),
            IpTunnelAttr::Flags(IpTunnelFlags::Ip6(
                Ip6TunnelFlags::USE_ORIG_FLOWLABEL | Ip6TunnelFlags::ALLOW_LOCAL_REMOTE,
            )),
            IpTunnelAttr::Proto(4),
        ]))),
    );
    check_built(&ip6, 4);
    // ip6tnl flags are 32 bits (IP6_TNL_F_*).
    assert_eq!(value(&ip6, IpTunnelAttr::FLAGS), 0x44u32.to_ne_bytes());
    assert_eq!(value(&ip6, IpTunnelAttr::REMOTE).len(), 16);
    let ipip = new_link(
        "t4",
        "ipip",
        Some(InfoData::IpTunnel(Nested::new(vec![
            IpTunnelAttr::Remote(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7))),
            IpTunnelAttr::Ttl(9),
        ]))),
    );
    check_built(&ipip, 2);
    let vti = new_link(
        "v4",
        "vti",
        Some(InfoData::Vti(Nested::new(vec![
            VtiAttr::Link(2),
            VtiAttr::IKey(Be32(0x11)),
            VtiAttr::OKey(Be32(0x2200)),
            VtiAttr::Local(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 5))),
            VtiAttr::Remote(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 6))),
            VtiAttr::Fwmark(12),
        ]))),
    );
    check_built(&vti, 6);
    assert_eq!(value(&vti, VtiAttr::OKEY), [0, 0, 0x22, 0]);
    let vti6 = new_link(
        "v6",
        "vti6",
        Some(InfoData::Vti(Nested::new(vec![
            VtiAttr::Local(IpAddr::V6("2001:db8::5".parse().unwrap())),
            VtiAttr::Remote(IpAddr::V6("2001:db8::6".parse().unwrap())),
        ]))),
    );
    check_built(&vti6, 2);
    in_new_netns(|| {
        for link in [sit, ip6, ipip, vti, vti6] {
            refused_for_missing_driver(link);
        }
    });
}

#[test]
fn udp_tunnels_built_from_the_header() {
    let geneve = new_link(
        "gn0",
        "geneve",
        Some(InfoData::Geneve(Nested::new(vec![
            GeneveAttr::Id(0x00ab_cdef),
            GeneveAttr::Remote(Ipv4Addr::new(192, 0, 2, 44)),
            GeneveAttr::Ttl(17),
            GeneveAttr::Tos(1),
            GeneveAttr::Port(Be16(6081)),
            GeneveAttr::CollectMetadata(Flag),
            GeneveAttr::Remote6("2001:db8::44".parse().unwrap()),
            GeneveAttr::UdpCsum(1),
            GeneveAttr::UdpZeroCsum6Tx(1),
            GeneveAttr::UdpZeroCsum6Rx(0),
            GeneveAttr::Label(Be32(0x000f_edcb)),
            GeneveAttr::TtlInherit(1),
            GeneveAttr::Df(GeneveDf::Inherit),
            GeneveAttr::InnerProtoInherit(Flag),
            GeneveAttr::PortRange(GenevePortRange {
                low: Be16(40000),
                high: Be16(50000),
                extra: Default::default(),
            }),
        ]))),
    );
    check_built(&geneve, 15);
    assert_eq!(value(&geneve, GeneveAttr::PORT), [0x17, 0xc1]);
    assert_eq!(value(&geneve, GeneveAttr::REMOTE), [192, 0, 2, 44]);
    assert_eq!(value(&geneve, GeneveAttr::DF), [2]);
    // struct ifla_geneve_port_range: low at 0, high at 2, both big-endian.
    let range = value(&geneve, GeneveAttr::PORT_RANGE);
    assert_eq!(range[..2], 40000u16.to_be_bytes());
    assert_eq!(range[2..], 50000u16.to_be_bytes());
    let bareudp = new_link(
        "b0",
        "bareudp",
        Some(InfoData::BareUdp(Nested::new(vec![
            BareUdpAttr::Port(Be16(6635)),
            BareUdpAttr::Ethertype(Be16(0x8847)),
            BareUdpAttr::SrcportMin(20000),
            BareUdpAttr::MultiprotoMode(Flag),
        ]))),
    );
    check_built(&bareudp, 4);
    assert_eq!(value(&bareudp, BareUdpAttr::ETHERTYPE), [0x88, 0x47]);
    assert_eq!(
        value(&bareudp, BareUdpAttr::SRCPORT_MIN),
        20000u16.to_ne_bytes()
    );
    let xfrm = new_link(
        "x0",
        "xfrm",
        Some(InfoData::Xfrm(Nested::new(vec![
            XfrmAttr::Link(1),
            XfrmAttr::IfId(0xdead),
            XfrmAttr::CollectMetadata(Flag),
        ]))),
    );
    check_built(&xfrm, 3);
    assert_eq!(value(&xfrm, XfrmAttr::IF_ID), 0xdeadu32.to_ne_bytes());
    let gtp = new_link(
        "gt0",
        "gtp",
        Some(InfoData::Gtp(Nested::new(vec![
            GtpAttr::Fd0(10),
            GtpAttr::Fd1(11),
            GtpAttr::PdpHashsize(2048),
            GtpAttr::Role(GtpRole::Sgsn),
            GtpAttr::CreateSockets(1),
            GtpAttr::RestartCount(3),
        ]))),
    );
    check_built(&gtp, 6);
    assert_eq!(value(&gtp, GtpAttr::ROLE), 1u32.to_ne_bytes());
    assert_eq!(value(&gtp, GtpAttr::RESTART_COUNT), [3]);
    in_new_netns(|| {
        for link in [geneve, bareudp, xfrm, gtp] {
            refused_for_missing_driver(link);
        }
    });
}

#[test]
fn port_and_device_kinds_built_from_the_header() {
    let hsr = new_link(
        "h0",
        "hsr",
        Some(InfoData::Hsr(Nested::new(vec![
            HsrAttr::Slave1(2),
            HsrAttr::Slave2(3),
            HsrAttr::MulticastSpec(0x2a),
            HsrAttr::SupervisionAddr(MacAddr([0x01, 0x15, 0x4e, 0x00, 0x01, 0x2a])),
            HsrAttr::SeqNr(0x1234),
            HsrAttr::Version(1),
            HsrAttr::Protocol(HsrProtocol::Prp),
            HsrAttr::Interlink(4),
        ]))),
    );
    check_built(&hsr, 8);
    assert_eq!(
        value(&hsr, HsrAttr::SUPERVISION_ADDR),
        [0x01, 0x15, 0x4e, 0x00, 0x01, 0x2a]
    );
    assert_eq!(value(&hsr, HsrAttr::SEQ_NR), 0x1234u16.to_ne_bytes());
    assert_eq!(value(&hsr, HsrAttr::PROTOCOL), [1]);
    let ipoib = new_link(
        "ib0",
        "ipoib",
        Some(InfoData::IpoIb(Nested::new(vec![
            IpoIbAttr::Pkey(0x8001),
            IpoIbAttr::Mode(IpoIbMode::Connected),
            IpoIbAttr::Umcast(1),
        ]))),
    );
    check_built(&ipoib, 3);
    assert_eq!(value(&ipoib, IpoIbAttr::PKEY), 0x8001u16.to_ne_bytes());
    assert_eq!(value(&ipoib, IpoIbAttr::MODE), 1u16.to_ne_bytes());
    let ppp = new_link(
        "p0",
        "ppp",
        Some(InfoData::Ppp(Nested::new(vec![PppAttr::DevFd(-1)]))),
    );
    check_built(&ppp, 1);
    assert_eq!(value(&ppp, PppAttr::DEV_FD), [0xff; 4]);
    let rmnet = new_link(
        "r0",
        "rmnet",
        Some(InfoData::Rmnet(Nested::new(vec![
            RmnetAttr::MuxId(0x21),
            RmnetAttr::Flags(RmnetFlags {
                flags: RmnetFlagBits::INGRESS_DEAGGREGATION | RmnetFlagBits::EGRESS_MAP_CKSUMV5,
                mask: RmnetFlagBits(0x3f),
                extra: Default::default(),
            }),
        ]))),
    );
    check_built(&rmnet, 2);
    // struct ifla_rmnet_flags: flags at 0, mask at 4.
    let flags = value(&rmnet, RmnetAttr::FLAGS);
    assert_eq!(flags[..4], 0x21u32.to_ne_bytes());
    assert_eq!(flags[4..], 0x3fu32.to_ne_bytes());
    let mctp = new_link(
        "m0",
        "mctp",
        Some(InfoData::Mctp(Nested::new(vec![
            MctpAttr::Net(42),
            MctpAttr::PhysBinding(5),
        ]))),
    );
    check_built(&mctp, 2);
    let dsa = new_link(
        "ds0",
        "dsa",
        Some(InfoData::Dsa(Nested::new(vec![DsaAttr::Master(9)]))),
    );
    check_built(&dsa, 1);
    assert_eq!(value(&dsa, DsaAttr::MASTER), 9u32.to_ne_bytes());
    let mut prp = hsr.clone();
    prp.attrs[1] = LinkAttr::LinkInfo(LinkInfoNest::new(vec![LinkInfo::Kind("prp".into())]));
    in_new_netns(|| {
        for link in [hsr, prp, ipoib, ppp, rmnet, mctp, dsa] {
            refused_for_missing_driver(link);
        }
    });
}

fn timing(bitrate: u32) -> CanBittiming {
    CanBittiming {
        bitrate,
        sample_point: 875,
        tq: 125,
        prop_seg: 6,
        phase_seg1: 7,
        phase_seg2: 2,
        sjw: 1,
        brp: 3,
        extra: Default::default(),
    }
}

fn timing_const(tseg1_max: u32) -> CanBittimingConst {
    let mut name = [0u8; 16];
    name[..7].copy_from_slice(b"mcp251x");
    CanBittimingConst {
        name,
        tseg1_min: 3,
        tseg1_max,
        tseg2_min: 2,
        tseg2_max: 8,
        sjw_max: 4,
        brp_min: 1,
        brp_max: 64,
        brp_inc: 1,
        extra: Default::default(),
    }
}

#[test]
fn can_built_from_the_header() {
    let tdc = Nested::new(vec![
        CanTdcAttr::TdcvMin(0),
        CanTdcAttr::TdcvMax(127),
        CanTdcAttr::TdcoMin(1),
        CanTdcAttr::TdcoMax(63),
        CanTdcAttr::TdcfMin(2),
        CanTdcAttr::TdcfMax(31),
        CanTdcAttr::Tdcv(12),
        CanTdcAttr::Tdco(13),
        CanTdcAttr::Tdcf(14),
    ]);
    let mode = CanCtrlModeFlags::FD | CanCtrlModeFlags::TDC_AUTO;
    let can = new_link(
        "c0",
        "can",
        Some(InfoData::Can(Nested::new(vec![
            CanAttr::Bittiming(timing(500_000)),
            CanAttr::BittimingConst(timing_const(16)),
            CanAttr::Clock(CanClock {
                freq: 80_000_000,
                extra: Default::default(),
            }),
            CanAttr::State(CanState::ErrorPassive),
            CanAttr::CtrlMode(CanCtrlMode {
                mask: mode | CanCtrlModeFlags::LOOPBACK,
                flags: mode,
                extra: Default::default(),
            }),
            CanAttr::RestartMs(100),
            CanAttr::Restart(1),
            CanAttr::BerrCounter(CanBerrCounter {
                txerr: 5,
                rxerr: 9,
                extra: Default::default(),
            }),
            CanAttr::DataBittiming(timing(2_000_000)),
            CanAttr::DataBittimingConst(timing_const(32)),
            CanAttr::Termination(120),
            CanAttr::TerminationConst(ScalarArray(vec![0, 120])),
            CanAttr::BitrateConst(ScalarArray(vec![125_000, 250_000, 500_000])),
            CanAttr::DataBitrateConst(ScalarArray(vec![2_000_000, 5_000_000])),
            CanAttr::BitrateMax(8_000_000),
            CanAttr::Tdc(tdc),
            CanAttr::CtrlModeExt(Nested::new(vec![CanCtrlModeExtAttr::Supported(
                CanCtrlModeFlags(0x7ff),
            )])),
        ]))),
    );
    check_built(&can, 17);
    // struct can_bittiming: bitrate at 0, sjw at 24, brp at 28.
    let bt = value(&can, CanAttr::BITTIMING);
    assert_eq!(bt.len(), 32);
    assert_eq!(bt[..4], 500_000u32.to_ne_bytes());
    assert_eq!(bt[24..28], 1u32.to_ne_bytes());
    assert_eq!(bt[28..], 3u32.to_ne_bytes());
    // struct can_bittiming_const: name[16], then tseg1_min at 16.
    let btc = value(&can, CanAttr::BITTIMING_CONST);
    assert_eq!(btc.len(), 48);
    assert_eq!(&btc[..8], b"mcp251x\0");
    assert_eq!(btc[16..20], 3u32.to_ne_bytes());
    assert_eq!(btc[44..], 1u32.to_ne_bytes());
    // struct can_ctrlmode: mask first, then flags.
    let cm = value(&can, CanAttr::CTRLMODE);
    assert_eq!(cm[..4], 0x221u32.to_ne_bytes());
    assert_eq!(cm[4..], 0x220u32.to_ne_bytes());
    // struct can_berr_counter: txerr, rxerr (u16 each).
    let berr = value(&can, CanAttr::BERR_COUNTER);
    assert_eq!(berr, [5u16.to_ne_bytes(), 9u16.to_ne_bytes()].concat());
    assert_eq!(value(&can, CanAttr::STATE), 2u32.to_ne_bytes());
    assert_eq!(
        value(&can, CanAttr::TERMINATION_CONST),
        [0u16.to_ne_bytes(), 120u16.to_ne_bytes()].concat()
    );
    assert_eq!(value(&can, CanAttr::BITRATE_CONST).len(), 12);
    // The TDC nest is flagged NLA_F_NESTED and holds u32 values.
    let (raw_kind, tdc) = emitted(&can, CanAttr::TDC);
    assert_eq!(raw_kind, 0x8000 | 16);
    let tdcv = NlaIter::new(&tdc)
        .flatten()
        .find(|n| n.kind() == 7)
        .unwrap();
    assert_eq!(tdcv.as_u32().unwrap(), 12);
    match can.link_info().and_then(|i| i.data()) {
        Some(InfoData::Can(data)) => match &data[1] {
            CanAttr::BittimingConst(c) => assert_eq!(c.name_str(), "mcp251x"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    in_new_netns(|| {
        refused_for_missing_driver(can.clone());
        // vcan and vxcan take no data; they are missing too.
        refused_for_missing_driver(new_link("vc0", "vcan", None));
    });
}

#[test]
fn wireguard_is_kind_only() {
    let wg = new_link("wg0", "wireguard", None);
    round_trip(RouteNetlinkMessage::NewLink(wg.clone()));
    assert_eq!(wg.kind(), Some("wireguard"));
    assert!(wg.link_info().unwrap().data().is_none());
    // Should a wireguard link ever carry data, it has no declared set: it
    // stays InfoData::Other, byte for byte.
    let raw = RawAttr {
        raw_kind: 0x8000 | 2,
        value: vec![8, 0, 1, 0, 0xca, 0xfe, 0, 0].into(),
    };
    let with_data = new_link("wg1", "wireguard", Some(InfoData::Other(raw.clone())));
    match round_trip(RouteNetlinkMessage::NewLink(with_data)) {
        RouteNetlinkMessage::NewLink(link) => {
            assert_eq!(
                link.link_info().unwrap().data(),
                Some(&InfoData::Other(raw))
            );
        }
        other => panic!("{other:?}"),
    }
    in_new_netns(|| refused_for_missing_driver(wg));
}

/// `name` for id `id` in `/etc/passwd` or `/etc/group`.
fn id_name(file: &str, id: u64) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.len() > 2 && fields[2].parse::<u64>().ok() == Some(id))
            .then(|| fields[0].to_string())
    })
}

/// ip prints an owner as a name when the id has one, else as the number.
fn assert_owner(json: &Value, file: &str, id: Option<u32>, what: &str) {
    match (json, id) {
        (Value::Null, None) => {}
        (Value::String(name), Some(id)) => {
            assert_eq!(Some(name.clone()), id_name(file, id.into()), "{what}")
        }
        (Value::Number(n), Some(id)) => assert_eq!(n.as_u64(), Some(id.into()), "{what}"),
        other => panic!("{what}: ip {:?}, dump {:?}", other.0, other.1),
    }
}

/// Compares every key `ip -j -d link show dev NAME` prints under
/// `linkinfo.info_data` with the decoded tun data.
fn compare_tun(name: &str) -> Vec<TunAttr> {
    let link = link_named(name);
    assert_eq!(link.kind(), Some("tun"));
    let data = match link.link_info().and_then(|i| i.data()) {
        Some(InfoData::Tun(data)) => data.attrs.to_vec(),
        other => panic!("{name}: {other:?}"),
    };
    let json = ip_json(&format!("-d link show dev {name}"));
    let info = &json[0]["linkinfo"]["info_data"];
    let find = |kind: u16| data.iter().find(|a| a.kind() == kind);
    let flag = |kind: u16| match find(kind) {
        Some(TunAttr::Pi(v) | TunAttr::VnetHdr(v) | TunAttr::Persist(v))
        | Some(TunAttr::MultiQueue(v)) => Some(*v != 0),
        _ => None,
    };
    let number = |kind: u16| match find(kind) {
        Some(TunAttr::Owner(v) | TunAttr::Group(v))
        | Some(TunAttr::NumQueues(v) | TunAttr::NumDisabledQueues(v)) => Some(*v),
        _ => None,
    };
    for (key, value) in info.as_object().expect("info_data") {
        match key.as_str() {
            "type" => match find(TunAttr::TYPE) {
                Some(TunAttr::Type(t)) => assert_eq!(value.as_str(), t.name(), "{name}"),
                other => panic!("{name}: {other:?}"),
            },
            "pi" => assert_eq!(value.as_bool(), flag(TunAttr::PI), "{name} pi"),
            "vnet_hdr" => assert_eq!(value.as_bool(), flag(TunAttr::VNET_HDR), "{name}"),
            "multi_queue" => assert_eq!(value.as_bool(), flag(TunAttr::MULTI_QUEUE), "{name}"),
            "persist" => assert_eq!(value.as_bool(), flag(TunAttr::PERSIST), "{name}"),
            "numqueues" => assert_eq!(
                value.as_u64(),
                number(TunAttr::NUM_QUEUES).map(u64::from),
                "{name}"
            ),
            "numdisabled" => assert_eq!(
                value.as_u64(),
                number(TunAttr::NUM_DISABLED_QUEUES).map(u64::from),
                "{name}"
            ),
            "user" | "group" => {}
            other => panic!("{name}: ip prints {other}, not compared"),
        }
    }
    assert_owner(&info["user"], "/etc/passwd", number(TunAttr::OWNER), name);
    assert_owner(&info["group"], "/etc/group", number(TunAttr::GROUP), name);
    // ip prints the queue counts only for multiqueue devices.
    assert_eq!(
        info.get("numqueues").is_some(),
        flag(TunAttr::MULTI_QUEUE) == Some(true)
    );
    data
}

#[test]
fn tun_and_tap_created_by_ip_match_ip_json() {
    in_new_netns(|| {
        ip("tuntap add tun0 mode tun user 4242 group 4343 multi_queue vnet_hdr");
        ip("tuntap add tap0 mode tap pi user 0 group 0");
        ip("tuntap add tap1 mode tap");
        let tun0 = compare_tun("tun0");
        assert!(tun0.contains(&TunAttr::Owner(4242)));
        assert!(tun0.contains(&TunAttr::Group(4343)));
        assert!(tun0.contains(&TunAttr::VnetHdr(1)));
        assert!(tun0.contains(&TunAttr::MultiQueue(1)));
        let tap0 = compare_tun("tap0");
        assert!(tap0.contains(&TunAttr::Type(TunType::Tap)));
        assert!(tap0.contains(&TunAttr::Pi(1)));
        assert!(tap0.contains(&TunAttr::Owner(0)));
        let tap1 = compare_tun("tap1");
        assert!(!tap1.iter().any(|a| a.kind() == TunAttr::OWNER));
    });
}

#[test]
fn tun_request_built_with_these_types() {
    let wanted = vec![
        TunAttr::Type(TunType::Tap),
        TunAttr::Owner(4242),
        TunAttr::Group(4343),
        TunAttr::Pi(1),
        TunAttr::VnetHdr(1),
        TunAttr::Persist(1),
        TunAttr::MultiQueue(1),
    ];
    let request = new_link(
        "tq0",
        "tun",
        Some(InfoData::Tun(Nested::new(wanted.clone()))),
    );
    round_trip(RouteNetlinkMessage::NewLink(request.clone()));
    assert_eq!(value(&request, TunAttr::TYPE), [2]);
    assert_eq!(value(&request, TunAttr::OWNER), 4242u32.to_ne_bytes());
    in_new_netns(|| {
        // The tun driver exists here but refuses rtnetlink creation in its
        // validate hook: the request reached the driver, past the generic
        // LINKINFO checks.
        let err = create_link(request.clone()).unwrap_err();
        assert_eq!(err.errno(), Some(95), "{err}");
        assert_eq!(
            err.kernel_message(),
            Some("tun/tap creation via rtnetlink is not supported."),
            "{err}"
        );
        assert!(ip_ok("link show dev tq0").is_err(), "nothing was created");
        // The same options through /dev/net/tun: the kernel then reports
        // exactly the attributes the request carried, with the queue
        // counters it adds, and ip shows the options in effect.
        ip("tuntap add tq0 mode tap user 4242 group 4343 pi vnet_hdr multi_queue");
        let reported = compare_tun("tq0");
        let settable: Vec<TunAttr> = reported
            .iter()
            .filter(|a| a.kind() < TunAttr::NUM_QUEUES)
            .cloned()
            .collect();
        let mut sorted_wanted = wanted.clone();
        sorted_wanted.sort_by_key(|a| a.kind());
        let mut sorted_reported = settable.clone();
        sorted_reported.sort_by_key(|a| a.kind());
        assert_eq!(sorted_reported, sorted_wanted);
        let info = ip_json("-d link show dev tq0")[0]["linkinfo"]["info_data"].clone();
        assert_eq!(info["type"], "tap");
        assert_eq!(info["pi"], true);
        assert_eq!(info["vnet_hdr"], true);
        assert_eq!(info["multi_queue"], true);
        assert_eq!(info["persist"], true);
    });
}
