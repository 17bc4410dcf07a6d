//! Address operations: add (or replace), delete, dump and flush.
//!
//! Arguments the kernel would refuse anyway (a prefix length beyond the
//! address, a label on an IPv6 address, a peer of the other family, ...)
//! are refused before anything is sent, with [`Error::InvalidArgument`]
//! saying why.

use std::net::{IpAddr, Ipv4Addr};

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::address::{
    AddressAttr, AddressCacheInfo, AddressFlags, AddressHeader, AddressMessage,
};
use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::{RouteNetlinkMessage, Scope};
use netlink_proto::RequestOptions;

use crate::request::ack;
use crate::{Error, Request};

/// `IFNAMSIZ - 1` (linux/if.h): the longest label the kernel keeps
/// (`IFA_LABEL` is declared `NLA_STRING` of at most this many bytes).
const MAX_LABEL_LEN: usize = 15;

/// The errno the kernel answers for an address that is not (or no longer)
/// there: `EADDRNOTAVAIL`.
const EADDRNOTAVAIL: i32 = 99;

/// How many dump-then-delete rounds a flush makes at most, as iproute2
/// does: deleting a primary IPv4 address may promote or remove
/// secondaries, which the next round sees.
const FLUSH_ROUNDS: usize = 10;

fn family_of(ip: IpAddr) -> u8 {
    if ip.is_ipv4() {
        AF_INET
    } else {
        AF_INET6
    }
}

fn max_prefix_len(ip: IpAddr) -> u8 {
    if ip.is_ipv4() {
        32
    } else {
        128
    }
}

fn header(index: u32, ip: IpAddr, prefix_len: u8) -> AddressHeader {
    AddressHeader {
        family: family_of(ip),
        prefix_len,
        index,
        ..Default::default()
    }
}

/// `IFA_LOCAL` is the address of the interface, `IFA_ADDRESS` the prefix
/// address, which on point-to-point links is the peer's; without a peer
/// both are the local address (what iproute2 sends, for both families).
fn address_attrs(local: IpAddr, peer: Option<IpAddr>) -> Vec<AddressAttr> {
    vec![
        AddressAttr::Local(local),
        AddressAttr::Address(peer.unwrap_or(local)),
    ]
}

fn check_prefix_len(ip: IpAddr, prefix_len: u8) -> Result<(), String> {
    let max = max_prefix_len(ip);
    if prefix_len > max {
        return Err(format!(
            "prefix length {prefix_len} is longer than the {max} bits of {ip}"
        ));
    }
    Ok(())
}

fn new_address(message: RouteNetlinkMessage) -> Option<AddressMessage> {
    match message {
        RouteNetlinkMessage::NewAddress(address) => Some(address),
        _ => None,
    }
}

/// An address lifetime (`struct ifa_cacheinfo`, in seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Never expires (`0xffffffff`, what `ip` prints as `forever`).
    Forever,
    /// Expires after this many seconds (less than `0xffffffff`).
    Seconds(u32),
}

impl Lifetime {
    /// The value of the `ifa_cacheinfo` field.
    pub fn to_raw(self) -> u32 {
        match self {
            Lifetime::Forever => u32::MAX,
            Lifetime::Seconds(seconds) => seconds,
        }
    }

    /// The lifetime a raw `ifa_cacheinfo` field stands for.
    pub fn from_raw(raw: u32) -> Self {
        if raw == u32::MAX {
            Lifetime::Forever
        } else {
            Lifetime::Seconds(raw)
        }
    }
}

/// Adds an address (`RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_EXCL`), or
/// with [`replace`](AddressAdd::replace) adds or updates it
/// (`NLM_F_CREATE | NLM_F_REPLACE`, as `ip address replace`).
#[derive(Debug, Clone)]
pub struct AddressAdd {
    header: AddressHeader,
    local: IpAddr,
    peer: Option<IpAddr>,
    attrs: Vec<AddressAttr>,
    flags: AddressFlags,
    lifetimes: Option<(Lifetime, Lifetime)>,
    replace: bool,
    invalid: Option<String>,
}

impl AddressAdd {
    /// `ip`/`prefix_len` on link `index`. A prefix length beyond the
    /// address (32 for IPv4, 128 for IPv6) makes the request fail with
    /// [`Error::InvalidArgument`] before anything is sent.
    pub fn new(index: u32, ip: IpAddr, prefix_len: u8) -> Self {
        AddressAdd {
            header: header(index, ip, prefix_len),
            local: ip,
            peer: None,
            attrs: Vec::new(),
            flags: AddressFlags::default(),
            lifetimes: None,
            replace: false,
            invalid: check_prefix_len(ip, prefix_len).err(),
        }
    }

    fn refuse(&mut self, reason: String) {
        self.invalid.get_or_insert(reason);
    }

    /// Adds the address, or updates it if it exists (`NLM_F_REPLACE`
    /// instead of `NLM_F_EXCL`, as `ip address replace`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.replace = true;
        self
    }

    /// The peer of a point-to-point link (`ip address add LOCAL peer
    /// PEER/LEN`): sent as `IFA_ADDRESS`, the local address as
    /// `IFA_LOCAL`; the prefix length then applies to the peer. Must be of
    /// the local address's family.
    #[must_use]
    pub fn peer(mut self, peer: IpAddr) -> Self {
        if peer.is_ipv4() != self.local.is_ipv4() {
            self.refuse(format!(
                "peer {peer} is not of the family of the local address {}",
                self.local
            ));
        }
        self.peer = Some(peer);
        self
    }

    /// Sets the broadcast address (`IFA_BROADCAST`, IPv4 only).
    #[must_use]
    pub fn broadcast(mut self, ip: Ipv4Addr) -> Self {
        if !self.local.is_ipv4() {
            self.refuse(format!(
                "a broadcast address is for IPv4 only, not for {}",
                self.local
            ));
        }
        self.attrs.push(AddressAttr::Broadcast(ip));
        self
    }

    /// Sets the label (`IFA_LABEL`, IPv4 only), at most 15 bytes.
    ///
    /// The kernel takes any label; by convention (which `ip address add`
    /// enforces) a label is the link's name or the link's name, a colon
    /// and a suffix (`eth0:1`), and tools that group addresses by label
    /// expect that. [`label_for`](AddressAdd::label_for) builds such a label.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        let label = label.into();
        if !self.local.is_ipv4() {
            self.refuse(format!(
                "labels are for IPv4 addresses only, not for {}",
                self.local
            ));
        } else if label.is_empty() || label.len() > MAX_LABEL_LEN || label.contains('\0') {
            self.refuse(format!(
                "label {label:?} must be 1 to {MAX_LABEL_LEN} bytes without NUL"
            ));
        }
        self.attrs.push(AddressAttr::Label(label.into()));
        self
    }

    /// Sets the label `LINK:SUFFIX` (or `LINK` for an empty suffix) for
    /// link `link_name`, the form `ip address add ... label` insists on.
    #[must_use]
    pub fn label_for(self, link_name: &str, suffix: &str) -> Self {
        if suffix.is_empty() {
            self.label(link_name)
        } else {
            self.label(format!("{link_name}:{suffix}"))
        }
    }

    /// Sets the valid and preferred lifetimes (`IFA_CACHEINFO`); the
    /// address is removed once the valid one runs out, and deprecated once
    /// the preferred one does. The valid lifetime must not be zero nor
    /// shorter than the preferred one (the kernel refuses both).
    #[must_use]
    pub fn lifetimes(mut self, valid: Lifetime, preferred: Lifetime) -> Self {
        if valid == Lifetime::Seconds(0) {
            self.refuse("the valid lifetime must not be 0".into());
        } else if preferred.to_raw() > valid.to_raw() {
            self.refuse(format!(
                "the preferred lifetime ({preferred:?}) is longer than the valid one ({valid:?})"
            ));
        }
        self.lifetimes = Some((valid, preferred));
        self
    }

    /// Adds address flags (`IFA_FLAGS`): the ones a caller may set are
    /// `NODAD`, `OPTIMISTIC`, `HOMEADDRESS`, `MANAGETEMPADDR`,
    /// `NOPREFIXROUTE` and `MCAUTOJOIN`.
    #[must_use]
    pub fn flags(mut self, flags: AddressFlags) -> Self {
        self.flags |= flags;
        self
    }

    /// No prefix route for this address (`IFA_F_NOPREFIXROUTE`).
    #[must_use]
    pub fn noprefixroute(self) -> Self {
        self.flags(AddressFlags::NOPREFIXROUTE)
    }

    /// No duplicate address detection (`IFA_F_NODAD`, IPv6).
    #[must_use]
    pub fn nodad(self) -> Self {
        self.flags(AddressFlags::NODAD)
    }

    /// The metric of the prefix route (`IFA_RT_PRIORITY`).
    #[must_use]
    pub fn metric(mut self, metric: u32) -> Self {
        self.attrs.push(AddressAttr::RtPriority(metric));
        self
    }

    /// The scope (`ifa_scope`): [`Scope::Universe`] (global, the default),
    /// `Link`, `Host`, ...
    #[must_use]
    pub fn scope(mut self, scope: Scope) -> Self {
        self.header.scope = scope;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let mut header = self.header;
        let mut attrs = address_attrs(self.local, self.peer);
        attrs.extend(self.attrs);
        if self.flags != AddressFlags::default() {
            // The header keeps the low 8 bits; IFA_FLAGS has them all.
            header.flags = (self.flags.bits() & 0xff) as u8;
            attrs.push(AddressAttr::Flags(self.flags));
        }
        if let Some((valid, preferred)) = self.lifetimes {
            attrs.push(AddressAttr::CacheInfo(AddressCacheInfo {
                preferred: preferred.to_raw(),
                valid: valid.to_raw(),
                ..Default::default()
            }));
        }
        let message = RouteNetlinkMessage::NewAddress(AddressMessage::new(header, attrs));
        if let Some(reason) = self.invalid {
            return Request::invalid(message, reason);
        }
        let flags = if self.replace {
            NetlinkFlags::CREATE | NetlinkFlags::REPLACE
        } else {
            NetlinkFlags::CREATE | NetlinkFlags::EXCL
        };
        Request::new(message, flags, RequestOptions::request(), ack)
    }
}

impl From<AddressAdd> for Request<()> {
    fn from(add: AddressAdd) -> Self {
        add.build()
    }
}

/// Deletes an address (`RTM_DELADDR`).
#[derive(Debug, Clone, Copy)]
pub struct AddressDel;

impl AddressDel {
    /// Deletes `ip`/`prefix_len` from link `index`. A prefix length beyond
    /// the address fails with [`Error::InvalidArgument`], unsent.
    pub fn address(index: u32, ip: IpAddr, prefix_len: u8) -> Request<()> {
        let message = RouteNetlinkMessage::DelAddress(AddressMessage::new(
            header(index, ip, prefix_len),
            address_attrs(ip, None),
        ));
        if let Err(reason) = check_prefix_len(ip, prefix_len) {
            return Request::invalid(message, reason);
        }
        Request::new(
            message,
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }

    /// Deletes an address as a dump returned it: its link, prefix length,
    /// local and prefix (or peer) addresses identify it.
    pub fn message(address: &AddressMessage) -> Request<()> {
        let header = AddressHeader {
            family: address.header.family,
            prefix_len: address.header.prefix_len,
            index: address.header.index,
            ..Default::default()
        };
        let attrs = address
            .attrs
            .iter()
            .filter(|a| matches!(a, AddressAttr::Local(_) | AddressAttr::Address(_)))
            .cloned()
            .collect();
        Request::new(
            RouteNetlinkMessage::DelAddress(AddressMessage::new(header, attrs)),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            ack,
        )
    }
}

/// Dumps addresses (`RTM_GETADDR`), optionally of one family, one link,
/// one scope.
///
/// The family and the link go into the request's header, so the kernel
/// filters (the link with strict checking, Linux 4.20 and later); the
/// replies are filtered here too, for older kernels. The scope is filtered
/// here only: strict checking refuses a dump request with a scope.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressGet {
    family: u8,
    link: Option<u32>,
    scope: Option<Scope>,
}

impl AddressGet {
    /// Every address.
    pub fn dump() -> Self {
        Self::default()
    }

    /// Only addresses of this family (`AF_INET`, `AF_INET6`; 0 for all).
    #[must_use]
    pub fn family(mut self, family: u8) -> Self {
        self.family = family;
        self
    }

    /// Only addresses of link `index`.
    #[must_use]
    pub fn link(mut self, index: u32) -> Self {
        self.link = Some(index);
        self
    }

    /// Only addresses of this scope.
    #[must_use]
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Whether `address` passes the filters.
    pub fn matches(&self, address: &AddressMessage) -> bool {
        (self.family == 0 || address.header.family == self.family)
            && self.link.map_or(true, |i| address.header.index == i)
            && self.scope.map_or(true, |s| address.header.scope == s)
    }

    /// The request.
    pub fn build(self) -> Request<Vec<AddressMessage>> {
        let header = AddressHeader {
            family: self.family,
            index: self.link.unwrap_or(0),
            ..Default::default()
        };
        Request::each_reply(
            RouteNetlinkMessage::GetAddress(AddressMessage::new(header, vec![])),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            move |reply| new_address(reply).filter(|a| self.matches(a)),
        )
    }
}

impl From<AddressGet> for Request<Vec<AddressMessage>> {
    fn from(get: AddressGet) -> Self {
        get.build()
    }
}

/// Removes every address that an [`AddressGet`] filter selects (`ip
/// address flush`): dumps them, deletes them in one batch, and dumps again
/// while deleting made progress (removing a primary IPv4 address can
/// remove or promote its secondaries), at most 10 rounds. The result is
/// how many of the selected addresses are gone (secondaries the kernel
/// removed with their primary included).
///
/// ```no_run
/// use rtnetlink::address::{AddressFlush, AddressGet};
/// let mut handle = rtnetlink::blocking::Handle::new()?;
/// let removed = AddressFlush::new(AddressGet::dump().link(2)).run_blocking(&mut handle)?;
/// println!("{removed} addresses removed");
/// # Ok::<(), rtnetlink::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AddressFlush {
    filter: AddressGet,
}

impl AddressFlush {
    /// Flushes what `filter` selects.
    pub fn new(filter: AddressGet) -> Self {
        AddressFlush { filter }
    }

    /// Every address of link `index`.
    pub fn link(index: u32) -> Self {
        Self::new(AddressGet::dump().link(index))
    }

    /// The dump of one round.
    pub fn dump(&self) -> Request<Vec<AddressMessage>> {
        self.filter.build()
    }

    /// The deletions of one round, one per dumped address.
    pub fn deletes(addresses: &[AddressMessage]) -> Vec<Request<()>> {
        addresses.iter().map(AddressDel::message).collect()
    }

    /// Fails on the first deletion error other than the address being
    /// gone already (`EADDRNOTAVAIL`, `ENOENT`: removed with its primary).
    /// Whether anything was deleted.
    fn check(results: Vec<Result<(), Error>>) -> Result<bool, Error> {
        let mut progress = false;
        for result in results {
            match result {
                Ok(()) => progress = true,
                Err(Error::NotFound { .. }) => {}
                Err(error) if error.errno() == Some(EADDRNOTAVAIL) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(progress)
    }

    /// Runs the flush through the blocking front end.
    pub fn run_blocking(self, handle: &mut crate::blocking::Handle) -> Result<usize, Error> {
        let mut addresses = handle.execute(self.dump())?;
        let before = addresses.len();
        for _ in 0..FLUSH_ROUNDS {
            if addresses.is_empty()
                || !Self::check(handle.execute_batch(Self::deletes(&addresses))?)?
            {
                break;
            }
            addresses = handle.execute(self.dump())?;
        }
        Ok(before.saturating_sub(addresses.len()))
    }

    /// Runs the flush through the tokio front end.
    #[cfg(feature = "tokio")]
    pub async fn run_tokio(self, handle: &crate::tokio::Handle) -> Result<usize, Error> {
        let mut addresses = handle.execute(self.dump()).await?;
        let before = addresses.len();
        for _ in 0..FLUSH_ROUNDS {
            if addresses.is_empty()
                || !Self::check(handle.execute_batch(Self::deletes(&addresses)).await)?
            {
                break;
            }
            addresses = handle.execute(self.dump()).await?;
        }
        Ok(before.saturating_sub(addresses.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    const V4: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    const V6: IpAddr = IpAddr::V6(Ipv6Addr::LOCALHOST);

    fn refused(request: Request<()>) -> String {
        match request.check() {
            Err(Error::InvalidArgument(reason)) => reason,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn prefix_lengths_are_checked() {
        assert!(AddressAdd::new(1, V4, 32).build().check().is_ok());
        assert!(AddressAdd::new(1, V6, 128).build().check().is_ok());
        assert!(refused(AddressAdd::new(1, V4, 33).build()).contains("33"));
        assert!(refused(AddressAdd::new(1, V6, 129).build()).contains("128 bits"));
        assert!(refused(AddressDel::address(1, V4, 40)).contains("40"));
    }

    #[test]
    fn family_specific_settings_are_checked() {
        assert!(refused(AddressAdd::new(1, V6, 64).label("x").build()).contains("IPv4"));
        assert!(refused(
            AddressAdd::new(1, V6, 64)
                .broadcast(Ipv4Addr::BROADCAST)
                .build()
        )
        .contains("IPv4"));
        assert!(refused(AddressAdd::new(1, V4, 24).peer(V6).build()).contains("family"));
        assert!(
            refused(AddressAdd::new(1, V4, 24).label("sixteen-bytes-xx").build())
                .contains("15 bytes")
        );
        let reason = refused(
            AddressAdd::new(1, V4, 24)
                .lifetimes(Lifetime::Seconds(10), Lifetime::Seconds(20))
                .build(),
        );
        assert!(reason.contains("preferred"), "{reason}");
    }

    #[test]
    fn attributes_and_flags() {
        let request = AddressAdd::new(3, V4, 32)
            .peer(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2)))
            .flags(AddressFlags::NOPREFIXROUTE | AddressFlags::NODAD)
            .lifetimes(Lifetime::Forever, Lifetime::Seconds(60))
            .metric(7)
            .replace()
            .build();
        assert!(request.flags().contains(NetlinkFlags::REPLACE));
        assert!(!request.flags().contains(NetlinkFlags::EXCL));
        let RouteNetlinkMessage::NewAddress(message) = request.message() else {
            panic!("{:?}", request.message())
        };
        assert_eq!(message.header.flags, 0x02);
        assert_eq!(message.address(), Some(V4));
        assert!(message
            .attrs
            .contains(&AddressAttr::Address(IpAddr::V4(Ipv4Addr::new(
                192, 0, 2, 2
            )))));
        assert!(message.attrs.contains(&AddressAttr::RtPriority(7)));
        assert!(message.attrs.iter().any(|a| matches!(
            a,
            AddressAttr::CacheInfo(AddressCacheInfo {
                preferred: 60,
                valid: u32::MAX,
                ..
            })
        )));
        assert_eq!(
            message.flags(),
            AddressFlags::NOPREFIXROUTE | AddressFlags::NODAD
        );
    }
}
