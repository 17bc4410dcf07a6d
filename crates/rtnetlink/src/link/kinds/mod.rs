//! One builder per link kind with parameters, made by the constructors on
//! [`LinkAdd`](super::LinkAdd) (`LinkAdd::bridge`, `LinkAdd::vxlan`, ...).
//! Every builder has the shared setters (`mtu`, `address`, `master`,
//! `netns`, ...), `up`, and converts into a [`Request`](crate::Request).

mod bond;
mod bridge;
mod macsec;
mod macvlan;
mod tun;
mod tunnel;
mod veth;
mod vlan;
mod vxlan;

pub use bond::BondAdd;
pub use bridge::BridgeAdd;
pub use macsec::MacSecAdd;
pub use macvlan::{IpVlanAdd, MacVlanAdd};
pub use tun::{TunAdd, VrfAdd, XfrmAdd};
pub use tunnel::{GeneveAdd, GreAdd, IpTunnelAdd};
pub use veth::VethAdd;
pub use vlan::{VlanAdd, VlanProtocol};
pub use vxlan::VxlanAdd;
