//! Link kind macsec: its `IFLA_INFO_DATA` attributes (`IFLA_MACSEC_*`,
//! linux/if_link.h), with `enum macsec_validation_type`,
//! `enum macsec_offload` and the cipher suite ids of linux/if_macsec.h.

use netlink_packet_core::nla::{Be16, Be64};
use netlink_packet_core::{attribute_set, value_enum};

attribute_set! {
    /// Attributes of macsec (`IFLA_MACSEC_*`, linux/if_link.h).
    pub enum MacSecAttr, view MacSecAttrRef, prefix IFLA_MACSEC_ {
        /// Secure channel identifier: 64 bits in network order, the
        /// system's MAC address then the port (`0x525400123456_0001`).
        1 SCI Sci(Be64),
        /// Port part of the SCI, big-endian (requests).
        2 PORT Port(Be16),
        /// Integrity check value length, in bytes.
        3 ICV_LEN IcvLen(u8),
        /// Cipher suite.
        4 CIPHER_SUITE CipherSuite(MacSecCipherSuite),
        /// Replay protection window.
        5 WINDOW Window(u32),
        /// Transmit association number in use (0..3).
        6 ENCODING_SA EncodingSa(u8),
        /// Encrypt (1) or only authenticate (0).
        7 ENCRYPT Encrypt(u8),
        /// Protect frames (1) or not (0).
        8 PROTECT Protect(u8),
        /// Include the SCI in every frame (1) or not (0).
        9 INC_SCI IncSci(u8),
        /// End station bit.
        10 ES Es(u8),
        /// Single copy broadcast bit.
        11 SCB Scb(u8),
        /// Replay protection on (1) or off (0).
        12 REPLAY_PROTECT ReplayProtect(u8),
        /// Validation of received frames.
        13 VALIDATION Validation(MacSecValidation),
        /// Padding before a 64-bit value; no meaning.
        14 PAD Pad(Vec<u8>),
        /// Offload to the PHY or the MAC.
        15 OFFLOAD Offload(MacSecOffload),
    }
}

value_enum! {
    /// Validation of received frames (`enum macsec_validation_type`,
    /// `MACSEC_VALIDATE_*`, linux/if_link.h); names as `ip link` takes and
    /// prints them.
    pub enum MacSecValidation: u8 {
        0 => Disabled "disabled",
        1 => Check "check",
        2 => Strict "strict",
    }
}

value_enum! {
    /// MACsec offload (`enum macsec_offload`, `MACSEC_OFFLOAD_*`,
    /// linux/if_link.h); names as `ip link` takes and prints them.
    pub enum MacSecOffload: u8 {
        0 => Off "off",
        1 => Phy "phy",
        2 => Mac "mac",
    }
}

value_enum! {
    /// Cipher suite ids (`MACSEC_CIPHER_ID_*` and the deprecated
    /// `MACSEC_DEFAULT_CIPHER_ID`, linux/if_macsec.h), a 64-bit number in
    /// host order on the wire; names as `ip link ... cipher` takes them
    /// (the deprecated id is GCM-AES-128 by another number).
    pub enum MacSecCipherSuite: u64 {
        0x0080_C200_0100_0001 => GcmAes128 "GCM-AES-128",
        0x0080_C200_0100_0002 => GcmAes256 "GCM-AES-256",
        0x0080_C200_0100_0003 => GcmAesXpn128 "GCM-AES-XPN-128",
        0x0080_C200_0100_0004 => GcmAesXpn256 "GCM-AES-XPN-256",
        /// `MACSEC_DEFAULT_CIPHER_ID`: the deprecated id of GCM-AES-128.
        0x0080_0200_0100_0001 => DefaultCipherId "GCM-AES-128 (deprecated id)",
    }
}
