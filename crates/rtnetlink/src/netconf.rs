//! Per-device IP configuration (`RTM_GETNETCONF`).
