//! Link kind wwan (a cellular modem's data channel): its
//! `IFLA_INFO_DATA` attributes (`IFLA_WWAN_*`, linux/wwan.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of wwan (`IFLA_WWAN_*`, linux/wwan.h).
    pub enum WwanAttr, view WwanAttrRef, prefix IFLA_WWAN_ {
        /// The modem's link (data channel) id.
        1 LINK_ID LinkId(u32),
    }
}
