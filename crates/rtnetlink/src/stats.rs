//! Link statistics (`RTM_GETSTATS`).
