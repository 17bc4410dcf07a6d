//! Link kind ppp: its `IFLA_INFO_DATA` attributes (`IFLA_PPP_*`,
//! linux/if_link.h).

use netlink_packet_core::attribute_set;

attribute_set! {
    /// Attributes of ppp (`IFLA_PPP_*`, linux/if_link.h).
    pub enum PppAttr, view PppAttrRef, prefix IFLA_PPP_ {
        /// File descriptor of the `/dev/ppp` unit to attach (requests only).
        1 DEV_FD DevFd(i32),
    }
}
