//! `PREFIX_*` attributes.

use std::net::Ipv6Addr;

use netlink_packet_core::{attribute_set, fixed_struct};

fixed_struct! {
    /// `struct prefix_cacheinfo` (linux/rtnetlink.h): lifetimes in seconds.
    pub struct PrefixCacheInfo {
        /// `preferred_time`.
        pub preferred_time: u32,
        /// `valid_time`.
        pub valid_time: u32,
    }
}

attribute_set! {
    /// A prefix attribute (`PREFIX_*`, linux/rtnetlink.h).
    pub enum PrefixAttr, view PrefixAttrRef, prefix PREFIX_ {
        /// `PREFIX_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The prefix.
        1 ADDRESS Address(Ipv6Addr),
        /// Its lifetimes.
        2 CACHEINFO CacheInfo(PrefixCacheInfo),
    }
}
