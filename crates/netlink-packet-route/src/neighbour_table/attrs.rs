//! `NDTA_*` and `NDTPA_*` attributes, `struct ndt_config` and
//! `struct ndt_stats` (linux/neighbour.h).

use netlink_packet_core::nla::{Nested, ShortString};
use netlink_packet_core::{attribute_set, fixed_struct};

attribute_set! {
    /// A neighbour table attribute (`NDTA_*`, linux/neighbour.h).
    pub enum NeighbourTableAttr, view NeighbourTableAttrRef, prefix NDTA_ {
        /// The table's name (`arp_cache`, `ndisc_cache`).
        1 NAME Name(ShortString),
        /// Garbage collection threshold 1: below it, no collection.
        2 THRESH1 Thresh1(u32),
        /// Threshold 2: soft maximum of entries.
        3 THRESH2 Thresh2(u32),
        /// Threshold 3: hard maximum of entries.
        4 THRESH3 Thresh3(u32),
        /// Table configuration (read only).
        5 CONFIG Config(NeighbourTableConfig),
        /// Parameters, of the table or of one device (`NDTPA_*`).
        6 PARMS Parms(Nested<NeighbourTableParam>),
        /// Statistics (read only).
        7 STATS Stats(NeighbourTableStats),
        /// Garbage collection interval, milliseconds.
        8 GC_INTERVAL GcInterval(u64),
        /// Padding for 64-bit alignment.
        9 PAD Pad(Vec<u8>),
    }
}

attribute_set! {
    /// A neighbour table parameter (`NDTPA_*`), inside `NDTA_PARMS`.
    pub enum NeighbourTableParam, view NeighbourTableParamRef, prefix NDTPA_ {
        /// The device these parameters are for (absent: the table's defaults).
        1 IFINDEX IfIndex(u32),
        /// References held (read only).
        2 REFCNT RefCnt(u32),
        /// Current reachable time, milliseconds (read only).
        3 REACHABLE_TIME ReachableTime(u64),
        /// Base reachable time, milliseconds.
        4 BASE_REACHABLE_TIME BaseReachableTime(u64),
        /// Retransmission time, milliseconds.
        5 RETRANS_TIME RetransTime(u64),
        /// Stale entry collection time, milliseconds.
        6 GC_STALETIME GcStaletime(u64),
        /// Delay before the first probe, milliseconds.
        7 DELAY_PROBE_TIME DelayProbeTime(u64),
        /// Queue length, packets.
        8 QUEUE_LEN QueueLen(u32),
        /// Application probes.
        9 APP_PROBES AppProbes(u32),
        /// Unicast probes.
        10 UCAST_PROBES UcastProbes(u32),
        /// Multicast probes.
        11 MCAST_PROBES McastProbes(u32),
        /// Anycast answer delay, milliseconds.
        12 ANYCAST_DELAY AnycastDelay(u64),
        /// Proxy answer delay, milliseconds.
        13 PROXY_DELAY ProxyDelay(u64),
        /// Proxy queue length.
        14 PROXY_QLEN ProxyQlen(u32),
        /// Minimum time between updates, milliseconds.
        15 LOCKTIME Locktime(u64),
        /// Queue length, bytes.
        16 QUEUE_LENBYTES QueueLenBytes(u32),
        /// Multicast reprobes.
        17 MCAST_REPROBES McastReprobes(u32),
        /// Padding for 64-bit alignment.
        18 PAD Pad(Vec<u8>),
        /// Probe interval for `NTF_EXT_MANAGED` entries, milliseconds.
        19 INTERVAL_PROBE_TIME_MS IntervalProbeTimeMs(u64),
    }
}

fixed_struct! {
    /// `struct ndt_config`: a table's configuration.
    pub struct NeighbourTableConfig {
        /// `ndtc_key_len`.
        pub key_len: u16,
        /// `ndtc_entry_size`.
        pub entry_size: u16,
        /// `ndtc_entries`.
        pub entries: u32,
        /// `ndtc_last_flush`: milliseconds since.
        pub last_flush: u32,
        /// `ndtc_last_rand`: milliseconds since.
        pub last_rand: u32,
        /// `ndtc_hash_rnd`.
        pub hash_rnd: u32,
        /// `ndtc_hash_mask`.
        pub hash_mask: u32,
        /// `ndtc_hash_chain_gc`.
        pub hash_chain_gc: u32,
        /// `ndtc_proxy_qlen`.
        pub proxy_qlen: u32,
    }
}

fixed_struct! {
    /// `struct ndt_stats`: a table's statistics.
    pub struct NeighbourTableStats {
        /// `ndts_allocs`.
        pub allocs: u64,
        /// `ndts_destroys`.
        pub destroys: u64,
        /// `ndts_hash_grows`.
        pub hash_grows: u64,
        /// `ndts_res_failed`.
        pub res_failed: u64,
        /// `ndts_lookups`.
        pub lookups: u64,
        /// `ndts_hits`.
        pub hits: u64,
        /// `ndts_rcv_probes_mcast`.
        pub rcv_probes_mcast: u64,
        /// `ndts_rcv_probes_ucast`.
        pub rcv_probes_ucast: u64,
        /// `ndts_periodic_gc_runs`.
        pub periodic_gc_runs: u64,
        /// `ndts_forced_gc_runs`.
        pub forced_gc_runs: u64,
        /// `ndts_table_fulls`.
        pub table_fulls: u64,
    }
}
