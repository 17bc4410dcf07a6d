//! Route operations: add, replace, append, delete, lookup and dump.
