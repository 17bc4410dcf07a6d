//! Media Redundancy Protocol settings of a bridge (`IFLA_BRIDGE_MRP_*`,
//! linux/if_bridge.h; states and roles from linux/mrp_bridge.h).

use netlink_packet_core::nla::Nested;
use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// MRP requests and state (`IFLA_BRIDGE_MRP_*`, linux/if_bridge.h).
    pub enum BridgeMrpAttr, view BridgeMrpAttrRef, prefix IFLA_BRIDGE_MRP_ {
        /// Create or delete an MRP instance.
        1 INSTANCE Instance(Nested<MrpInstanceAttr>),
        /// Set a port's MRP state.
        2 PORT_STATE PortState(Nested<MrpPortStateAttr>),
        /// Set a port's MRP role.
        3 PORT_ROLE PortRole(Nested<MrpPortRoleAttr>),
        /// Set a ring's state.
        4 RING_STATE RingState(Nested<MrpRingStateAttr>),
        /// Set a ring's role.
        5 RING_ROLE RingRole(Nested<MrpRingRoleAttr>),
        /// Start sending ring test frames.
        6 START_TEST StartTest(Nested<MrpStartTestAttr>),
        /// The state of one instance (dumps).
        7 INFO Info(Nested<MrpInfoAttr>),
        /// Set an interconnection role.
        8 IN_ROLE InRole(Nested<MrpInRoleAttr>),
        /// Set an interconnection state.
        9 IN_STATE InState(Nested<MrpInStateAttr>),
        /// Start sending interconnection test frames.
        10 START_IN_TEST StartInTest(Nested<MrpStartInTestAttr>),
    }
}

attribute_set! {
    /// An MRP instance (`IFLA_BRIDGE_MRP_INSTANCE_*`).
    pub enum MrpInstanceAttr, view MrpInstanceAttrRef, prefix IFLA_BRIDGE_MRP_INSTANCE_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// Primary port's ifindex.
        2 P_IFINDEX PIfIndex(u32),
        /// Secondary port's ifindex.
        3 S_IFINDEX SIfIndex(u32),
        /// Priority.
        4 PRIO Prio(u16),
    }
}

attribute_set! {
    /// A port's MRP state (`IFLA_BRIDGE_MRP_PORT_STATE_*`).
    pub enum MrpPortStateAttr, view MrpPortStateAttrRef, prefix IFLA_BRIDGE_MRP_PORT_STATE_ {
        /// The state.
        1 STATE State(MrpPortState),
    }
}

attribute_set! {
    /// A port's MRP role (`IFLA_BRIDGE_MRP_PORT_ROLE_*`).
    pub enum MrpPortRoleAttr, view MrpPortRoleAttrRef, prefix IFLA_BRIDGE_MRP_PORT_ROLE_ {
        /// The role.
        1 ROLE Role(MrpPortRole),
    }
}

attribute_set! {
    /// A ring's state (`IFLA_BRIDGE_MRP_RING_STATE_*`).
    pub enum MrpRingStateAttr, view MrpRingStateAttrRef, prefix IFLA_BRIDGE_MRP_RING_STATE_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// The state.
        2 STATE State(MrpRingState),
    }
}

attribute_set! {
    /// A ring's role (`IFLA_BRIDGE_MRP_RING_ROLE_*`).
    pub enum MrpRingRoleAttr, view MrpRingRoleAttrRef, prefix IFLA_BRIDGE_MRP_RING_ROLE_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// The role.
        2 ROLE Role(MrpRingRole),
    }
}

attribute_set! {
    /// Ring test parameters (`IFLA_BRIDGE_MRP_START_TEST_*`).
    pub enum MrpStartTestAttr, view MrpStartTestAttrRef, prefix IFLA_BRIDGE_MRP_START_TEST_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// Interval between test frames.
        2 INTERVAL Interval(u32),
        /// Missed frames before the ring counts as open.
        3 MAX_MISS MaxMiss(u32),
        /// How long to send test frames.
        4 PERIOD Period(u32),
        /// Monitor only.
        5 MONITOR Monitor(u32),
    }
}

attribute_set! {
    /// The state of an MRP instance, as dumped (`IFLA_BRIDGE_MRP_INFO_*`).
    pub enum MrpInfoAttr, view MrpInfoAttrRef, prefix IFLA_BRIDGE_MRP_INFO_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// Primary port's ifindex.
        2 P_IFINDEX PIfIndex(u32),
        /// Secondary port's ifindex.
        3 S_IFINDEX SIfIndex(u32),
        /// Priority.
        4 PRIO Prio(u16),
        /// Ring state.
        5 RING_STATE RingState(MrpRingState),
        /// Ring role.
        6 RING_ROLE RingRole(MrpRingRole),
        /// Test interval.
        7 TEST_INTERVAL TestInterval(u32),
        /// Test missed frames limit.
        8 TEST_MAX_MISS TestMaxMiss(u32),
        /// Test monitor only.
        9 TEST_MONITOR TestMonitor(u32),
        /// Interconnection port's ifindex.
        10 I_IFINDEX IIfIndex(u32),
        /// Interconnection state.
        11 IN_STATE InState(MrpInState),
        /// Interconnection role.
        12 IN_ROLE InRole(MrpInRole),
        /// Interconnection test interval.
        13 IN_TEST_INTERVAL InTestInterval(u32),
        /// Interconnection test missed frames limit.
        14 IN_TEST_MAX_MISS InTestMaxMiss(u32),
    }
}

attribute_set! {
    /// An interconnection state (`IFLA_BRIDGE_MRP_IN_STATE_*`).
    pub enum MrpInStateAttr, view MrpInStateAttrRef, prefix IFLA_BRIDGE_MRP_IN_STATE_ {
        /// Interconnection id.
        1 IN_ID InId(u32),
        /// The state.
        2 STATE State(MrpInState),
    }
}

attribute_set! {
    /// An interconnection role (`IFLA_BRIDGE_MRP_IN_ROLE_*`).
    pub enum MrpInRoleAttr, view MrpInRoleAttrRef, prefix IFLA_BRIDGE_MRP_IN_ROLE_ {
        /// Ring id.
        1 RING_ID RingId(u32),
        /// Interconnection id.
        2 IN_ID InId(u16),
        /// The role.
        3 ROLE Role(MrpInRole),
        /// Interconnection port's ifindex.
        4 I_IFINDEX IIfIndex(u32),
    }
}

attribute_set! {
    /// Interconnection test parameters (`IFLA_BRIDGE_MRP_START_IN_TEST_*`).
    pub enum MrpStartInTestAttr, view MrpStartInTestAttrRef, prefix IFLA_BRIDGE_MRP_START_IN_TEST_ {
        /// Interconnection id.
        1 IN_ID InId(u32),
        /// Interval between test frames.
        2 INTERVAL Interval(u32),
        /// Missed frames before the interconnection counts as open.
        3 MAX_MISS MaxMiss(u32),
        /// How long to send test frames.
        4 PERIOD Period(u32),
    }
}

value_enum! {
    /// Ring role (`enum br_mrp_ring_role_type`, linux/mrp_bridge.h).
    pub enum MrpRingRole: u32 {
        0 => Disabled "disabled",
        1 => Mrc "mrc",
        2 => Mrm "mrm",
        3 => Mra "mra",
    }
}

value_enum! {
    /// Interconnection role (`enum br_mrp_in_role_type`, linux/mrp_bridge.h).
    pub enum MrpInRole: u32 {
        0 => Disabled "disabled",
        1 => Mic "mic",
        2 => Mim "mim",
    }
}

value_enum! {
    /// Ring state (`enum br_mrp_ring_state_type`, linux/mrp_bridge.h).
    pub enum MrpRingState: u32 {
        0 => Open "open",
        1 => Closed "closed",
    }
}

value_enum! {
    /// Interconnection state (`enum br_mrp_in_state_type`, linux/mrp_bridge.h).
    pub enum MrpInState: u32 {
        0 => Open "open",
        1 => Closed "closed",
    }
}

value_enum! {
    /// Port state (`enum br_mrp_port_state_type`, linux/mrp_bridge.h).
    pub enum MrpPortState: u32 {
        0 => Disabled "disabled",
        1 => Blocked "blocked",
        2 => Forwarding "forwarding",
        3 => NotConnected "not_connected",
    }
}

value_enum! {
    /// Port role (`enum br_mrp_port_role_type`, linux/mrp_bridge.h).
    pub enum MrpPortRole: u32 {
        0 => Primary "primary",
        1 => Secondary "secondary",
        2 => Inter "inter",
    }
}
