//! What adding and deleting a route share: the destination and the fields
//! that pick one route among those to it.

use std::net::IpAddr;

use netlink_packet_route::route::{
    RouteAddress, RouteAttr, RouteHeader, RouteProtocol, RouteTable, RouteType, RouteVia,
};
use netlink_packet_route::Scope;

use super::prefix::{family_name, family_of, Prefix};
use crate::Error;

/// `RT_TABLE_MAIN` (linux/rtnetlink.h): where `ip route` puts routes
/// unless told otherwise.
pub(crate) const RT_TABLE_MAIN: u32 = 254;

/// The destination and the route's identifying fields.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spec {
    pub dst: Prefix,
    pub table: u32,
    pub protocol: Option<RouteProtocol>,
    pub kind: Option<RouteType>,
    pub scope: Option<Scope>,
    pub priority: Option<u32>,
    pub gateway: Option<IpAddr>,
    pub via: Option<IpAddr>,
    pub oif: Option<u32>,
    pub tos: u8,
    /// Source prefix (IPv6 source-specific routes), checked when built.
    pub source: Option<(IpAddr, u8)>,
    /// Why the destination given cannot be sent, found when it was given.
    pub invalid: Option<String>,
}

/// The text of an [`Error::InvalidArgument`] (or the whole error).
pub(crate) fn reason(error: Error) -> String {
    match error {
        Error::InvalidArgument(reason) => reason,
        other => other.to_string(),
    }
}

/// `rtm_table` and `RTA_TABLE` for `table`, as iproute2 sends them: tables
/// up to 255 in the header alone, larger ones in `RTA_TABLE` with
/// `rtm_table` left `RT_TABLE_UNSPEC` (the kernel then reads the attribute).
pub(crate) fn table_parts(table: u32) -> (u8, Option<RouteAttr>) {
    match u8::try_from(table) {
        Ok(small) => (small, None),
        Err(_) => (0, Some(RouteAttr::Table(RouteTable::from(table)))),
    }
}

impl Spec {
    #[inline]
    pub fn new(dst: Prefix) -> Self {
        Spec {
            dst,
            table: RT_TABLE_MAIN,
            protocol: None,
            kind: None,
            scope: None,
            priority: None,
            gateway: None,
            via: None,
            oif: None,
            tos: 0,
            source: None,
            invalid: None,
        }
    }

    /// A destination given as address and length, checked when built.
    #[inline]
    pub fn unchecked(dst: IpAddr, len: u8) -> Self {
        match Prefix::new(dst, len) {
            Ok(prefix) => Self::new(prefix),
            Err(error) => Spec {
                invalid: Some(reason(error)),
                ..Self::new(Prefix::host(dst))
            },
        }
    }

    /// The header, `rtm_protocol`, `rtm_type` and `rtm_scope` as given
    /// (the caller fills in its defaults), and the attributes, checked.
    pub fn parts(&self) -> Result<(RouteHeader, Vec<RouteAttr>), Error> {
        if let Some(reason) = &self.invalid {
            return Err(Error::InvalidArgument(reason.clone()));
        }
        let dst = self.dst.addr();
        let (table, table_attr) = table_parts(self.table);
        let mut header = RouteHeader {
            family: self.dst.family(),
            dst_len: self.dst.prefix_len(),
            tos: self.tos,
            table,
            protocol: self.protocol.unwrap_or(RouteProtocol::Unspec),
            scope: self.scope.unwrap_or(Scope::Universe),
            kind: self.kind.unwrap_or(RouteType::Unspec),
            ..Default::default()
        };
        // Room for every attribute below: one allocation per request.
        let mut attrs: Vec<RouteAttr> = Vec::with_capacity(6);
        attrs.extend(table_attr);
        if !self.dst.is_default() {
            attrs.push(RouteAttr::Dst(RouteAddress::from(dst)));
        }
        if let Some((ip, len)) = self.source {
            let source = Prefix::new(ip, len)?;
            if !dst.is_ipv6() || !ip.is_ipv6() {
                return Err(Error::InvalidArgument(format!(
                    "route to {}: a source prefix ({source}) is for IPv6 routes",
                    self.dst
                )));
            }
            header.src_len = len;
            attrs.push(RouteAttr::Src(RouteAddress::from(ip)));
        }
        if let Some(priority) = self.priority {
            attrs.push(RouteAttr::Priority(priority));
        }
        if let Some(gateway) = self.gateway {
            if family_of(gateway) != family_of(dst) {
                return Err(Error::InvalidArgument(format!(
                    "gateway {gateway} is {} but the route to {} is {}{}",
                    family_name(gateway),
                    self.dst,
                    family_name(dst),
                    if dst.is_ipv4() {
                        " (an IPv6 next hop of an IPv4 route is set with via)"
                    } else {
                        ""
                    }
                )));
            }
            attrs.push(RouteAttr::Gateway(RouteAddress::from(gateway)));
        }
        if let Some(via) = self.via {
            if dst.is_ipv6() {
                return Err(Error::InvalidArgument(format!(
                    "route to {}: IPv6 routes take no via (RTA_VIA); use gateway",
                    self.dst
                )));
            }
            if self.gateway.is_some() {
                return Err(Error::InvalidArgument(format!(
                    "route to {}: both a gateway and a via",
                    self.dst
                )));
            }
            attrs.push(RouteAttr::Via(RouteVia::ip(via)));
        }
        if let Some(oif) = self.oif {
            attrs.push(RouteAttr::Oif(oif));
        }
        Ok((header, attrs))
    }
}

/// Setters of the fields adding and deleting share.
macro_rules! spec_setters {
    ($($Builder:ident),*) => {$(
        impl $Builder {
            /// The routing table (default `RT_TABLE_MAIN`, 254). Any 32-bit
            /// id: tables beyond 255 go in `RTA_TABLE`.
            #[must_use]
            #[inline]
            pub fn table(mut self, table: u32) -> Self {
                self.spec.table = table;
                self
            }

            /// Who installs the route (`rtm_protocol`, `RTPROT_*`).
            #[must_use]
            #[inline]
            pub fn protocol(mut self, protocol: RouteProtocol) -> Self {
                self.spec.protocol = Some(protocol);
                self
            }

            /// The route type (`rtm_type`): unicast, blackhole, unreachable,
            /// prohibit, local, ...
            #[must_use]
            #[inline]
            pub fn kind(mut self, kind: RouteType) -> Self {
                self.spec.kind = Some(kind);
                self
            }

            /// The scope (`rtm_scope`).
            #[must_use]
            #[inline]
            pub fn scope(mut self, scope: Scope) -> Self {
                self.spec.scope = Some(scope);
                self
            }

            /// The priority, what `ip` calls metric (`RTA_PRIORITY`).
            #[must_use]
            #[inline]
            pub fn priority(mut self, priority: u32) -> Self {
                self.spec.priority = Some(priority);
                self
            }

            /// The gateway (`RTA_GATEWAY`), of the destination's family.
            #[must_use]
            #[inline]
            pub fn gateway(mut self, gateway: IpAddr) -> Self {
                self.spec.gateway = Some(gateway);
                self
            }

            /// A gateway of another family (`RTA_VIA`): an IPv6 next hop of
            /// an IPv4 route (`ip route add ... via inet6 ADDR`).
            #[must_use]
            #[inline]
            pub fn via(mut self, gateway: IpAddr) -> Self {
                self.spec.via = Some(gateway);
                self
            }

            /// The output interface (`RTA_OIF`).
            #[must_use]
            #[inline]
            pub fn dev(mut self, index: u32) -> Self {
                self.spec.oif = Some(index);
                self
            }

            /// Only for packets from `ip/prefix_len` (`RTA_SRC`, IPv6
            /// source-specific routing: `ip -6 route add ... from PREFIX`).
            #[must_use]
            #[inline]
            pub fn source(mut self, ip: IpAddr, prefix_len: u8) -> Self {
                self.spec.source = Some((ip, prefix_len));
                self
            }

            /// The type of service (`rtm_tos`, IPv4).
            #[must_use]
            #[inline]
            pub fn tos(mut self, tos: u8) -> Self {
                self.spec.tos = tos;
                self
            }
        }
    )*};
}

pub(crate) use spec_setters;
