//! Address and route scopes (`RT_SCOPE_*`, `enum rt_scope_t`, linux/rtnetlink.h).

use netlink_packet_core::value_enum;

value_enum! {
    /// How far an address or route is valid; names as iproute2 prints them.
    pub enum Scope: u8 {
        0 => Universe "global",
        200 => Site "site",
        253 => Link "link",
        254 => Host "host",
        255 => Nowhere "nowhere",
    }
}
