//! `RTA_METRICS`: a nest of `RTAX_*` route metrics (linux/rtnetlink.h).

use netlink_packet_core::nla::ShortString;
use netlink_packet_core::{attribute_set, flag_set};

flag_set! {
    /// `RTAX_LOCK`: which metrics are locked, one bit `1 << RTAX_*` each.
    pub struct MetricLocks: u32 {
        /// `1 << RTAX_MTU`.
        0x4 => MTU "mtu",
        /// `1 << RTAX_WINDOW`.
        0x8 => WINDOW "window",
        /// `1 << RTAX_RTT`.
        0x10 => RTT "rtt",
        /// `1 << RTAX_RTTVAR`.
        0x20 => RTTVAR "rttvar",
        /// `1 << RTAX_SSTHRESH`.
        0x40 => SSTHRESH "ssthresh",
        /// `1 << RTAX_CWND`.
        0x80 => CWND "cwnd",
        /// `1 << RTAX_ADVMSS`.
        0x100 => ADVMSS "advmss",
        /// `1 << RTAX_REORDERING`.
        0x200 => REORDERING "reordering",
        /// `1 << RTAX_HOPLIMIT`.
        0x400 => HOPLIMIT "hoplimit",
        /// `1 << RTAX_INITCWND`.
        0x800 => INITCWND "initcwnd",
        /// `1 << RTAX_FEATURES`.
        0x1000 => FEATURES "features",
        /// `1 << RTAX_RTO_MIN`.
        0x2000 => RTO_MIN "rto_min",
        /// `1 << RTAX_INITRWND`.
        0x4000 => INITRWND "initrwnd",
        /// `1 << RTAX_QUICKACK`.
        0x8000 => QUICKACK "quickack",
        /// `1 << RTAX_CC_ALGO`.
        0x1_0000 => CC_ALGO "congctl",
        /// `1 << RTAX_FASTOPEN_NO_COOKIE`.
        0x2_0000 => FASTOPEN_NO_COOKIE "fastopen_no_cookie",
    }
}

flag_set! {
    /// `RTAX_FEATURES`: TCP features of the route (`RTAX_FEATURE_*`).
    pub struct MetricFeatures: u32 {
        /// `RTAX_FEATURE_ECN`.
        0x1 => ECN "ecn",
        /// `RTAX_FEATURE_SACK`.
        0x2 => SACK "sack",
        /// `RTAX_FEATURE_TIMESTAMP`.
        0x4 => TIMESTAMP "timestamp",
        /// `RTAX_FEATURE_ALLFRAG`.
        0x8 => ALLFRAG "allfrag",
    }
}

attribute_set! {
    /// A route metric (`RTAX_*`, linux/rtnetlink.h), inside `RTA_METRICS`.
    /// Values are the kernel's raw numbers: for example `ip route add ...
    /// rtt 20ms` is reported as `RTAX_RTT` 160 here (ip prints 20).
    pub enum MetricAttr, view MetricAttrRef, prefix RTAX_ {
        /// Locked metrics.
        1 LOCK Lock(MetricLocks),
        /// Path MTU.
        2 MTU Mtu(u32),
        /// TCP window clamp.
        3 WINDOW Window(u32),
        /// Round trip time estimate.
        4 RTT Rtt(u32),
        /// Round trip time variance.
        5 RTTVAR RttVar(u32),
        /// Slow start threshold.
        6 SSTHRESH SsThresh(u32),
        /// Congestion window clamp.
        7 CWND Cwnd(u32),
        /// Advertised MSS.
        8 ADVMSS AdvMss(u32),
        /// Maximal reordering.
        9 REORDERING Reordering(u32),
        /// Hop limit.
        10 HOPLIMIT HopLimit(u32),
        /// Initial congestion window.
        11 INITCWND InitCwnd(u32),
        /// TCP features.
        12 FEATURES Features(MetricFeatures),
        /// Minimal retransmission timeout.
        13 RTO_MIN RtoMin(u32),
        /// Initial receive window.
        14 INITRWND InitRwnd(u32),
        /// Quick ACK.
        15 QUICKACK QuickAck(u32),
        /// Congestion control algorithm.
        16 CC_ALGO CcAlgo(ShortString),
        /// TCP fast open without cookie.
        17 FASTOPEN_NO_COOKIE FastOpenNoCookie(u32),
    }
}
