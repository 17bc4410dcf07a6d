//! Test support for the netlink crates (not published): hex fixtures,
//! scratch network namespaces with `ip` to set them up, and the UAPI header
//! reader behind the attribute coverage tests.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod fixtures;
pub mod iproute;
pub mod uapi;

pub use fixtures::{hex, read_fixture};
pub use iproute::{in_new_netns, ip, ip_batch, ip_json, ip_ok};
