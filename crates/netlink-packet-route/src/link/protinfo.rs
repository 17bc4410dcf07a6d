//! `IFLA_PROTINFO`: protocol-specific link information. Placeholder: kept as
//! bytes until the family-specific sets are declared.

use netlink_packet_core::nla::{AttrValue, Nla, NLA_F_NESTED};
use netlink_packet_core::DecodeError;

/// The `IFLA_PROTINFO` nest, kept as bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProtInfo {
    /// The nest's value.
    pub bytes: Vec<u8>,
    /// Whether the header carries `NLA_F_NESTED`.
    pub flagged: bool,
}

impl AttrValue for ProtInfo {
    type Ref<'a> = Nla<'a>;
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<Nla<'a>, DecodeError> {
        Ok(*nla)
    }
    fn from_ref(nla: &Nla<'_>) -> Result<Self, DecodeError> {
        Ok(ProtInfo {
            bytes: nla.value().to_vec(),
            flagged: nla.is_nested(),
        })
    }
    fn header_flags(&self) -> u16 {
        if self.flagged {
            NLA_F_NESTED
        } else {
            0
        }
    }
    fn value_len(&self) -> usize {
        self.bytes.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.bytes)
    }
}
