//! An operation as a plain value.

use std::time::Duration;

use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::Error;

/// Turns the answer to a request (its replies, or why it failed) into the
/// request's result.
pub type Finish<T> =
    Box<dyn FnOnce(Result<Vec<RouteNetlinkMessage>, Error>) -> Result<T, Error> + Send>;

/// One operation: the message, its flags, do or dump, and how the replies
/// become the result. Front ends send it and hand the replies to its
/// finishing step.
pub struct Request<T> {
    message: RouteNetlinkMessage,
    flags: NetlinkFlags,
    options: RequestOptions,
    finish: Finish<T>,
    /// Why the request must not be sent, found while building it.
    invalid: Option<String>,
}

impl<T> std::fmt::Debug for Request<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("message", &self.message)
            .field("flags", &self.flags)
            .field("options", &self.options)
            .field("invalid", &self.invalid)
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
            finish: Box::new(move |answer| finish(answer?)),
            invalid: None,
        }
    }

    /// A request refused before anything is sent: running it fails with
    /// [`Error::InvalidArgument`] carrying `reason`. Builders use it for
    /// arguments they can check themselves (a prefix length beyond the
    /// address, a name too long, ...); `message` is what would have gone.
    pub fn invalid(message: RouteNetlinkMessage, reason: impl Into<String>) -> Self {
        Request {
            message,
            flags: NetlinkFlags::empty(),
            options: RequestOptions::request(),
            finish: Box::new(|_| Err(Error::Decode("an invalid request was run".into()))),
            invalid: Some(reason.into()),
        }
    }

    /// `Err(Error::InvalidArgument)` for a request refused while it was
    /// built: front ends check this before sending.
    pub fn check(&self) -> Result<(), Error> {
        match &self.invalid {
            Some(reason) => Err(Error::InvalidArgument(reason.clone())),
            None => Ok(()),
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

    /// The same request with its result mapped by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U + Send + 'static) -> Request<U>
    where
        T: 'static,
    {
        let finish = self.finish;
        Request {
            message: self.message,
            flags: self.flags,
            options: self.options,
            finish: Box::new(move |answer| finish(answer).map(f)),
            invalid: self.invalid,
        }
    }

    /// The same request, with `recover` deciding what a failure becomes:
    /// some kernel errors mean "nothing there" (a dump of a routing table
    /// never used is refused with `ENOENT`), which a caller may rather see
    /// as an empty result.
    #[must_use]
    pub fn or_else(self, recover: impl FnOnce(Error) -> Result<T, Error> + Send + 'static) -> Self
    where
        T: 'static,
    {
        let finish = self.finish;
        Request {
            finish: Box::new(move |answer| finish(answer).or_else(recover)),
            ..self
        }
    }

    /// Adds `flags` to the request's flags (say `NLM_F_ECHO`).
    #[must_use]
    pub fn with_flags(mut self, flags: NetlinkFlags) -> Self {
        self.flags |= flags;
        self
    }

    /// The netlink message and options to send, and the function turning
    /// the answer into the result: what a front end needs.
    pub fn into_parts(
        self,
    ) -> (
        NetlinkMessage<RouteNetlinkMessage>,
        RequestOptions,
        Finish<T>,
    ) {
        let mut message = NetlinkMessage::from_inner(self.message);
        message.header.flags = self.flags;
        (message, self.options, self.finish)
    }
}

/// Turns on what every handle wants of its socket: strict checking of
/// requests (`NETLINK_GET_STRICT_CHK`, Linux 4.20), which makes the kernel
/// filter dumps by the header fields and attributes a request sets, and
/// reject malformed requests instead of guessing. On older kernels the
/// option is refused and dumps are filtered client-side only.
pub(crate) fn prepare(socket: netlink_sys::Socket) -> netlink_sys::Socket {
    let _ = socket.set_strict_check(true);
    socket
}

/// A finishing step for requests answered by an ACK alone.
pub(crate) fn ack(_: Vec<RouteNetlinkMessage>) -> Result<(), Error> {
    Ok(())
}

/// The replies `pick` recognises, in order; dumps answer with one kind of
/// message, and anything else is not part of the result.
pub(crate) fn picked<T>(
    replies: Vec<RouteNetlinkMessage>,
    pick: fn(RouteNetlinkMessage) -> Option<T>,
) -> Vec<T> {
    replies.into_iter().filter_map(pick).collect()
}

/// The one reply `pick` recognises, for requests answered by one object.
pub(crate) fn single<T>(
    replies: Vec<RouteNetlinkMessage>,
    pick: fn(RouteNetlinkMessage) -> Option<T>,
    expected: &str,
) -> Result<T, Error> {
    replies
        .into_iter()
        .find_map(pick)
        .ok_or_else(|| Error::Decode(format!("no {expected} in the answer")))
}

/// The answer to a request as its finishing step takes it: the protocol
/// payloads of the replies, or the error.
pub(crate) fn answer(
    replies: Result<Vec<NetlinkMessage<RouteNetlinkMessage>>, netlink_proto::Error>,
) -> Result<Vec<RouteNetlinkMessage>, Error> {
    Ok(replies?
        .into_iter()
        .filter_map(|m| match m.payload {
            NetlinkPayload::Inner(inner) => Some(inner),
            _ => None,
        })
        .collect())
}

/// Checks an interface index: the kernel's `ifi_index` is an `int`, and
/// indexes are positive.
pub(crate) fn check_index(index: u32) -> Result<i32, String> {
    match i32::try_from(index) {
        Ok(i) if i > 0 => Ok(i),
        _ => Err(format!(
            "interface index {index} out of range 1..={}",
            i32::MAX
        )),
    }
}
