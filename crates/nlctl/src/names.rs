//! The names iproute2 prints for numbers that several objects share:
//! protocols, scopes, route types, tables, families. One place, so that
//! `route`, `address`, `rule`, `nexthop` and `monitor` print them alike.
