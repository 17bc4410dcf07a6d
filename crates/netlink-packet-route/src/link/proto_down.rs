//! Reasons for protocol down (`IFLA_PROTO_DOWN_REASON_*`, linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of reasons for protocol down (`IFLA_PROTO_DOWN_REASON_*`, linux/if_link.h).
    pub enum ProtoDownReasonAttr, view ProtoDownReasonAttrRef, prefix IFLA_PROTO_DOWN_REASON_ {
    }
}
