//! An operation as a plain value.

use std::time::Duration;

use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::RequestOptions;

use crate::Error;

/// What a request does with its answer: it takes each reply as it is
/// decoded, and makes the result of them when the answer is complete.
///
/// Front ends feed it; a dump that keeps only some of its replies (the
/// routes of a dump, filtered) keeps them as they come, in their final
/// type, instead of collecting every message first and picking after.
pub trait Collect<T>: Send {
    /// One reply of the answer, in order.
    fn reply(&mut self, reply: RouteNetlinkMessage);

    /// An interrupted dump starts over: the replies taken so far are void.
    fn restart(&mut self);

    /// The answer is complete (`Ok`) or failed: the request's result.
    fn finish(self: Box<Self>, outcome: Result<(), Error>) -> Result<T, Error>;
}

/// What a front end feeds a request's replies to: its [`Collect`]or, or
/// for a request made with [`Request::new`], a vector for its finishing
/// function (which costs no allocation until a reply comes: an
/// acknowledged change allocates nothing here).
pub struct Collector<T>(CollectorKind<T>);

enum CollectorKind<T> {
    AllReplies {
        replies: Vec<RouteNetlinkMessage>,
        finish: Finish<T>,
    },
    Custom(Box<dyn Collect<T>>),
}

/// A finishing step taking every reply. Boxed, but a function that
/// captures nothing (most of them) is not allocated.
type Finish<T> = Box<dyn FnOnce(Vec<RouteNetlinkMessage>) -> Result<T, Error> + Send>;

impl<T> Collector<T> {
    /// One reply of the answer, in order.
    pub fn reply(&mut self, reply: RouteNetlinkMessage) {
        match &mut self.0 {
            CollectorKind::AllReplies { replies, .. } => replies.push(reply),
            CollectorKind::Custom(collect) => collect.reply(reply),
        }
    }

    /// An interrupted dump starts over: the replies taken so far are void.
    pub fn restart(&mut self) {
        match &mut self.0 {
            CollectorKind::AllReplies { replies, .. } => replies.clear(),
            CollectorKind::Custom(collect) => collect.restart(),
        }
    }

    /// The answer is complete (`Ok`) or failed: the request's result.
    pub fn finish(self, outcome: Result<(), Error>) -> Result<T, Error> {
        match self.0 {
            CollectorKind::AllReplies { replies, finish } => {
                outcome?;
                finish(replies)
            }
            CollectorKind::Custom(collect) => collect.finish(outcome),
        }
    }
}

impl<T> std::fmt::Debug for Collector<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            CollectorKind::AllReplies { .. } => "Collector::AllReplies",
            CollectorKind::Custom(_) => "Collector::Custom",
        })
    }
}

/// Each reply turned into an item (or passed over) as it comes.
struct EachReply<I, F> {
    items: Vec<I>,
    each: F,
}

impl<I, F> Collect<Vec<I>> for EachReply<I, F>
where
    I: Send,
    F: FnMut(RouteNetlinkMessage) -> Option<I> + Send,
{
    fn reply(&mut self, reply: RouteNetlinkMessage) {
        self.items.extend((self.each)(reply));
    }

    fn restart(&mut self) {
        self.items.clear();
    }

    fn finish(self: Box<Self>, outcome: Result<(), Error>) -> Result<Vec<I>, Error> {
        outcome.map(|()| self.items)
    }
}

/// Another collector, its result (or failure) passed through `then`.
struct Then<T, F> {
    inner: Collector<T>,
    then: F,
}

impl<T, U, F> Collect<U> for Then<T, F>
where
    F: FnOnce(Result<T, Error>) -> Result<U, Error> + Send,
{
    fn reply(&mut self, reply: RouteNetlinkMessage) {
        self.inner.reply(reply);
    }

    fn restart(&mut self) {
        self.inner.restart();
    }

    fn finish(self: Box<Self>, outcome: Result<(), Error>) -> Result<U, Error> {
        let Then { inner, then } = *self;
        then(inner.finish(outcome))
    }
}

/// Feeds a whole answer (every reply, or why it failed) to `collect`.
pub(crate) fn collect_answer<T>(
    mut collect: Collector<T>,
    answer: Result<Vec<RouteNetlinkMessage>, Error>,
) -> Result<T, Error> {
    let outcome = answer.map(|replies| replies.into_iter().for_each(|r| collect.reply(r)));
    collect.finish(outcome)
}

/// One operation: the message, its flags, do or dump, and how the replies
/// become the result. Front ends send it and feed the replies to its
/// [`Collect`]or.
pub struct Request<T> {
    message: RouteNetlinkMessage,
    flags: NetlinkFlags,
    options: RequestOptions,
    collect: Collector<T>,
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
    /// A request from its parts: `finish` makes the result of all the
    /// replies once the answer is complete.
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
            collect: Collector(CollectorKind::AllReplies {
                replies: Vec::new(),
                finish: Box::new(finish),
            }),
            invalid: None,
        }
    }

    /// A request whose replies are taken by `collect`.
    pub fn with_collector(
        message: RouteNetlinkMessage,
        flags: NetlinkFlags,
        options: RequestOptions,
        collect: Box<dyn Collect<T>>,
    ) -> Self {
        Request {
            message,
            flags,
            options,
            collect: Collector(CollectorKind::Custom(collect)),
            invalid: None,
        }
    }

    /// A request refused before anything is sent: running it fails with
    /// [`Error::InvalidArgument`] carrying `reason`. Builders use it for
    /// arguments they can check themselves (a prefix length beyond the
    /// address, a name too long, ...); `message` is what would have gone.
    pub fn invalid(message: RouteNetlinkMessage, reason: impl Into<String>) -> Self {
        let mut request = Self::new(
            message,
            NetlinkFlags::empty(),
            RequestOptions::request(),
            |_| Err(Error::Decode("an invalid request was run".into())),
        );
        request.invalid = Some(reason.into());
        request
    }
}

impl<T: 'static> Request<T> {
    /// The same request with its result mapped by `f`.
    pub fn map<U: 'static>(self, f: impl FnOnce(T) -> U + Send + 'static) -> Request<U> {
        self.then(move |result| result.map(f))
    }

    /// The same request, with `recover` deciding what a failure becomes:
    /// some kernel errors mean "nothing there" (a dump of a routing table
    /// never used is refused with `ENOENT`), which a caller may rather see
    /// as an empty result.
    #[must_use]
    pub fn or_else(self, recover: impl FnOnce(Error) -> Result<T, Error> + Send + 'static) -> Self {
        self.then(move |result| result.or_else(recover))
    }

    fn then<U: 'static>(
        self,
        then: impl FnOnce(Result<T, Error>) -> Result<U, Error> + Send + 'static,
    ) -> Request<U> {
        Request {
            message: self.message,
            flags: self.flags,
            options: self.options,
            collect: Collector(CollectorKind::Custom(Box::new(Then {
                inner: self.collect,
                then,
            }))),
            invalid: self.invalid,
        }
    }
}

impl<I: Send + 'static> Request<Vec<I>> {
    /// A request whose result is the items `each` makes of its replies, in
    /// order: each reply is turned into an item (or passed over, `None`)
    /// as it is decoded, so a large dump is never held twice.
    pub fn each_reply(
        message: RouteNetlinkMessage,
        flags: NetlinkFlags,
        options: RequestOptions,
        each: impl FnMut(RouteNetlinkMessage) -> Option<I> + Send + 'static,
    ) -> Self {
        Self::with_collector(
            message,
            flags,
            options,
            Box::new(EachReply {
                items: Vec::new(),
                each,
            }),
        )
    }
}

impl<T> Request<T> {
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

    /// Lets the request be acknowledged by the ACK of a later request sent
    /// in the same datagram ([`Ack::Implied`](netlink_proto::Ack::Implied)):
    /// what `execute_batch` does with every request. A request that fails
    /// still fails with its own error.
    #[must_use]
    pub fn implied_ack(mut self) -> Self {
        self.options = self.options.implied_ack();
        self
    }

    /// Adds `flags` to the request's flags (say `NLM_F_ECHO`).
    #[must_use]
    pub fn with_flags(mut self, flags: NetlinkFlags) -> Self {
        self.flags |= flags;
        self
    }

    /// The netlink message and options to send, and the collector to feed
    /// the replies to: what a front end needs.
    pub fn into_parts(
        self,
    ) -> (
        NetlinkMessage<RouteNetlinkMessage>,
        RequestOptions,
        Collector<T>,
    ) {
        let mut message = NetlinkMessage::from_inner(self.message);
        message.header.flags = self.flags;
        (message, self.options, self.collect)
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

#[cfg(test)]
mod tests {
    use netlink_packet_route::link::{LinkHeader, LinkMessage};
    use netlink_packet_route::route::{RouteAttr, RouteHeader, RouteMessage};

    use super::*;

    fn route(oif: u32) -> RouteNetlinkMessage {
        RouteNetlinkMessage::NewRoute(RouteMessage::new(
            RouteHeader::default(),
            vec![RouteAttr::Oif(oif)],
        ))
    }

    fn link() -> RouteNetlinkMessage {
        RouteNetlinkMessage::NewLink(LinkMessage::new(LinkHeader::default(), vec![]))
    }

    /// The routes through an odd interface, by `each_reply`.
    fn odd_routes() -> Request<Vec<u32>> {
        Request::each_reply(
            route(0),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |m| match m {
                RouteNetlinkMessage::NewRoute(r) => r.oif().filter(|i| i % 2 == 1),
                _ => None,
            },
        )
    }

    fn run<T>(request: Request<T>, feed: &[Option<RouteNetlinkMessage>]) -> Result<T, Error> {
        let (_, _, mut collect) = request.into_parts();
        for item in feed {
            match item {
                Some(reply) => collect.reply(reply.clone()),
                None => collect.restart(),
            }
        }
        collect.finish(Ok(()))
    }

    #[test]
    fn each_reply_keeps_what_it_makes_in_order_and_a_restart_voids_the_rest() {
        let feed = [Some(route(3)), Some(link()), Some(route(4)), Some(route(1))];
        assert_eq!(run(odd_routes(), &feed).unwrap(), vec![3, 1]);
        let restarted = [Some(route(3)), None, Some(route(5)), Some(route(2))];
        assert_eq!(run(odd_routes(), &restarted).unwrap(), vec![5]);
        assert_eq!(run(odd_routes(), &[]).unwrap(), Vec::<u32>::new());
    }

    #[test]
    fn a_failed_answer_fails_every_kind_of_collector() {
        let failed = || Err(Error::Decode("lost".into()));
        let (_, _, mut collect) = odd_routes().into_parts();
        collect.reply(route(1));
        assert!(matches!(collect.finish(failed()), Err(Error::Decode(m)) if m == "lost"));
        let all = Request::new(
            route(0),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |r| Ok(r.len()),
        );
        let (_, _, collect) = all.into_parts();
        assert!(matches!(collect.finish(failed()), Err(Error::Decode(m)) if m == "lost"));
    }

    #[test]
    fn new_sees_every_reply_and_map_and_or_else_wrap_any_collector() {
        let all = Request::new(
            route(0),
            NetlinkFlags::empty(),
            RequestOptions::dump(),
            |r| Ok(r.len()),
        );
        let feed = [
            Some(route(1)),
            Some(link()),
            None,
            Some(link()),
            Some(route(2)),
        ];
        assert_eq!(run(all, &feed).unwrap(), 2);

        let counted = odd_routes().map(|v| v.len());
        assert_eq!(run(counted, &[Some(route(1)), Some(route(7))]).unwrap(), 2);

        let recovered = odd_routes().or_else(|_| Ok(vec![42]));
        let (_, _, collect) = recovered.into_parts();
        assert_eq!(
            collect.finish(Err(Error::Decode("x".into()))).unwrap(),
            vec![42]
        );
        // A success passes through the recovery untouched.
        let recovered = odd_routes().or_else(|_| Ok(vec![42]));
        assert_eq!(run(recovered, &[Some(route(9))]).unwrap(), vec![9]);
    }

    #[test]
    fn a_whole_answer_is_fed_in_order() {
        let answer = Ok(vec![route(5), route(6), route(7)]);
        let (_, _, collect) = odd_routes().into_parts();
        assert_eq!(collect_answer(collect, answer).unwrap(), vec![5, 7]);
        let (_, _, collect) = odd_routes().into_parts();
        assert!(collect_answer(collect, Err(Error::Decode("gone".into()))).is_err());
    }
}
