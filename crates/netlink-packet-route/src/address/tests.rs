//! Address message tests.
