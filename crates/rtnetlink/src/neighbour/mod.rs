//! Neighbour and bridge FDB operations.
