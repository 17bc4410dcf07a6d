//! Link message tests.
