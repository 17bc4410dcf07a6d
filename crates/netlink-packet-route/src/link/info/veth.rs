//! Link kind veth: its `IFLA_INFO_DATA` attributes (`VETH_INFO_*`,
//! linux/veth.h).
//!
//! The kernel only reads this set: a request creating a veth pair names the
//! peer here, as a whole link message (`struct ifinfomsg` then `IFLA_*`
//! attributes). Dumps of a veth carry no `IFLA_INFO_DATA`.

use netlink_packet_core::attribute_set;

use crate::link::LinkMessage;

attribute_set! {
    /// Attributes of veth (`VETH_INFO_*`, linux/veth.h).
    pub enum VethAttr, view VethAttrRef, prefix VETH_INFO_ {
        /// The peer device: a link message (`struct ifinfomsg`, then its
        /// name, namespace, address, ...), in creation requests.
        1 PEER Peer(LinkMessage),
    }
}
