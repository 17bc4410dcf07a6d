//! An operation as a plain value.

use std::time::Duration;

use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::Error;

type Finish<T> = Box<dyn FnOnce(Vec<RouteNetlinkMessage>) -> Result<T, Error> + Send>;

/// One operation: the message, its flags, do or dump, and how the replies
/// become the result. Front ends send it and hand the replies to its
/// finishing step.
pub struct Request<T> {
    message: RouteNetlinkMessage,
    flags: NetlinkFlags,
    options: RequestOptions,
    finish: Finish<T>,
}

impl<T> std::fmt::Debug for Request<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("message", &self.message)
            .field("flags", &self.flags)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<T> Request<T> {
    /// A request from its parts.
    pub fn new(
        message: RouteNetlinkMessage,
        flags: NetlinkFlags,
        options: RequestOptions,
        finish: impl FnOnce(Vec<RouteNetlinkMessage>) -> Result<T, Error> + Send + 'static,
    ) -> Self {
        Request {
            message,
            flags,
            options,
            finish: Box::new(finish),
        }
    }

    /// The message that is sent.
    pub fn message(&self) -> &RouteNetlinkMessage {
        &self.message
    }

    /// Its flags besides `REQUEST`, `ACK` and `DUMP` (which the engine sets).
    pub fn flags(&self) -> NetlinkFlags {
        self.flags
    }

    /// Do or dump, timeout, interrupted-dump policy.
    pub fn options(&self) -> &RequestOptions {
        &self.options
    }

    /// Fails with a timeout error if no final answer comes within `timeout`.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options = self.options.timeout(timeout);
        self
    }

    /// The netlink message and options to send, and the function finishing
    /// the replies: what a front end needs.
    #[allow(clippy::type_complexity)]
    pub fn into_parts(
        self,
    ) -> (
        NetlinkMessage<RouteNetlinkMessage>,
        RequestOptions,
        Box<dyn FnOnce(Vec<RouteNetlinkMessage>) -> Result<T, Error> + Send>,
    ) {
        let mut message = NetlinkMessage::from_inner(self.message);
        message.header.flags = self.flags;
        (message, self.options, self.finish)
    }
}

/// Keeps the protocol payloads of replies.
pub(crate) fn payloads(
    replies: Vec<NetlinkMessage<RouteNetlinkMessage>>,
) -> Vec<RouteNetlinkMessage> {
    replies
        .into_iter()
        .filter_map(|m| match m.payload {
            NetlinkPayload::Inner(inner) => Some(inner),
            _ => None,
        })
        .collect()
}
