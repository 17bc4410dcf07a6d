//! Nexthop groups, hash-threshold and resilient, and the buckets of the
//! latter.

use std::time::Duration;

use netlink_packet_core::nla::{Flag, Nested};
use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::nexthop::{
    NexthopAttr, NexthopGroup, NexthopGroupEntry, NexthopGroupType, NexthopHeader, NexthopMessage,
    ResGroupAttr,
};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use super::create_flags;
use crate::request::ack;
use crate::Request;

/// `USER_HZ`: the kernel reports and takes `clock_t` values in these ticks
/// per second.
const USER_HZ: u128 = 100;

fn clock_t(duration: Duration) -> u32 {
    u32::try_from(duration.as_millis() * USER_HZ / 1000).unwrap_or(u32::MAX)
}

/// Adds or replaces a nexthop group (`RTM_NEWNEXTHOP` with `NHA_GROUP`,
/// `ip nexthop add id ID group A,W/B,W`): hash-threshold unless
/// [`resilient`](NexthopGroupAdd::resilient).
#[derive(Debug, Clone)]
pub struct NexthopGroupAdd {
    id: u32,
    members: Vec<NexthopGroupEntry>,
    resilient: Option<Vec<ResGroupAttr>>,
    fdb: bool,
    protocol: u8,
    replace: bool,
    /// The first argument found wrong, which refuses the request.
    problem: Option<String>,
}

impl NexthopGroupAdd {
    /// Group `id` of `members`, each a nexthop id and its weight
    /// (1..=256, as `ip` writes it). The request fails unsent with
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for no
    /// member or a weight outside 1..=256.
    pub fn new(id: u32, members: &[(u32, u16)]) -> Self {
        let mut problem = None;
        if members.is_empty() {
            problem = Some("a nexthop group needs at least one member".to_owned());
        }
        if let Some((member, weight)) = members
            .iter()
            .find(|(_, weight)| !(1..=256).contains(weight))
        {
            problem = Some(format!(
                "weight {weight} of nexthop {member} is outside 1..=256"
            ));
        }
        let members = members
            .iter()
            .map(|&(member, weight)| NexthopGroupEntry::new(member, weight))
            .collect();
        NexthopGroupAdd {
            id,
            members,
            resilient: None,
            fdb: false,
            protocol: 0,
            replace: false,
            problem,
        }
    }

    /// A resilient group of `buckets` buckets (`NEXTHOP_GRP_TYPE_RES`,
    /// `type resilient buckets N`).
    #[must_use]
    pub fn resilient(mut self, buckets: u16) -> Self {
        self.resilient
            .get_or_insert_with(Vec::new)
            .push(ResGroupAttr::Buckets(buckets));
        self
    }

    /// How long a bucket stays idle before it may move (resilient groups,
    /// `idle_timer`), in clock ticks of 1/100 s.
    #[must_use]
    pub fn idle_timer(mut self, timer: Duration) -> Self {
        self.resilient
            .get_or_insert_with(Vec::new)
            .push(ResGroupAttr::IdleTimer(clock_t(timer)));
        self
    }

    /// How long the group may stay unbalanced before buckets move anyway
    /// (resilient groups, `unbalanced_timer`).
    #[must_use]
    pub fn unbalanced_timer(mut self, timer: Duration) -> Self {
        self.resilient
            .get_or_insert_with(Vec::new)
            .push(ResGroupAttr::UnbalancedTimer(clock_t(timer)));
        self
    }

    /// A group of FDB nexthops (`NHA_FDB`, `fdb`).
    #[must_use]
    pub fn fdb(mut self) -> Self {
        self.fdb = true;
        self
    }

    /// Who adds it (`nh_protocol`, `RTPROT_*`).
    #[must_use]
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.protocol = protocol;
        self
    }

    /// Replaces group `id` if it exists (`NLM_F_REPLACE`).
    #[must_use]
    pub fn replace(mut self) -> Self {
        self.replace = true;
        self
    }

    /// The request.
    pub fn build(self) -> Request<()> {
        let header = NexthopHeader {
            protocol: self.protocol,
            ..Default::default()
        };
        let mut attrs = vec![
            NexthopAttr::Id(self.id),
            NexthopAttr::Group(NexthopGroup(self.members)),
        ];
        if let Some(res) = self.resilient {
            attrs.push(NexthopAttr::GroupType(NexthopGroupType::Resilient));
            attrs.push(NexthopAttr::ResGroup(Nested::new(res)));
        }
        if self.fdb {
            attrs.push(NexthopAttr::Fdb(Flag));
        }
        let message = NexthopMessage::new(header, attrs);
        if let Some(problem) = self.problem {
            return Request::invalid(RouteNetlinkMessage::NewNexthop(message), problem);
        }
        Request::new(
            RouteNetlinkMessage::NewNexthop(message),
            create_flags(self.replace),
            RequestOptions::request(),
            ack,
        )
    }
}

impl From<NexthopGroupAdd> for Request<()> {
    fn from(add: NexthopGroupAdd) -> Self {
        add.build()
    }
}

/// Dumps the buckets of resilient groups (`RTM_GETNEXTHOPBUCKET` with
/// `NLM_F_DUMP`, `ip nexthop bucket show`): one message per bucket, its
/// group in `NHA_ID` and the bucket in `NHA_RES_BUCKET`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NexthopBucketDump {
    group: Option<u32>,
}

impl NexthopBucketDump {
    /// Buckets of every resilient group.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only buckets of group `id` (`id`), filtered by the kernel.
    #[must_use]
    pub fn group(mut self, id: u32) -> Self {
        self.group = Some(id);
        self
    }

    /// The request.
    pub fn build(self) -> Request<Vec<NexthopMessage>> {
        let attrs = self.group.map(NexthopAttr::Id).into_iter().collect();
        Request::new(
            RouteNetlinkMessage::GetNexthopBucket(NexthopMessage::new(
                NexthopHeader::default(),
                attrs,
            )),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |replies| {
                Ok(replies
                    .into_iter()
                    .filter_map(|m| match m {
                        RouteNetlinkMessage::NewNexthopBucket(b) => Some(b),
                        _ => None,
                    })
                    .collect())
            },
        )
    }
}

impl From<NexthopBucketDump> for Request<Vec<NexthopMessage>> {
    fn from(dump: NexthopBucketDump) -> Self {
        dump.build()
    }
}
