//! Link kind batadv (a B.A.T.M.A.N. advanced mesh interface): its
//! `IFLA_INFO_DATA` attributes (`enum batadv_ifla_attrs`,
//! linux/batman_adv.h).

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::ShortString;

attribute_set! {
    /// Attributes of batadv (`IFLA_BATADV_*`, linux/batman_adv.h).
    pub enum BatadvAttr, view BatadvAttrRef, prefix IFLA_BATADV_ {
        /// The routing algorithm's name.
        1 ALGO_NAME AlgoName(ShortString),
    }
}
