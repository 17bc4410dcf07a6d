//! `macsec` links.

use netlink_packet_core::nla::{Be16, Be64};
use netlink_packet_route::link::info::{MacSecAttr, MacSecCipherSuite, MacSecValidation};

use crate::link::add::kind_builder;
use crate::link::LinkAdd;

kind_builder! {
    /// Creates a MACsec link: [`LinkAdd::macsec`] plus its settings
    /// (`IFLA_MACSEC_*`). Keys and associations are set over generic
    /// netlink.
    MacSecAdd, MacSecAttr, MacSec
}

impl LinkAdd {
    /// A MACsec link on link `parent`.
    pub fn macsec(name: impl Into<String>, parent: u32) -> MacSecAdd {
        MacSecAdd::from_link(LinkAdd::new(name, "macsec").on(parent), Vec::new())
    }
}

impl MacSecAdd {
    /// Secure channel identifier (`IFLA_MACSEC_SCI`).
    #[must_use]
    pub fn sci(self, sci: u64) -> Self {
        self.with(MacSecAttr::Sci(Be64(sci)))
    }

    /// Port number of the SCI (`IFLA_MACSEC_PORT`).
    #[must_use]
    pub fn port(self, port: u16) -> Self {
        self.with(MacSecAttr::Port(Be16(port)))
    }

    /// Encryption on or off (`IFLA_MACSEC_ENCRYPT`).
    #[must_use]
    pub fn encrypt(self, on: bool) -> Self {
        self.with(MacSecAttr::Encrypt(u8::from(on)))
    }

    /// Integrity check value length (`IFLA_MACSEC_ICV_LEN`).
    #[must_use]
    pub fn icv_len(self, len: u8) -> Self {
        self.with(MacSecAttr::IcvLen(len))
    }

    /// Cipher suite (`IFLA_MACSEC_CIPHER_SUITE`).
    #[must_use]
    pub fn cipher_suite(self, suite: MacSecCipherSuite) -> Self {
        self.with(MacSecAttr::CipherSuite(suite))
    }

    /// Active encoding association (`IFLA_MACSEC_ENCODING_SA`).
    #[must_use]
    pub fn encoding_sa(self, an: u8) -> Self {
        self.with(MacSecAttr::EncodingSa(an))
    }

    /// Frame protection (`IFLA_MACSEC_PROTECT`).
    #[must_use]
    pub fn protect(self, on: bool) -> Self {
        self.with(MacSecAttr::Protect(u8::from(on)))
    }

    /// Replay protection with `window` packets (`IFLA_MACSEC_REPLAY_PROTECT`
    /// and `IFLA_MACSEC_WINDOW`).
    #[must_use]
    pub fn replay_protect(self, window: u32) -> Self {
        self.with(MacSecAttr::ReplayProtect(1))
            .with(MacSecAttr::Window(window))
    }

    /// Validation of received frames (`IFLA_MACSEC_VALIDATION`).
    #[must_use]
    pub fn validate(self, validation: MacSecValidation) -> Self {
        self.with(MacSecAttr::Validation(validation))
    }

    /// Include the SCI in frames (`IFLA_MACSEC_INC_SCI`).
    #[must_use]
    pub fn send_sci(self, on: bool) -> Self {
        self.with(MacSecAttr::IncSci(u8::from(on)))
    }

    /// End station bit (`IFLA_MACSEC_ES`).
    #[must_use]
    pub fn end_station(self, on: bool) -> Self {
        self.with(MacSecAttr::Es(u8::from(on)))
    }

    /// Single copy broadcast bit (`IFLA_MACSEC_SCB`).
    #[must_use]
    pub fn scb(self, on: bool) -> Self {
        self.with(MacSecAttr::Scb(u8::from(on)))
    }
}
