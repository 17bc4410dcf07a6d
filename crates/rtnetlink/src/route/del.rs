//! Deleting routes (`RTM_DELROUTE`).

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{RouteAttr, RouteMessage, RouteProtocol, RouteType};
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::RequestOptions;

use super::prefix::Prefix;
use super::spec::{reason, spec_setters, Spec};
use crate::request::ack;
use crate::{Error, Request};

/// Deletes a route (`RTM_DELROUTE`), like `ip route del`: the first route
/// to the destination in the table (default main) that matches every
/// field given; fields not given match anything (type `RTN_UNSPEC`,
/// scope `RT_SCOPE_NOWHERE`, protocol `RTPROT_UNSPEC`, as iproute2 sends).
///
/// No matching route: the kernel answers `ESRCH` ("No such process"),
/// reported as [`Error::NotFound`](crate::Error::NotFound).
#[derive(Debug, Clone, PartialEq)]
pub struct RouteDel {
    spec: Spec,
}

spec_setters!(RouteDel);

impl RouteDel {
    /// Deletes a route to `dst/prefix_len` (checked as in
    /// [`super::RouteAdd::new`]).
    #[inline]
    pub fn new(dst: IpAddr, prefix_len: u8) -> Self {
        RouteDel {
            spec: Spec::unchecked(dst, prefix_len),
        }
    }

    /// Deletes a route to `prefix`.
    pub fn prefix(prefix: Prefix) -> Self {
        RouteDel {
            spec: Spec::new(prefix),
        }
    }

    /// Deletes exactly the route `route` describes, as it came from a dump
    /// (what `ip route flush` does): its header and identifying attributes
    /// are sent back.
    pub fn route(route: &RouteMessage) -> Request<()> {
        let attrs = route
            .attrs
            .iter()
            .filter(|a| {
                matches!(
                    a,
                    RouteAttr::Dst(_)
                        | RouteAttr::Src(_)
                        | RouteAttr::Oif(_)
                        | RouteAttr::Gateway(_)
                        | RouteAttr::Priority(_)
                        | RouteAttr::PrefSrc(_)
                        | RouteAttr::Table(_)
                        | RouteAttr::Multipath(_)
                        | RouteAttr::Via(_)
                        | RouteAttr::NhId(_)
                )
            })
            .cloned()
            .collect();
        let mut header = route.header.clone();
        // Report-only flags (offload, trap, ...) are not part of a request.
        header.flags = Default::default();
        Request::new(
            RouteNetlinkMessage::DelRoute(RouteMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }

    /// The message, checked.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a gateway or via of the wrong family.
    pub fn message(&self) -> Result<RouteMessage, Error> {
        let (mut header, attrs) = self.spec.parts()?;
        header.scope = self.spec.scope.unwrap_or(Scope::Nowhere);
        header.kind = self.spec.kind.unwrap_or(RouteType::Unspec);
        header.protocol = self.spec.protocol.unwrap_or(RouteProtocol::Unspec);
        Ok(RouteMessage::new(header, attrs))
    }

    /// The request; one that [`RouteDel::message`] refuses fails with
    /// [`Error::InvalidArgument`] when run, before anything is sent.
    pub fn build(self) -> Request<()> {
        match self.message() {
            Ok(message) => Request::new(
                RouteNetlinkMessage::DelRoute(message),
                NetlinkFlags::empty(),
                RequestOptions::request(),
                ack,
            ),
            Err(error) => Request::invalid(
                RouteNetlinkMessage::DelRoute(RouteMessage::new(Default::default(), vec![])),
                reason(error),
            ),
        }
    }
}

impl From<RouteDel> for Request<()> {
    fn from(del: RouteDel) -> Self {
        del.build()
    }
}
