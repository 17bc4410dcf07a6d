//! `IFLA_LINKINFO`: the link kind and its parameters (`IFLA_INFO_*`,
//! linux/if_link.h). One module per kind's attribute set; this one picks the
//! set from the kind string, which is why the nest is not a plain declared
//! set: `IFLA_INFO_DATA` means something different for every kind.

mod amt;
mod bareudp;
mod batadv;
mod bond;
mod bridge;
mod bridge_port;
mod caif;
mod can;
mod dsa;
mod geneve;
mod gre;
mod gtp;
mod hsr;
mod ipoib;
mod iptunnel;
mod ipvlan;
mod macsec;
mod macvlan;
mod mctp;
mod ppp;
mod rmnet;
mod tun;
mod veth;
mod vlan;
mod vrf;
mod vti;
mod vxcan;
mod vxlan;
mod wwan;
mod xfrm;

pub use amt::*;
pub use bareudp::*;
pub use batadv::*;
pub use bond::*;
pub use bridge::*;
pub use bridge_port::*;
pub use caif::*;
pub use can::*;
pub use dsa::*;
pub use geneve::*;
pub use gre::*;
pub use gtp::*;
pub use hsr::*;
pub use ipoib::*;
pub use iptunnel::*;
pub use ipvlan::*;
pub use macsec::*;
pub use macvlan::*;
pub use mctp::*;
pub use ppp::*;
pub use rmnet::*;
pub use tun::*;
pub use veth::*;
pub use vlan::*;
pub use vrf::*;
pub use vti::*;
pub use vxcan::*;
pub use vxlan::*;
pub use wwan::*;
pub use xfrm::*;

use netlink_packet_core::nla::{
    attrs_len, count_attrs, emit_attrs, nest_flags, AttrValue, Attribute, Described, DescribedAttr,
    Nested, Nla, RawAttr, ShortString,
};
use netlink_packet_core::DecodeError;

/// `IFLA_INFO_KIND`.
pub const IFLA_INFO_KIND: u16 = 1;
/// `IFLA_INFO_DATA`.
pub const IFLA_INFO_DATA: u16 = 2;
/// `IFLA_INFO_XSTATS`.
pub const IFLA_INFO_XSTATS: u16 = 3;
/// `IFLA_INFO_SLAVE_KIND`.
pub const IFLA_INFO_SLAVE_KIND: u16 = 4;
/// `IFLA_INFO_SLAVE_DATA`.
pub const IFLA_INFO_SLAVE_DATA: u16 = 5;

/// The parameters of a link kind (`IFLA_INFO_DATA`), by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum InfoData {
    /// `veth`.
    Veth(Nested<VethAttr>),
    /// `bridge`.
    Bridge(Nested<BridgeAttr>),
    /// `bond`.
    Bond(Nested<BondAttr>),
    /// `vlan`.
    Vlan(Nested<VlanAttr>),
    /// `vxlan`.
    Vxlan(Nested<VxlanAttr>),
    /// `macvlan` and `macvtap`.
    MacVlan(Nested<MacVlanAttr>),
    /// `ipvlan` and `ipvtap`.
    IpVlan(Nested<IpVlanAttr>),
    /// `vrf`.
    Vrf(Nested<VrfAttr>),
    /// `macsec`.
    MacSec(Nested<MacSecAttr>),
    /// `gre`, `gretap`, `erspan`, `ip6gre`, `ip6gretap`, `ip6erspan`.
    Gre(Nested<GreAttr>),
    /// `ipip`, `sit`, `ip6tnl`.
    IpTunnel(Nested<IpTunnelAttr>),
    /// `vti`, `vti6`.
    Vti(Nested<VtiAttr>),
    /// `geneve`.
    Geneve(Nested<GeneveAttr>),
    /// `bareudp`.
    BareUdp(Nested<BareUdpAttr>),
    /// `tun` (tun and tap devices).
    Tun(Nested<TunAttr>),
    /// `xfrm`.
    Xfrm(Nested<XfrmAttr>),
    /// `hsr` and `prp`.
    Hsr(Nested<HsrAttr>),
    /// `gtp`.
    Gtp(Nested<GtpAttr>),
    /// `ipoib`.
    IpoIb(Nested<IpoIbAttr>),
    /// `can`.
    Can(Nested<CanAttr>),
    /// `ppp`.
    Ppp(Nested<PppAttr>),
    /// `rmnet`.
    Rmnet(Nested<RmnetAttr>),
    /// `mctp`.
    Mctp(Nested<MctpAttr>),
    /// `dsa`.
    Dsa(Nested<DsaAttr>),
    /// `vxcan`.
    Vxcan(Nested<VxcanAttr>),
    /// `amt`.
    Amt(Nested<AmtAttr>),
    /// `wwan`.
    Wwan(Nested<WwanAttr>),
    /// `caif`.
    Caif(Nested<CaifAttr>),
    /// `batadv`.
    Batadv(Nested<BatadvAttr>),
    /// A kind without a declared set (or a kind that sends no data, such as
    /// `wireguard`, `dummy`, `ifb`), kept byte for byte.
    Other(RawAttr),
}

/// Parses `nla` (an `IFLA_INFO_DATA`) as the set of `kind`.
fn parse_data(kind: Option<&str>, nla: &Nla<'_>) -> Result<InfoData, DecodeError> {
    fn nested<A: Attribute>(nla: &Nla<'_>) -> Result<Nested<A>, DecodeError> {
        Nested::<A>::parse(nla)
    }
    Ok(match kind.unwrap_or("") {
        "veth" => InfoData::Veth(nested(nla)?),
        "bridge" => InfoData::Bridge(nested(nla)?),
        "bond" => InfoData::Bond(nested(nla)?),
        "vlan" => InfoData::Vlan(nested(nla)?),
        "vxlan" => InfoData::Vxlan(nested(nla)?),
        "macvlan" | "macvtap" => InfoData::MacVlan(nested(nla)?),
        "ipvlan" | "ipvtap" => InfoData::IpVlan(nested(nla)?),
        "vrf" => InfoData::Vrf(nested(nla)?),
        "macsec" => InfoData::MacSec(nested(nla)?),
        "gre" | "gretap" | "erspan" | "ip6gre" | "ip6gretap" | "ip6erspan" => {
            InfoData::Gre(nested(nla)?)
        }
        "ipip" | "sit" | "ip6tnl" => InfoData::IpTunnel(nested(nla)?),
        "vti" | "vti6" => InfoData::Vti(nested(nla)?),
        "geneve" => InfoData::Geneve(nested(nla)?),
        "bareudp" => InfoData::BareUdp(nested(nla)?),
        "tun" => InfoData::Tun(nested(nla)?),
        "xfrm" => InfoData::Xfrm(nested(nla)?),
        "hsr" | "prp" => InfoData::Hsr(nested(nla)?),
        "gtp" => InfoData::Gtp(nested(nla)?),
        "ipoib" => InfoData::IpoIb(nested(nla)?),
        "can" => InfoData::Can(nested(nla)?),
        "ppp" => InfoData::Ppp(nested(nla)?),
        "rmnet" => InfoData::Rmnet(nested(nla)?),
        "mctp" => InfoData::Mctp(nested(nla)?),
        "dsa" => InfoData::Dsa(nested(nla)?),
        "vxcan" => InfoData::Vxcan(nested(nla)?),
        "amt" => InfoData::Amt(nested(nla)?),
        "wwan" => InfoData::Wwan(nested(nla)?),
        "caif" => InfoData::Caif(nested(nla)?),
        "batadv" => InfoData::Batadv(nested(nla)?),
        _ => InfoData::Other(RawAttr::from(nla)),
    })
}

macro_rules! for_each_data {
    ($data:expr, $v:ident => $body:expr, $raw:ident => $other:expr) => {
        match $data {
            InfoData::Veth($v) => $body,
            InfoData::Bridge($v) => $body,
            InfoData::Bond($v) => $body,
            InfoData::Vlan($v) => $body,
            InfoData::Vxlan($v) => $body,
            InfoData::MacVlan($v) => $body,
            InfoData::IpVlan($v) => $body,
            InfoData::Vrf($v) => $body,
            InfoData::MacSec($v) => $body,
            InfoData::Gre($v) => $body,
            InfoData::IpTunnel($v) => $body,
            InfoData::Vti($v) => $body,
            InfoData::Geneve($v) => $body,
            InfoData::BareUdp($v) => $body,
            InfoData::Tun($v) => $body,
            InfoData::Xfrm($v) => $body,
            InfoData::Hsr($v) => $body,
            InfoData::Gtp($v) => $body,
            InfoData::IpoIb($v) => $body,
            InfoData::Can($v) => $body,
            InfoData::Ppp($v) => $body,
            InfoData::Rmnet($v) => $body,
            InfoData::Mctp($v) => $body,
            InfoData::Dsa($v) => $body,
            InfoData::Vxcan($v) => $body,
            InfoData::Amt($v) => $body,
            InfoData::Wwan($v) => $body,
            InfoData::Caif($v) => $body,
            InfoData::Batadv($v) => $body,
            InfoData::Other($raw) => $other,
        }
    };
}

/// Parameters a master gives each of its ports (`IFLA_INFO_SLAVE_DATA`),
/// by the master's kind (`IFLA_INFO_SLAVE_KIND`).
#[derive(Debug, Clone, PartialEq)]
pub enum InfoSlaveData {
    /// A bridge port.
    Bridge(Nested<BridgePortAttr>),
    /// A bond port.
    Bond(Nested<BondSlaveAttr>),
    /// A VRF port.
    Vrf(Nested<VrfPortAttr>),
    /// Another master kind, kept byte for byte.
    Other(RawAttr),
}

fn parse_slave_data(kind: Option<&str>, nla: &Nla<'_>) -> Result<InfoSlaveData, DecodeError> {
    Ok(match kind.unwrap_or("") {
        "bridge" => InfoSlaveData::Bridge(Nested::parse(nla)?),
        "bond" => InfoSlaveData::Bond(Nested::parse(nla)?),
        "vrf" => InfoSlaveData::Vrf(Nested::parse(nla)?),
        _ => InfoSlaveData::Other(RawAttr::from(nla)),
    })
}

/// One attribute of `IFLA_LINKINFO` (`IFLA_INFO_*`).
#[derive(Debug, Clone, PartialEq)]
pub enum LinkInfo {
    /// `IFLA_INFO_KIND`: the kind, `"veth"`, `"bridge"`, ...
    Kind(ShortString),
    /// `IFLA_INFO_DATA`: the kind's parameters.
    Data(InfoData),
    /// `IFLA_INFO_XSTATS`: kind-specific statistics, as bytes.
    Xstats(Vec<u8>),
    /// `IFLA_INFO_SLAVE_KIND`: the master's kind, for a port.
    SlaveKind(ShortString),
    /// `IFLA_INFO_SLAVE_DATA`: the port's parameters.
    SlaveData(InfoSlaveData),
    /// Any other attribute, kept byte for byte.
    Unknown(RawAttr),
}

/// Context-free decoding, used where the kind is unknown (a lone
/// attribute): data and slave data stay raw. [`LinkInfoNest`] decodes them
/// by kind.
impl Attribute for LinkInfo {
    type Ref<'a> = Nla<'a>;

    const SET_NAME: &'static str = "LinkInfo";

    fn name_of(kind: u16) -> Option<&'static str> {
        Some(match kind {
            IFLA_INFO_KIND => "IFLA_INFO_KIND",
            IFLA_INFO_DATA => "IFLA_INFO_DATA",
            IFLA_INFO_XSTATS => "IFLA_INFO_XSTATS",
            IFLA_INFO_SLAVE_KIND => "IFLA_INFO_SLAVE_KIND",
            IFLA_INFO_SLAVE_DATA => "IFLA_INFO_SLAVE_DATA",
            _ => return None,
        })
    }

    fn kind(&self) -> u16 {
        match self {
            LinkInfo::Kind(_) => IFLA_INFO_KIND,
            LinkInfo::Data(_) => IFLA_INFO_DATA,
            LinkInfo::Xstats(_) => IFLA_INFO_XSTATS,
            LinkInfo::SlaveKind(_) => IFLA_INFO_SLAVE_KIND,
            LinkInfo::SlaveData(_) => IFLA_INFO_SLAVE_DATA,
            LinkInfo::Unknown(raw) => raw.kind(),
        }
    }

    fn header_flags(&self) -> u16 {
        match self {
            LinkInfo::Data(data) => {
                for_each_data!(data, v => nest_flags(v.flagged), raw => raw.flags())
            }
            LinkInfo::SlaveData(InfoSlaveData::Bridge(v)) => nest_flags(v.flagged),
            LinkInfo::SlaveData(InfoSlaveData::Bond(v)) => nest_flags(v.flagged),
            LinkInfo::SlaveData(InfoSlaveData::Vrf(v)) => nest_flags(v.flagged),
            LinkInfo::SlaveData(InfoSlaveData::Other(raw)) | LinkInfo::Unknown(raw) => raw.flags(),
            _ => 0,
        }
    }

    fn value_len(&self) -> usize {
        match self {
            LinkInfo::Kind(s) | LinkInfo::SlaveKind(s) => s.value_len(),
            LinkInfo::Data(data) => {
                for_each_data!(data, v => attrs_len(&v.attrs), raw => raw.value.len())
            }
            LinkInfo::Xstats(b) => b.len(),
            LinkInfo::SlaveData(InfoSlaveData::Bridge(v)) => attrs_len(&v.attrs),
            LinkInfo::SlaveData(InfoSlaveData::Bond(v)) => attrs_len(&v.attrs),
            LinkInfo::SlaveData(InfoSlaveData::Vrf(v)) => attrs_len(&v.attrs),
            LinkInfo::SlaveData(InfoSlaveData::Other(raw)) | LinkInfo::Unknown(raw) => {
                raw.value.len()
            }
        }
    }

    fn emit_value(&self, buf: &mut [u8]) {
        match self {
            LinkInfo::Kind(s) | LinkInfo::SlaveKind(s) => s.emit_value(buf),
            LinkInfo::Data(data) => {
                for_each_data!(data, v => emit_attrs(&v.attrs, buf), raw => buf.copy_from_slice(&raw.value))
            }
            LinkInfo::Xstats(b) => buf.copy_from_slice(b),
            LinkInfo::SlaveData(InfoSlaveData::Bridge(v)) => emit_attrs(&v.attrs, buf),
            LinkInfo::SlaveData(InfoSlaveData::Bond(v)) => emit_attrs(&v.attrs, buf),
            LinkInfo::SlaveData(InfoSlaveData::Vrf(v)) => emit_attrs(&v.attrs, buf),
            LinkInfo::SlaveData(InfoSlaveData::Other(raw)) | LinkInfo::Unknown(raw) => {
                buf.copy_from_slice(&raw.value)
            }
        }
    }

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Nla<'a>, DecodeError> {
        Ok(*nla)
    }

    fn parse(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        parse_info(nla, None, None)
    }

    fn raw(nla: &Nla<'_>) -> Self {
        LinkInfo::Unknown(RawAttr::from(nla))
    }

    /// The kind's data and the port's data described with the kind's own
    /// attribute set; data of a kind without a declared set as bytes.
    fn describe(&self) -> DescribedAttr {
        let value = match self {
            LinkInfo::Kind(s) | LinkInfo::SlaveKind(s) => Described::Text(s.to_string()),
            LinkInfo::Data(data) => {
                for_each_data!(data, v => v.describe(), raw => Described::Bytes(raw.value.to_vec()))
            }
            LinkInfo::Xstats(b) => Described::Bytes(b.clone()),
            LinkInfo::SlaveData(InfoSlaveData::Bridge(v)) => v.describe(),
            LinkInfo::SlaveData(InfoSlaveData::Bond(v)) => v.describe(),
            LinkInfo::SlaveData(InfoSlaveData::Vrf(v)) => v.describe(),
            LinkInfo::SlaveData(InfoSlaveData::Other(raw)) | LinkInfo::Unknown(raw) => {
                Described::Bytes(raw.value.to_vec())
            }
        };
        DescribedAttr {
            number: self.kind(),
            name: self.name(),
            value,
        }
    }
}

fn parse_info(
    nla: &Nla<'_>,
    kind: Option<&str>,
    slave_kind: Option<&str>,
) -> Result<LinkInfo, DecodeError> {
    let name = LinkInfo::name_of(nla.kind()).unwrap_or("IFLA_INFO_?");
    let in_attr = |e: DecodeError| e.in_attribute(name);
    Ok(match nla.kind() {
        IFLA_INFO_KIND => LinkInfo::Kind(ShortString::parse(nla).map_err(in_attr)?),
        IFLA_INFO_DATA => LinkInfo::Data(parse_data(kind, nla).map_err(in_attr)?),
        IFLA_INFO_XSTATS => LinkInfo::Xstats(nla.value().to_vec()),
        IFLA_INFO_SLAVE_KIND => LinkInfo::SlaveKind(ShortString::parse(nla).map_err(in_attr)?),
        IFLA_INFO_SLAVE_DATA => {
            LinkInfo::SlaveData(parse_slave_data(slave_kind, nla).map_err(in_attr)?)
        }
        _ => LinkInfo::Unknown(RawAttr::from(nla)),
    })
}

/// The `IFLA_LINKINFO` nest: decoded by kind.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkInfoNest {
    /// The attributes, in wire order.
    pub infos: Vec<LinkInfo>,
    /// Whether the header carries `NLA_F_NESTED` (the kernel does not set it
    /// on this nest; requests built in code do).
    pub flagged: bool,
}

impl LinkInfoNest {
    /// A nest holding `infos`, flagged `NLA_F_NESTED`.
    pub fn new(infos: Vec<LinkInfo>) -> Self {
        LinkInfoNest {
            infos,
            flagged: true,
        }
    }

    /// The kind (`IFLA_INFO_KIND`).
    pub fn kind(&self) -> Option<&str> {
        self.infos.iter().find_map(|i| match i {
            LinkInfo::Kind(kind) => Some(kind.as_str()),
            _ => None,
        })
    }

    /// The master's kind, for a port (`IFLA_INFO_SLAVE_KIND`).
    pub fn slave_kind(&self) -> Option<&str> {
        self.infos.iter().find_map(|i| match i {
            LinkInfo::SlaveKind(kind) => Some(kind.as_str()),
            _ => None,
        })
    }

    /// The kind's parameters (`IFLA_INFO_DATA`).
    pub fn data(&self) -> Option<&InfoData> {
        self.infos.iter().find_map(|i| match i {
            LinkInfo::Data(data) => Some(data),
            _ => None,
        })
    }

    /// The port's parameters (`IFLA_INFO_SLAVE_DATA`).
    pub fn slave_data(&self) -> Option<&InfoSlaveData> {
        self.infos.iter().find_map(|i| match i {
            LinkInfo::SlaveData(data) => Some(data),
            _ => None,
        })
    }
}

/// The kind string inside an `IFLA_LINKINFO` attribute, without copying.
pub(crate) fn kind_in<'a>(linkinfo: &Nla<'a>) -> Option<&'a str> {
    find_str(linkinfo, IFLA_INFO_KIND)
}

fn find_str<'a>(linkinfo: &Nla<'a>, kind: u16) -> Option<&'a str> {
    linkinfo
        .nested()
        .flatten()
        .find(|nla| nla.kind() == kind)
        .and_then(|nla| nla.as_str().ok())
}

impl AttrValue for LinkInfoNest {
    type Ref<'a> = Nla<'a>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Nla<'a>, DecodeError> {
        Ok(*nla)
    }

    fn from_ref(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        // The kind may come after the data in principle; look it up first.
        let kind = find_str(nla, IFLA_INFO_KIND);
        let slave_kind = find_str(nla, IFLA_INFO_SLAVE_KIND);
        let mut infos = Vec::with_capacity(count_attrs(nla.value()));
        for inner in nla.nested() {
            infos.push(parse_info(&inner?, kind, slave_kind)?);
        }
        Ok(LinkInfoNest {
            infos,
            flagged: nla.is_nested(),
        })
    }

    fn header_flags(&self) -> u16 {
        nest_flags(self.flagged)
    }

    fn value_len(&self) -> usize {
        attrs_len(&self.infos)
    }

    fn emit_value(&self, buf: &mut [u8]) {
        emit_attrs(&self.infos, buf)
    }

    fn describe(&self) -> Described {
        Described::attributes(&self.infos)
    }
}
