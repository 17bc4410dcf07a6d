//! Link statistics (`RTM_GETSTATS`, Linux 4.7): [`StatsGet`] for one link,
//! [`StatsDump`] for every link, each asking for the attribute groups of a
//! [`StatsFilter`] (`IFLA_STATS_LINK_64`, `IFLA_STATS_LINK_XSTATS`,
//! `IFLA_STATS_AF_SPEC`, ...). The kernel refuses an empty filter, so both
//! start with `LINK_64`, what `ip -s link` shows.

use netlink_packet_core::NetlinkFlags;
use netlink_packet_route::stats::{StatsFilter, StatsHeader, StatsMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::link::{check_index, checked, request};
use crate::request::{picked, single};
use crate::{Error, Request};

fn new_stats(message: RouteNetlinkMessage) -> Option<StatsMessage> {
    match message {
        RouteNetlinkMessage::NewStats(stats) => Some(stats),
        _ => None,
    }
}

fn get_stats(index: u32, filter: StatsFilter) -> RouteNetlinkMessage {
    let header = StatsHeader {
        index,
        filter_mask: filter,
        ..Default::default()
    };
    RouteNetlinkMessage::GetStats(StatsMessage::new(header, Vec::new()))
}

fn check_filter(filter: StatsFilter) -> Result<(), String> {
    if filter.bits() == 0 {
        return Err("an empty statistics filter asks for nothing".into());
    }
    Ok(())
}

/// The statistics of one link.
#[derive(Debug, Clone)]
pub struct StatsGet {
    index: u32,
    filter: StatsFilter,
}

impl StatsGet {
    /// The 64-bit counters (`IFLA_STATS_LINK_64`) of link `index`.
    pub fn link(index: u32) -> Self {
        StatsGet {
            index,
            filter: StatsFilter::LINK_64,
        }
    }

    /// Asks for the groups of `filter` instead.
    #[must_use]
    pub fn filter(mut self, filter: StatsFilter) -> Self {
        self.filter = filter;
        self
    }

    /// The request; an index of 0 or beyond `i32::MAX` or an empty filter
    /// make it fail with [`Error::InvalidArgument`] before sending.
    pub fn build(self) -> Request<StatsMessage> {
        let problem = check_index(self.index)
            .err()
            .or_else(|| check_filter(self.filter).err());
        request(
            get_stats(self.index, self.filter),
            NetlinkFlags::empty(),
            RequestOptions::request(),
            problem,
            |replies| single(replies, new_stats, "RTM_NEWSTATS"),
        )
    }

    /// The request, or the invalid argument.
    pub fn try_build(self) -> Result<Request<StatsMessage>, Error> {
        checked(self.build())
    }
}

impl From<StatsGet> for Request<StatsMessage> {
    fn from(get: StatsGet) -> Self {
        get.build()
    }
}

/// The statistics of every link.
#[derive(Debug, Clone)]
pub struct StatsDump {
    filter: StatsFilter,
}

impl Default for StatsDump {
    fn default() -> Self {
        StatsDump {
            filter: StatsFilter::LINK_64,
        }
    }
}

impl StatsDump {
    /// The 64-bit counters of every link.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for the groups of `filter` instead.
    #[must_use]
    pub fn filter(mut self, filter: StatsFilter) -> Self {
        self.filter = filter;
        self
    }

    /// The request; an empty filter makes it fail with
    /// [`Error::InvalidArgument`] before sending.
    pub fn build(self) -> Request<Vec<StatsMessage>> {
        request(
            get_stats(0, self.filter),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            check_filter(self.filter).err(),
            |replies| Ok(picked(replies, new_stats)),
        )
    }

    /// The request, or the invalid argument.
    pub fn try_build(self) -> Result<Request<Vec<StatsMessage>>, Error> {
        checked(self.build())
    }
}

impl From<StatsDump> for Request<Vec<StatsMessage>> {
    fn from(dump: StatsDump) -> Self {
        dump.build()
    }
}
