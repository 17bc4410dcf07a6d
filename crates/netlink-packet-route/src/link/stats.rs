//! Link statistics structures (linux/if_link.h).

use netlink_packet_core::fixed_struct;

fixed_struct! {
    /// `struct rtnl_link_stats`: 32-bit counters (`IFLA_STATS`).
    pub struct LinkStats {
        /// `rx_packets`.
        pub rx_packets: u32,
        /// `tx_packets`.
        pub tx_packets: u32,
        /// `rx_bytes`.
        pub rx_bytes: u32,
        /// `tx_bytes`.
        pub tx_bytes: u32,
        /// `rx_errors`.
        pub rx_errors: u32,
        /// `tx_errors`.
        pub tx_errors: u32,
        /// `rx_dropped`.
        pub rx_dropped: u32,
        /// `tx_dropped`.
        pub tx_dropped: u32,
        /// `multicast`.
        pub multicast: u32,
        /// `collisions`.
        pub collisions: u32,
        /// `rx_length_errors`.
        pub rx_length_errors: u32,
        /// `rx_over_errors`.
        pub rx_over_errors: u32,
        /// `rx_crc_errors`.
        pub rx_crc_errors: u32,
        /// `rx_frame_errors`.
        pub rx_frame_errors: u32,
        /// `rx_fifo_errors`.
        pub rx_fifo_errors: u32,
        /// `rx_missed_errors`.
        pub rx_missed_errors: u32,
        /// `tx_aborted_errors`.
        pub tx_aborted_errors: u32,
        /// `tx_carrier_errors`.
        pub tx_carrier_errors: u32,
        /// `tx_fifo_errors`.
        pub tx_fifo_errors: u32,
        /// `tx_heartbeat_errors`.
        pub tx_heartbeat_errors: u32,
        /// `tx_window_errors`.
        pub tx_window_errors: u32,
        /// `rx_compressed`.
        pub rx_compressed: u32,
        /// `tx_compressed`.
        pub tx_compressed: u32,
        /// `rx_nohandler`.
        pub rx_nohandler: u32,
    }
}

fixed_struct! {
    /// `struct rtnl_link_stats64`: 64-bit counters (`IFLA_STATS64`). Older kernels send it without `rx_otherhost_dropped`; such a value is kept raw.
    pub struct LinkStats64 {
        /// `rx_packets`.
        pub rx_packets: u64,
        /// `tx_packets`.
        pub tx_packets: u64,
        /// `rx_bytes`.
        pub rx_bytes: u64,
        /// `tx_bytes`.
        pub tx_bytes: u64,
        /// `rx_errors`.
        pub rx_errors: u64,
        /// `tx_errors`.
        pub tx_errors: u64,
        /// `rx_dropped`.
        pub rx_dropped: u64,
        /// `tx_dropped`.
        pub tx_dropped: u64,
        /// `multicast`.
        pub multicast: u64,
        /// `collisions`.
        pub collisions: u64,
        /// `rx_length_errors`.
        pub rx_length_errors: u64,
        /// `rx_over_errors`.
        pub rx_over_errors: u64,
        /// `rx_crc_errors`.
        pub rx_crc_errors: u64,
        /// `rx_frame_errors`.
        pub rx_frame_errors: u64,
        /// `rx_fifo_errors`.
        pub rx_fifo_errors: u64,
        /// `rx_missed_errors`.
        pub rx_missed_errors: u64,
        /// `tx_aborted_errors`.
        pub tx_aborted_errors: u64,
        /// `tx_carrier_errors`.
        pub tx_carrier_errors: u64,
        /// `tx_fifo_errors`.
        pub tx_fifo_errors: u64,
        /// `tx_heartbeat_errors`.
        pub tx_heartbeat_errors: u64,
        /// `tx_window_errors`.
        pub tx_window_errors: u64,
        /// `rx_compressed`.
        pub rx_compressed: u64,
        /// `tx_compressed`.
        pub tx_compressed: u64,
        /// `rx_nohandler`.
        pub rx_nohandler: u64,
        /// `rx_otherhost_dropped`.
        pub rx_otherhost_dropped: u64,
    }
}

fixed_struct! {
    /// `struct rtnl_hw_stats64`: hardware counters (offload statistics).
    pub struct HwStats64 {
        /// `rx_packets`.
        pub rx_packets: u64,
        /// `tx_packets`.
        pub tx_packets: u64,
        /// `rx_bytes`.
        pub rx_bytes: u64,
        /// `tx_bytes`.
        pub tx_bytes: u64,
        /// `rx_errors`.
        pub rx_errors: u64,
        /// `tx_errors`.
        pub tx_errors: u64,
        /// `rx_dropped`.
        pub rx_dropped: u64,
        /// `tx_dropped`.
        pub tx_dropped: u64,
        /// `multicast`.
        pub multicast: u64,
    }
}

fixed_struct! {
    /// `struct rtnl_link_ifmap`: device memory map (`IFLA_MAP`), padded to 8 bytes by the compiler.
    pub struct LinkIfMap {
        /// `mem_start`.
        pub mem_start: u64,
        /// `mem_end`.
        pub mem_end: u64,
        /// `base_addr`.
        pub base_addr: u64,
        /// `irq`.
        pub irq: u16,
        /// `dma`.
        pub dma: u8,
        /// `port`.
        pub port: u8,
        /// Padding to the structure's 8-byte alignment.
        pub pad: [u8; 4],
    }
}
