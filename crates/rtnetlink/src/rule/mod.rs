//! Routing policy rule operations.
