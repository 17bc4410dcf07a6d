//! Link kind vxcan (a virtual CAN tunnel pair): its `IFLA_INFO_DATA`
//! attributes (`VXCAN_INFO_*`, linux/can/vxcan.h).

use netlink_packet_core::attribute_set;

use crate::link::LinkMessage;

attribute_set! {
    /// Attributes of vxcan (`VXCAN_INFO_*`, linux/can/vxcan.h).
    pub enum VxcanAttr, view VxcanAttrRef, prefix VXCAN_INFO_ {
        /// The peer to create: a whole `ifinfomsg` with its attributes, as
        /// for veth.
        1 PEER Peer(LinkMessage),
    }
}
