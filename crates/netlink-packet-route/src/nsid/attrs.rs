//! `NETNSA_*` attributes.

use netlink_packet_core::attribute_set;

/// `NETNSA_NSID_NOT_ASSIGNED`: the value of `NETNSA_NSID` for a namespace
/// that has no id in the peer namespace.
pub const NETNSA_NSID_NOT_ASSIGNED: i32 = -1;

attribute_set! {
    /// A network namespace id attribute (`NETNSA_*`, linux/net_namespace.h).
    pub enum NsidAttr, view NsidAttrRef, prefix NETNSA_ {
        /// `NETNSA_NONE` (0): number 0, never carries a value.
        0 NONE None(Vec<u8>),
        /// The id ([`NETNSA_NSID_NOT_ASSIGNED`] when none).
        1 NSID Nsid(i32),
        /// Selects the namespace by a process in it.
        2 PID Pid(u32),
        /// Selects the namespace by an open file descriptor of it.
        3 FD Fd(u32),
        /// The namespace in which ids are asked or reported.
        4 TARGET_NSID TargetNsid(i32),
        /// The id of the namespace the request came from, as seen from the target.
        5 CURRENT_NSID CurrentNsid(i32),
    }
}
