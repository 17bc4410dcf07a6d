//! Link kind xfrm interfaces: its `IFLA_INFO_DATA` attributes
//! (`IFLA_XFRM_*`, linux/if_link.h).

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::Flag;

attribute_set! {
    /// Attributes of xfrm interfaces (`IFLA_XFRM_*`, linux/if_link.h).
    pub enum XfrmAttr, view XfrmAttrRef, prefix IFLA_XFRM_ {
        /// Index of the underlying device.
        1 LINK Link(u32),
        /// Interface id matched against the `if_id` of xfrm states and
        /// policies.
        2 IF_ID IfId(u32),
        /// Metadata-based (external) interface.
        3 COLLECT_METADATA CollectMetadata(Flag),
    }
}
