//! Bridge port VLAN operations.
