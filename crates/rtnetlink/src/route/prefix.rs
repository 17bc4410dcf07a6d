//! Destination prefixes, checked when made.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use netlink_packet_route::family::{AF_INET, AF_INET6};

use crate::Error;

/// An IPv4 or IPv6 prefix: an address and how many of its leading bits
/// count (`10.0.0.0/24`, `2001:db8::/64`, `0.0.0.0/0` for a default route).
///
/// Made only through [`Prefix::new`] (or parsing), which refuses a length
/// beyond the address and host bits set beyond the length, so that a route
/// request built from it is never refused by the kernel for its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prefix {
    addr: IpAddr,
    len: u8,
}

/// The number of bits of an address of `ip`'s family.
pub(crate) fn max_len(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    }
}

/// `AF_INET` or `AF_INET6`, by `ip`'s family.
pub(crate) fn family_of(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(_) => AF_INET,
        IpAddr::V6(_) => AF_INET6,
    }
}

/// The family's name in error messages.
pub(crate) fn family_name(ip: IpAddr) -> &'static str {
    match ip {
        IpAddr::V4(_) => "IPv4",
        IpAddr::V6(_) => "IPv6",
    }
}

impl Prefix {
    /// `addr/len`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] if `len` is beyond the address (32 for
    /// IPv4, 128 for IPv6) or `addr` has bits set past `len` (`10.0.0.1/24`:
    /// say `10.0.0.0/24`; the kernel refuses such IPv4 prefixes and silently
    /// masks IPv6 ones).
    pub fn new(addr: IpAddr, len: u8) -> Result<Self, Error> {
        let max = max_len(addr);
        if len > max {
            return Err(Error::InvalidArgument(format!(
                "prefix length {len} of {addr} is beyond {max}, the length of an {} address",
                family_name(addr)
            )));
        }
        let prefix = Prefix { addr, len };
        if prefix.network() != addr {
            return Err(Error::InvalidArgument(format!(
                "{addr}/{len} has host bits set: the prefix is {}/{len}",
                prefix.network()
            )));
        }
        Ok(prefix)
    }

    /// The host route to `addr` (`/32` or `/128`).
    pub fn host(addr: IpAddr) -> Self {
        Prefix {
            addr,
            len: max_len(addr),
        }
    }

    /// `0.0.0.0/0`: the IPv4 default route.
    pub fn default_v4() -> Self {
        Prefix {
            addr: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            len: 0,
        }
    }

    /// `::/0`: the IPv6 default route.
    pub fn default_v6() -> Self {
        Prefix {
            addr: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
            len: 0,
        }
    }

    /// The address.
    pub fn addr(&self) -> IpAddr {
        self.addr
    }

    /// The prefix length.
    pub fn prefix_len(&self) -> u8 {
        self.len
    }

    /// Whether this is a default route's prefix (length 0).
    pub fn is_default(&self) -> bool {
        self.len == 0
    }

    /// `AF_INET` or `AF_INET6`.
    pub fn family(&self) -> u8 {
        family_of(self.addr)
    }

    /// Whether `ip` is inside the prefix.
    pub fn contains(&self, ip: IpAddr) -> bool {
        family_of(ip) == self.family()
            && Prefix {
                addr: ip,
                len: self.len,
            }
            .network()
                == self.addr
    }

    /// The address with the bits past the length cleared.
    fn network(&self) -> IpAddr {
        match self.addr {
            IpAddr::V4(a) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.len)).unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask))
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.len))
                    .unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask))
            }
        }
    }
}

impl fmt::Display for Prefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.len)
    }
}

impl FromStr for Prefix {
    type Err = Error;

    /// `ADDR/LEN`, or a bare address for a host route.
    fn from_str(s: &str) -> Result<Self, Error> {
        let (addr, len) = match s.split_once('/') {
            Some((addr, len)) => (addr, Some(len)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| Error::InvalidArgument(format!("{s:?}: {addr:?} is not an IP address")))?;
        match len {
            None => Ok(Prefix::host(addr)),
            Some(len) => {
                let len = len.parse::<u8>().map_err(|_| {
                    Error::InvalidArgument(format!("{s:?}: {len:?} is not a prefix length"))
                })?;
                Prefix::new(addr, len)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_host_bits_are_checked() {
        assert!("10.0.0.0/24".parse::<Prefix>().is_ok());
        assert_eq!(
            "10.0.0.1".parse::<Prefix>().map(|p| p.prefix_len()).ok(),
            Some(32)
        );
        assert!(matches!(
            "10.0.0.0/33".parse::<Prefix>(),
            Err(Error::InvalidArgument(m)) if m.contains("beyond 32")
        ));
        assert!(matches!(
            "10.0.0.1/24".parse::<Prefix>(),
            Err(Error::InvalidArgument(m)) if m.contains("10.0.0.0/24")
        ));
        assert!(matches!(
            "2001:db8::/129".parse::<Prefix>(),
            Err(Error::InvalidArgument(_))
        ));
        assert!("2001:db8::/0".parse::<Prefix>().is_err());
        assert!("::/0".parse::<Prefix>().is_ok_and(|p| p.is_default()));
        assert!("x/3".parse::<Prefix>().is_err());
        let p: Prefix = "192.0.2.0/24"
            .parse()
            .unwrap_or_else(|_| Prefix::default_v4());
        assert!(p.contains(
            "192.0.2.77"
                .parse()
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
        ));
        assert_eq!(p.to_string(), "192.0.2.0/24");
    }
}
