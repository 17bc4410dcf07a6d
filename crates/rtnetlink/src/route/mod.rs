//! Route operations: add, replace, append, delete, lookup and dump.
//!
//! | `ip` command | request |
//! |---|---|
//! | `ip route add PREFIX ...` | [`RouteAdd::new`] |
//! | `ip route replace` / `append` | [`RouteAdd::replace`] / [`RouteAdd::append`] |
//! | `ip route del PREFIX ...` | [`RouteDel::new`], or [`RouteDel::route`] for a dumped route |
//! | `ip route get ADDR` | [`RouteGet::new`], with [`RouteGet::fib_match`] for `fibmatch` |
//! | `ip route show table N proto P type T dev D` | [`RouteDump`] |
//!
//! Adds and deletes are checked before anything is sent (prefix length and
//! host bits, families of gateway and destination, next hop weights): a
//! request that fails the checks fails with [`crate::Error::InvalidArgument`]
//! when run, unsent.
//!
//! ```no_run
//! use rtnetlink::route::{MultipathHop, RouteAdd, RouteDump};
//!
//! let mut handle = rtnetlink::blocking::Handle::new()?;
//! let add = RouteAdd::new("10.9.0.0".parse().unwrap(), 16)
//!     .next_hop(MultipathHop::via_gateway("192.0.2.2".parse().unwrap()).weight(3))
//!     .next_hop(MultipathHop::via_gateway("192.0.2.3".parse().unwrap()));
//! handle.execute(add)?;
//! for route in handle.execute(RouteDump::new().ipv4().table(254))? {
//!     println!("{:?}/{}", route.destination(), route.header.dst_len);
//! }
//! # Ok::<(), rtnetlink::Error>(())
//! ```

mod add;
mod del;
mod dump;
mod get;
mod hop;
mod prefix;
mod spec;
#[cfg(test)]
mod tests;

pub use add::RouteAdd;
pub use del::RouteDel;
pub use dump::RouteDump;
pub use get::RouteGet;
pub use hop::MultipathHop;
pub use prefix::Prefix;

use netlink_packet_route::route::RouteMessage;
use netlink_packet_route::RouteNetlinkMessage;

fn new_route(message: RouteNetlinkMessage) -> Option<RouteMessage> {
    match message {
        RouteNetlinkMessage::NewRoute(route) => Some(route),
        _ => None,
    }
}
