//! Adding, replacing and appending routes (`RTM_NEWROUTE`).

use std::net::IpAddr;

use netlink_packet_core::nla::{Nested, Uint};
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{
    EncapValue, MetricAttr, Multipath, RouteAddress, RouteAttr, RouteEncap, RouteFlags,
    RouteMessage, RoutePreference, RouteProtocol, RouteType, Seg6IpTunnelAttr, Seg6IpTunnelEncap,
    Seg6Mode,
};
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::RequestOptions;

use super::hop::MultipathHop;
use super::prefix::{family_name, family_of, Prefix};
use super::spec::{reason, spec_setters, Spec};
use crate::request::ack;
use crate::{Error, Request};

/// What an add does when a route to the same destination exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `NLM_F_CREATE | NLM_F_EXCL`: fail with [`Error::AlreadyExists`].
    Add,
    /// `NLM_F_CREATE | NLM_F_REPLACE`: replace it, or create.
    Replace,
    /// `NLM_F_CREATE | NLM_F_APPEND`: add another route beside it.
    Append,
}

/// Adds a route (`RTM_NEWROUTE`), like `ip route add`; with
/// [`RouteAdd::replace`] like `ip route replace`, with [`RouteAdd::append`]
/// like `ip route append`.
///
/// Defaults are iproute2's: table main, protocol `boot`, type unicast,
/// scope link for a route with neither gateway nor next hops (else
/// universe; host for local routes).
///
/// ```no_run
/// use rtnetlink::route::{Prefix, RouteAdd};
///
/// let mut handle = rtnetlink::blocking::Handle::new()?;
/// let add = RouteAdd::prefix("10.1.0.0/24".parse::<Prefix>()?)
///     .gateway("192.0.2.2".parse().unwrap())
///     .table(10)
///     .mtu(1400);
/// handle.execute(add)?;
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RouteAdd {
    spec: Spec,
    mode: Mode,
    prefsrc: Option<IpAddr>,
    metrics: Vec<MetricAttr>,
    multipath: Vec<MultipathHop>,
    encap: Option<EncapValue>,
    nh_id: Option<u32>,
    pref: Option<RoutePreference>,
    expires: Option<u32>,
    flags: RouteFlags,
}

spec_setters!(RouteAdd);

impl RouteAdd {
    /// A route to `dst/prefix_len`. A length beyond the address or host
    /// bits set past it make the request fail with
    /// [`Error::InvalidArgument`] before anything is sent.
    #[inline]
    pub fn new(dst: IpAddr, prefix_len: u8) -> Self {
        Self::with_spec(Spec::unchecked(dst, prefix_len))
    }

    /// A route to `prefix`, checked when it was made.
    pub fn prefix(prefix: Prefix) -> Self {
        Self::with_spec(Spec::new(prefix))
    }

    /// The IPv4 default route (`0.0.0.0/0`).
    pub fn default_v4() -> Self {
        Self::prefix(Prefix::default_v4())
    }

    /// The IPv6 default route (`::/0`).
    pub fn default_v6() -> Self {
        Self::prefix(Prefix::default_v6())
    }

    #[inline]
    fn with_spec(spec: Spec) -> Self {
        RouteAdd {
            spec,
            mode: Mode::Add,
            prefsrc: None,
            metrics: Vec::new(),
            multipath: Vec::new(),
            encap: None,
            nh_id: None,
            pref: None,
            expires: None,
            flags: RouteFlags::default(),
        }
    }

    /// Replaces the route to the same destination (same table, type of
    /// service and, for IPv6, metric) if there is one: `NLM_F_REPLACE`.
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.mode = Mode::Replace;
        self
    }

    /// Adds this route beside existing ones to the same destination:
    /// `NLM_F_APPEND` (IPv6 merges it into a multipath route).
    #[must_use]
    pub fn append(mut self) -> Self {
        self.mode = Mode::Append;
        self
    }

    /// The preferred source address (`RTA_PREFSRC`).
    #[must_use]
    pub fn prefsrc(mut self, ip: IpAddr) -> Self {
        self.prefsrc = Some(ip);
        self
    }

    /// Takes the gateway as on link even if no prefix of the device covers
    /// it (`RTNH_F_ONLINK`).
    #[must_use]
    pub fn onlink(mut self) -> Self {
        self.flags |= RouteFlags::ONLINK;
        self
    }

    /// A next hop of a multipath route (`RTA_MULTIPATH`); call once per
    /// hop. A multipath route takes its gateways and devices in its hops.
    #[must_use]
    pub fn next_hop(mut self, hop: MultipathHop) -> Self {
        self.multipath.push(hop);
        self
    }

    /// Uses next hop object `id` (`RTA_NH_ID`, see `ip nexthop`) instead of
    /// a gateway, device or hops.
    #[must_use]
    pub fn nh_id(mut self, id: u32) -> Self {
        self.nh_id = Some(id);
        self
    }

    /// The IPv6 router preference (`RTA_PREF`).
    #[must_use]
    pub fn pref(mut self, pref: RoutePreference) -> Self {
        self.pref = Some(pref);
        self
    }

    /// Removes the route after `seconds` (`RTA_EXPIRES`, IPv6 routes), as
    /// routes learnt from router advertisements do.
    #[must_use]
    pub fn expires(mut self, seconds: u32) -> Self {
        self.expires = Some(seconds);
        self
    }

    /// A route metric (`RTAX_*` in `RTA_METRICS`), in the kernel's units.
    #[must_use]
    pub fn metric(mut self, metric: MetricAttr) -> Self {
        self.metrics.push(metric);
        self
    }

    /// The path MTU (`RTAX_MTU`).
    #[must_use]
    pub fn mtu(self, mtu: u32) -> Self {
        self.metric(MetricAttr::Mtu(mtu))
    }

    /// The MSS advertised to peers (`RTAX_ADVMSS`).
    #[must_use]
    pub fn advmss(self, mss: u32) -> Self {
        self.metric(MetricAttr::AdvMss(mss))
    }

    /// The TCP window clamp (`RTAX_WINDOW`).
    #[must_use]
    pub fn window(self, window: u32) -> Self {
        self.metric(MetricAttr::Window(window))
    }

    /// The round trip time estimate in milliseconds (`RTAX_RTT`, which the
    /// kernel keeps in units of 1/8 ms).
    #[must_use]
    pub fn rtt_ms(self, ms: u32) -> Self {
        self.metric(MetricAttr::Rtt(ms.saturating_mul(8)))
    }

    /// The hop limit (`RTAX_HOPLIMIT`).
    #[must_use]
    pub fn hoplimit(self, hops: u32) -> Self {
        self.metric(MetricAttr::HopLimit(hops))
    }

    /// The initial congestion window (`RTAX_INITCWND`).
    #[must_use]
    pub fn initcwnd(self, segments: u32) -> Self {
        self.metric(MetricAttr::InitCwnd(segments))
    }

    /// The initial receive window (`RTAX_INITRWND`).
    #[must_use]
    pub fn initrwnd(self, segments: u32) -> Self {
        self.metric(MetricAttr::InitRwnd(segments))
    }

    /// A lightweight tunnel encapsulation (`RTA_ENCAP_TYPE`, `RTA_ENCAP`):
    /// [`EncapValue::Ip`], [`EncapValue::Ip6`], [`EncapValue::Seg6`], ...
    #[must_use]
    pub fn encap(mut self, encap: EncapValue) -> Self {
        self.encap = Some(encap);
        self
    }

    /// Segment routing encapsulation through `segments`, in travel order
    /// (`ip route add ... encap seg6 mode MODE segs S1,S2`).
    #[must_use]
    pub fn encap_seg6(self, mode: Seg6Mode, segments: &[std::net::Ipv6Addr]) -> Self {
        self.encap(EncapValue::Seg6(vec![Seg6IpTunnelAttr::Srh(
            Seg6IpTunnelEncap::new(mode, segments),
        )]))
    }

    /// `NLM_F_*` of the mode.
    fn netlink_flags(&self) -> NetlinkFlags {
        NetlinkFlags::CREATE
            | match self.mode {
                Mode::Add => NetlinkFlags::EXCL,
                Mode::Replace => NetlinkFlags::REPLACE,
                Mode::Append => NetlinkFlags::APPEND,
            }
    }

    /// The message, checked: what [`RouteAdd::build`] sends.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a gateway, via or preferred source of
    /// the wrong family, a next hop weight beyond 1..=256, next hops or a
    /// next hop object beside a gateway or device, or a preference or an
    /// expiry on an IPv4 route.
    pub fn message(&self) -> Result<RouteMessage, Error> {
        let dst = self.spec.dst;
        let invalid = |what: &str| Err(Error::InvalidArgument(format!("route to {dst}: {what}")));
        let (mut header, mut attrs) = self.spec.parts()?;
        let kind = self.spec.kind.unwrap_or(RouteType::Unicast);
        let has_gateway = self.spec.gateway.is_some() || self.spec.via.is_some();
        let direct = self.spec.oif.is_some() || has_gateway;
        if !self.multipath.is_empty() && direct {
            return invalid("a multipath route takes its gateways and devices in its next hops");
        }
        if self.nh_id.is_some() && (direct || !self.multipath.is_empty()) {
            return invalid("a route through a next hop object takes no gateway, device or hops");
        }
        header.kind = kind;
        header.protocol = self.spec.protocol.unwrap_or(RouteProtocol::Boot);
        header.flags = self.flags;
        header.scope = self.spec.scope.unwrap_or(match kind {
            RouteType::Local | RouteType::Nat => Scope::Host,
            RouteType::Broadcast | RouteType::Multicast | RouteType::Anycast => Scope::Link,
            RouteType::Unicast | RouteType::Unspec
                if !has_gateway && self.multipath.is_empty() && self.nh_id.is_none() =>
            {
                Scope::Link
            }
            _ => Scope::Universe,
        });
        if let Some(ip) = self.prefsrc {
            if family_of(ip) != dst.family() {
                return invalid(&format!("preferred source {ip} is {}", family_name(ip)));
            }
            attrs.push(RouteAttr::PrefSrc(RouteAddress::from(ip)));
        }
        if !self.metrics.is_empty() {
            attrs.push(RouteAttr::Metrics(Nested::new(self.metrics.clone())));
        }
        if !self.multipath.is_empty() {
            let hops = self
                .multipath
                .iter()
                .enumerate()
                .map(|(i, hop)| hop.to_next_hop(dst.addr(), i))
                .collect::<Result<Vec<_>, _>>()?;
            attrs.push(RouteAttr::Multipath(Multipath(hops)));
        }
        if let Some(encap) = &self.encap {
            let Some(kind) = encap.encap_type() else {
                return invalid("an encapsulation of no known type");
            };
            attrs.push(RouteAttr::EncapType(kind));
            attrs.push(RouteAttr::Encap(RouteEncap::from_value(encap)));
        }
        if let Some(id) = self.nh_id {
            attrs.push(RouteAttr::NhId(id));
        }
        if let Some(pref) = self.pref {
            if dst.addr().is_ipv4() {
                return invalid("a router preference (RTA_PREF) is for IPv6 routes");
            }
            attrs.push(RouteAttr::Pref(pref));
        }
        if let Some(seconds) = self.expires {
            if dst.addr().is_ipv4() {
                return invalid("an expiry (RTA_EXPIRES) is for IPv6 routes");
            }
            attrs.push(RouteAttr::Expires(Uint(u64::from(seconds))));
        }
        Ok(RouteMessage::new(header, attrs))
    }

    /// The request; one that [`RouteAdd::message`] refuses fails with
    /// [`Error::InvalidArgument`] when run, before anything is sent.
    pub fn build(self) -> Request<()> {
        match self.message() {
            Ok(message) => Request::new(
                RouteNetlinkMessage::NewRoute(message),
                self.netlink_flags(),
                RequestOptions::request(),
                ack,
            ),
            Err(error) => Request::invalid(
                RouteNetlinkMessage::NewRoute(RouteMessage::new(Default::default(), vec![])),
                reason(error),
            ),
        }
    }
}

impl From<RouteAdd> for Request<()> {
    fn from(add: RouteAdd) -> Self {
        add.build()
    }
}
