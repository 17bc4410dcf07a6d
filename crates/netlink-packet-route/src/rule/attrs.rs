//! `FRA_*` attributes.

use netlink_packet_core::attribute_set;

attribute_set! {
    /// A rule attribute (`FRA_*`, linux/fib_rules.h).
    pub enum RuleAttr, view RuleAttrRef, prefix FRA_ {
    }
}
