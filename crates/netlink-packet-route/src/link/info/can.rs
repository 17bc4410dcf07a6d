//! Link kind can: its `IFLA_INFO_DATA` attributes (`IFLA_CAN_*`,
//! linux/can/netlink.h), the C structures they carry, and the nests of
//! transmitter delay compensation and extended controller mode.

use std::fmt;
use std::marker::PhantomData;

use netlink_packet_core::nla::{AttrValue, Described, Nested, Nla, StructField};
use netlink_packet_core::{
    attribute_set, fixed_struct, flag_set, value_enum, DecodeError, DecodeReason,
};

attribute_set! {
    /// Attributes of can (`IFLA_CAN_*`, linux/can/netlink.h).
    pub enum CanAttr, view CanAttrRef, prefix IFLA_CAN_ {
        /// Bit timing of the nominal (arbitration) phase.
        1 BITTIMING Bittiming(CanBittiming),
        /// Bit timing limits of the controller.
        2 BITTIMING_CONST BittimingConst(CanBittimingConst),
        /// Controller clock.
        3 CLOCK Clock(CanClock),
        /// Controller state.
        4 STATE State(CanState),
        /// Controller mode flags, with the mask of those to change.
        5 CTRLMODE CtrlMode(CanCtrlMode),
        /// Delay before an automatic restart after bus-off, in ms (0: off).
        6 RESTART_MS RestartMs(u32),
        /// Restart the controller now (requests only).
        7 RESTART Restart(u32),
        /// Bus error counters.
        8 BERR_COUNTER BerrCounter(CanBerrCounter),
        /// Bit timing of the CAN FD data phase.
        9 DATA_BITTIMING DataBittiming(CanBittiming),
        /// Bit timing limits of the CAN FD data phase.
        10 DATA_BITTIMING_CONST DataBittimingConst(CanBittimingConst),
        /// Bus termination resistance in Ohms (0: disabled).
        11 TERMINATION Termination(u16),
        /// Termination resistances the controller supports (`__u16` array).
        12 TERMINATION_CONST TerminationConst(ScalarArray<u16>),
        /// Bit rates the controller supports (`__u32` array).
        13 BITRATE_CONST BitrateConst(ScalarArray<u32>),
        /// Data phase bit rates the controller supports (`__u32` array).
        14 DATA_BITRATE_CONST DataBitrateConst(ScalarArray<u32>),
        /// Highest bit rate the transceiver supports.
        15 BITRATE_MAX BitrateMax(u32),
        /// Transmitter delay compensation (`IFLA_CAN_TDC_*`).
        16 TDC Tdc(Nested<CanTdcAttr>),
        /// Extended controller mode (`IFLA_CAN_CTRLMODE_*`).
        17 CTRLMODE_EXT CtrlModeExt(Nested<CanCtrlModeExtAttr>),
    }
}

attribute_set! {
    /// CAN FD transmitter delay compensation (`IFLA_CAN_TDC_*`,
    /// linux/can/netlink.h); all values are `u32`.
    pub enum CanTdcAttr, view CanTdcAttrRef, prefix IFLA_CAN_TDC_ {
        /// Lowest transmitter delay compensation value.
        1 TDCV_MIN TdcvMin(u32),
        /// Highest transmitter delay compensation value.
        2 TDCV_MAX TdcvMax(u32),
        /// Lowest transmitter delay compensation offset.
        3 TDCO_MIN TdcoMin(u32),
        /// Highest transmitter delay compensation offset.
        4 TDCO_MAX TdcoMax(u32),
        /// Lowest transmitter delay compensation filter window.
        5 TDCF_MIN TdcfMin(u32),
        /// Highest transmitter delay compensation filter window.
        6 TDCF_MAX TdcfMax(u32),
        /// Transmitter delay compensation value.
        7 TDCV Tdcv(u32),
        /// Transmitter delay compensation offset.
        8 TDCO Tdco(u32),
        /// Transmitter delay compensation filter window.
        9 TDCF Tdcf(u32),
    }
}

attribute_set! {
    /// Extended controller mode (`IFLA_CAN_CTRLMODE_*`, linux/can/netlink.h).
    pub enum CanCtrlModeExtAttr, view CanCtrlModeExtAttrRef, prefix IFLA_CAN_CTRLMODE_ {
        /// Controller modes the device supports (`CAN_CTRLMODE_*`, `u32`).
        1 SUPPORTED Supported(CanCtrlModeFlags),
    }
}

fixed_struct! {
    /// `struct can_bittiming` (linux/can/netlink.h).
    pub struct CanBittiming {
        /// Bit rate in bits per second.
        pub bitrate: u32,
        /// Sample point in tenths of a percent.
        pub sample_point: u32,
        /// Time quantum in nanoseconds.
        pub tq: u32,
        /// Propagation segment in time quanta.
        pub prop_seg: u32,
        /// Phase buffer segment 1 in time quanta.
        pub phase_seg1: u32,
        /// Phase buffer segment 2 in time quanta.
        pub phase_seg2: u32,
        /// Synchronisation jump width in time quanta.
        pub sjw: u32,
        /// Bit-rate prescaler.
        pub brp: u32,
    }
}

fixed_struct! {
    /// `struct can_bittiming_const` (linux/can/netlink.h).
    pub struct CanBittimingConst {
        /// Name of the controller hardware, NUL-padded.
        pub name: [u8; 16],
        /// Lowest time segment 1 (`prop_seg + phase_seg1`).
        pub tseg1_min: u32,
        /// Highest time segment 1.
        pub tseg1_max: u32,
        /// Lowest time segment 2 (`phase_seg2`).
        pub tseg2_min: u32,
        /// Highest time segment 2.
        pub tseg2_max: u32,
        /// Highest synchronisation jump width.
        pub sjw_max: u32,
        /// Lowest bit-rate prescaler.
        pub brp_min: u32,
        /// Highest bit-rate prescaler.
        pub brp_max: u32,
        /// Bit-rate prescaler increment.
        pub brp_inc: u32,
    }
}

impl CanBittimingConst {
    /// The controller name, up to its first NUL (lossy UTF-8).
    pub fn name_str(&self) -> String {
        let end = self.name.iter().position(|&b| b == 0).unwrap_or(16);
        String::from_utf8_lossy(&self.name[..end]).into_owned()
    }
}

fixed_struct! {
    /// `struct can_clock` (linux/can/netlink.h).
    pub struct CanClock {
        /// System clock frequency in Hz.
        pub freq: u32,
    }
}

fixed_struct! {
    /// `struct can_berr_counter` (linux/can/netlink.h).
    pub struct CanBerrCounter {
        /// Transmit error counter.
        pub txerr: u16,
        /// Receive error counter.
        pub rxerr: u16,
    }
}

fixed_struct! {
    /// `struct can_ctrlmode` (linux/can/netlink.h).
    pub struct CanCtrlMode {
        /// Which modes a request changes.
        pub mask: CanCtrlModeFlags,
        /// Mode values.
        pub flags: CanCtrlModeFlags,
    }
}

fixed_struct! {
    /// `struct can_device_stats` (linux/can/netlink.h), which a can device
    /// sends in `IFLA_INFO_XSTATS`.
    pub struct CanDeviceStats {
        /// Bus errors.
        pub bus_error: u32,
        /// Changes to the error warning state.
        pub error_warning: u32,
        /// Changes to the error passive state.
        pub error_passive: u32,
        /// Changes to the bus off state.
        pub bus_off: u32,
        /// Arbitration lost errors.
        pub arbitration_lost: u32,
        /// Controller restarts.
        pub restarts: u32,
    }
}

value_enum! {
    /// Controller state (`enum can_state`, `CAN_STATE_*`,
    /// linux/can/netlink.h); names as `ip -d link` prints them.
    pub enum CanState: u32 {
        0 => ErrorActive "ERROR-ACTIVE",
        1 => ErrorWarning "ERROR-WARNING",
        2 => ErrorPassive "ERROR-PASSIVE",
        3 => BusOff "BUS-OFF",
        4 => Stopped "STOPPED",
        5 => Sleeping "SLEEPING",
    }
}

flag_set! {
    /// Controller modes (`CAN_CTRLMODE_*`, linux/can/netlink.h); names as
    /// `ip -d link` prints them.
    pub struct CanCtrlModeFlags: u32 {
        0x01 => LOOPBACK "LOOPBACK",
        0x02 => LISTENONLY "LISTEN-ONLY",
        0x04 => THREE_SAMPLES "TRIPLE-SAMPLING",
        0x08 => ONE_SHOT "ONE-SHOT",
        0x10 => BERR_REPORTING "BERR-REPORTING",
        0x20 => FD "FD",
        0x40 => PRESUME_ACK "PRESUME-ACK",
        0x80 => FD_NON_ISO "FD-NON-ISO",
        0x100 => CC_LEN8_DLC "CC-LEN8-DLC",
        0x200 => TDC_AUTO "TDC-AUTO",
        0x400 => TDC_MANUAL "TDC-MANUAL",
    }
}

/// A C array of fixed-size values filling the whole attribute value (the
/// `__u16` and `__u32` arrays of `IFLA_CAN_*_CONST`). A value whose length
/// is not a multiple of the element size is an error, so that it is kept
/// raw rather than cut.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ScalarArray<T>(pub Vec<T>);

/// The zero-copy form of a [`ScalarArray`]: elements are read as they are
/// iterated.
pub struct ScalarArrayRef<'a, T> {
    bytes: &'a [u8],
    element: PhantomData<fn() -> T>,
}

impl<'a, T> Clone for ScalarArrayRef<'a, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<'a, T> Copy for ScalarArrayRef<'a, T> {}

impl<'a, T> fmt::Debug for ScalarArrayRef<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScalarArrayRef")
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl<'a, T: StructField + 'static> ScalarArrayRef<'a, T> {
    /// The elements, in order.
    pub fn iter(&self) -> impl Iterator<Item = T> + 'a {
        self.bytes.chunks_exact(T::SIZE).map(T::read)
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.bytes.len() / T::SIZE
    }

    /// Whether the array is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl<T: StructField + 'static> AttrValue for ScalarArray<T> {
    type Ref<'a> = ScalarArrayRef<'a, T>;

    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<ScalarArrayRef<'a, T>, DecodeError> {
        let bytes = nla.value();
        if bytes.len() % T::SIZE != 0 {
            return Err(DecodeError::new(
                nla.offset(),
                DecodeReason::WrongSize {
                    what: "array",
                    expected: "a multiple of the element size",
                    found: bytes.len(),
                },
            ));
        }
        Ok(ScalarArrayRef {
            bytes,
            element: PhantomData,
        })
    }

    fn from_ref(value: &ScalarArrayRef<'_, T>) -> Result<Self, DecodeError> {
        Ok(ScalarArray(value.iter().collect()))
    }

    fn value_len(&self) -> usize {
        self.0.len() * T::SIZE
    }

    fn emit_value(&self, buf: &mut [u8]) {
        for (value, slot) in self.0.iter().zip(buf.chunks_exact_mut(T::SIZE)) {
            value.write(slot);
        }
    }

    fn describe(&self) -> Described {
        Described::List(self.0.iter().map(StructField::describe).collect())
    }
}
