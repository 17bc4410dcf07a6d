//! Reasons for protocol down (`IFLA_PROTO_DOWN_REASON_*`, linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Reasons for protocol down (`IFLA_PROTO_DOWN_REASON_*`,
    /// linux/if_link.h): a 32-bit set of reason bits, and in requests the
    /// mask of the bits to change.
    pub enum ProtoDownReasonAttr, view ProtoDownReasonAttrRef, prefix IFLA_PROTO_DOWN_REASON_ {
        /// Which reason bits a request changes.
        1 MASK Mask(u32),
        /// The reason bits.
        2 VALUE Value(u32),
    }
}
