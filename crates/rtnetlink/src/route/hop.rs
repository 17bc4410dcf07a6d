//! One next hop of a multipath route.

use std::net::IpAddr;

use netlink_packet_route::route::{
    EncapValue, NextHop, NextHopAttr, NextHopFlags, RouteAddress, RouteEncap, RouteVia,
};

use super::prefix::{family_name, family_of};
use crate::Error;

/// One next hop of a multipath route (`struct rtnexthop` in
/// `RTA_MULTIPATH`), as `ip route add ... nexthop via GW dev DEV weight W`.
#[derive(Debug, Clone, PartialEq)]
pub struct MultipathHop {
    gateway: Option<IpAddr>,
    via: Option<IpAddr>,
    dev: u32,
    weight: u16,
    flags: NextHopFlags,
    encap: Option<EncapValue>,
}

impl Default for MultipathHop {
    fn default() -> Self {
        MultipathHop {
            gateway: None,
            via: None,
            dev: 0,
            weight: 1,
            flags: NextHopFlags::default(),
            encap: None,
        }
    }
}

impl MultipathHop {
    /// A next hop with no gateway yet, weight 1.
    pub fn new() -> Self {
        Self::default()
    }

    /// A next hop through gateway `gateway` (of the route's family).
    pub fn via_gateway(gateway: IpAddr) -> Self {
        Self::new().gateway(gateway)
    }

    /// The gateway (`RTA_GATEWAY`), of the route's family.
    #[must_use]
    pub fn gateway(mut self, gateway: IpAddr) -> Self {
        self.gateway = Some(gateway);
        self
    }

    /// A gateway of the other family (`RTA_VIA`): an IPv6 next hop of an
    /// IPv4 route.
    #[must_use]
    pub fn via(mut self, gateway: IpAddr) -> Self {
        self.via = Some(gateway);
        self
    }

    /// The output interface (`rtnh_ifindex`).
    #[must_use]
    pub fn dev(mut self, index: u32) -> Self {
        self.dev = index;
        self
    }

    /// The weight, 1 to 256 (`rtnh_hops + 1`): the share of flows this
    /// hop takes is its weight over the sum of weights.
    #[must_use]
    pub fn weight(mut self, weight: u16) -> Self {
        self.weight = weight;
        self
    }

    /// Takes the gateway as on link even if no prefix of the device covers
    /// it (`RTNH_F_ONLINK`).
    #[must_use]
    pub fn onlink(mut self) -> Self {
        self.flags |= NextHopFlags::ONLINK;
        self
    }

    /// A lightweight tunnel encapsulation of this hop.
    #[must_use]
    pub fn encap(mut self, encap: EncapValue) -> Self {
        self.encap = Some(encap);
        self
    }

    /// The `struct rtnexthop` of a route to `dst`, checked.
    pub(crate) fn to_next_hop(&self, dst: IpAddr, position: usize) -> Result<NextHop, Error> {
        let what = |text: String| {
            Error::InvalidArgument(format!(
                "next hop {} of route to {dst}: {text}",
                position + 1
            ))
        };
        let hops = self
            .weight
            .checked_sub(1)
            .and_then(|h| u8::try_from(h).ok())
            .ok_or_else(|| what(format!("weight {} is not within 1..=256", self.weight)))?;
        let mut attrs = Vec::new();
        if let Some(gateway) = self.gateway {
            if family_of(gateway) != family_of(dst) {
                return Err(what(format!(
                    "gateway {gateway} is {} but the route is {}{}",
                    family_name(gateway),
                    family_name(dst),
                    if dst.is_ipv4() { " (use via)" } else { "" }
                )));
            }
            attrs.push(NextHopAttr::Gateway(RouteAddress::from(gateway)));
        }
        if let Some(via) = self.via {
            if dst.is_ipv6() {
                return Err(what(
                    "IPv6 routes take no via (RTA_VIA); use gateway".into(),
                ));
            }
            if self.gateway.is_some() {
                return Err(what("both a gateway and a via".into()));
            }
            attrs.push(NextHopAttr::Via(RouteVia::ip(via)));
        }
        if let Some(encap) = &self.encap {
            let kind = encap
                .encap_type()
                .ok_or_else(|| what("encapsulation of no known type".into()))?;
            attrs.push(NextHopAttr::EncapType(kind));
            attrs.push(NextHopAttr::Encap(RouteEncap::from_value(encap)));
        }
        if self.gateway.is_none() && self.via.is_none() && self.dev == 0 {
            return Err(what("neither a gateway nor a device".into()));
        }
        Ok(NextHop {
            flags: self.flags,
            hops,
            ifindex: i32::try_from(self.dev)
                .map_err(|_| what(format!("interface index {} out of range", self.dev)))?,
            attrs,
        })
    }
}
