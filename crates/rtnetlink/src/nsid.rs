//! Namespace id operations (`RTM_NEWNSID`, `RTM_GETNSID`).
