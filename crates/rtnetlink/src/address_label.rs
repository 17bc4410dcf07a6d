//! IPv6 address label operations.
