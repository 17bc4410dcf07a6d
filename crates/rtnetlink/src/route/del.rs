//! Deleting routes (`RTM_DELROUTE`).

use std::net::IpAddr;

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::route::{RouteAttr, RouteMessage, RouteProtocol, RouteType};
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::RequestOptions;

use super::prefix::Prefix;
use super::spec::{spec_setters, Spec};
use crate::request::ack;
use crate::{Error, Request};

/// Deletes a route (`RTM_DELROUTE`), like `ip route del`: the first route
/// to the destination in the table (default main) that matches every
/// field given; fields not given match anything (type `RTN_UNSPEC`,
/// scope `RT_SCOPE_NOWHERE`, protocol `RTPROT_UNSPEC`, as iproute2 sends).
///
/// No route matching fails with [`Error::NotFound`]
/// (`ESRCH` is reported by the kernel as "No such process"; it maps to
/// [`Error::Kernel`] with errno 3).
#[derive(Debug, Clone, PartialEq)]
pub struct RouteDel {
    spec: Spec,
}

spec_setters!(RouteDel);

impl RouteDel {
    /// Deletes a route to `dst`.
    pub fn new(dst: Prefix) -> Self {
        RouteDel {
            spec: Spec::new(dst),
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

    /// The request, checked before anything is sent.
    ///
    /// # Errors
    ///
    /// As [`RouteDel::message`].
    pub fn build(self) -> Result<Request<()>, Error> {
        Ok(Request::new(
            RouteNetlinkMessage::DelRoute(self.message()?),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        ))
    }
}

impl TryFrom<RouteDel> for Request<()> {
    type Error = Error;

    fn try_from(del: RouteDel) -> Result<Self, Error> {
        del.build()
    }
}
