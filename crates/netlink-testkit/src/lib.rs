//! Test support for the netlink crates (not published): hex fixtures,
//! scratch network namespaces with `ip` to set them up, and the UAPI header
//! reader behind the attribute coverage tests.
//!
//! Its functions panic with a message on setup failures (no `ip`, a missing
//! fixture, a header without the asked enum): in a test that is the failure
//! report. Nothing here is fed by kernel bytes; it is never a library
//! dependency, only a dev-dependency and the `capture` tool.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod fixtures;
pub mod iproute;
pub mod uapi;

pub use fixtures::{hex, read_fixture};
pub use iproute::{in_new_netns, ip, ip_batch, ip_json, ip_ok};
