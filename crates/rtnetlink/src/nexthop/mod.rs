//! Nexthop and nexthop group operations.
