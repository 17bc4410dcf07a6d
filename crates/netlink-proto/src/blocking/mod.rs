//! The blocking driver: the engine over a blocking socket. A request returns
//! an iterator of its replies; a zero-copy variant hands each reply to a
//! closure straight from the receive buffer; a decoding variant hands each
//! reply decoded by a function of the caller's, which a dump read ahead on
//! a second thread runs on both threads.

use std::any::Any;
use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use netlink_packet_core::{
    DecodeError, NetlinkDeserializable, NetlinkMessage, NetlinkSerializable, RawMessage,
};
use netlink_sys::{Protocol, Socket};

use crate::engine::{
    DatagramInfo, Engine, EngineConfig, InterruptPolicy, Output, RequestId, RequestOptions,
};
use crate::error::Error;
use crate::event::Event;
use crate::read_ahead::{BlockingReader, DecodeAhead, Filled, Next};
pub use crate::read_ahead::{ReadAhead, READ_AHEAD_AFTER};
use crate::socket_setup::{prepare_socket, RECV_RESERVE};

mod decoded;
mod replies;
#[cfg(test)]
mod tests;

pub use decoded::DecodedReply;
pub use replies::Replies;

/// Events kept while nobody reads them; past this, events are dropped and an
/// [`Event::Overrun`] marks the loss.
pub const DEFAULT_EVENT_QUEUE: usize = 4096;

/// The outcome of one request of a batch: its replies, or why it failed.
pub type BatchResult<T> = Result<Vec<NetlinkMessage<T>>, Error>;

/// What the zero-copy API hands to its callback.
#[derive(Debug, Clone, Copy)]
pub enum RawReply<'a> {
    /// A reply, borrowed from the receive buffer.
    Message(RawMessage<'a>),
    /// An interrupted dump starts over (with [`InterruptPolicy::Retry`]):
    /// forget the replies seen so far.
    Restarted,
}

/// How a finished request ended, for the zero-copy API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// Whether the dump was marked `NLM_F_DUMP_INTR` (with
    /// [`InterruptPolicy::Report`]).
    pub interrupted: bool,
    /// Replies handed to the caller (in the last attempt, after retries).
    pub replies: usize,
}

/// A blocking netlink connection over one socket.
#[derive(Debug)]
pub struct Connection {
    socket: Socket,
    engine: Engine,
    rx: Vec<u8>,
    tx: Vec<u8>,
    events: VecDeque<QueuedEvent>,
    event_limit: usize,
    losing_events: bool,
    /// Whether large dumps may be read ahead on a second thread.
    read_ahead: ReadAhead,
    /// The reader thread, while one runs: it alone reads the socket then.
    ahead: Option<BlockingReader>,
    /// How the current dump's first datagrams were spent.
    streak: DumpStreak,
    /// The decoder a reader thread started now is given (while a
    /// [`Connection::request_decoded`] runs).
    decode_ahead: Option<DecodeAhead>,
    /// What the reader thread decoded of the datagram in `rx`.
    decoded: Option<Box<dyn Any + Send>>,
}

#[derive(Debug)]
enum QueuedEvent {
    Message(Vec<u8>),
    Overrun,
    Invalid(DecodeError),
}

/// What one received datagram meant for the request being waited on.
enum Step<'a> {
    /// A reply, with what the reader thread decoded of its datagram.
    Reply(RawMessage<'a>, Option<&'a mut (dyn Any + Send)>),
    Complete {
        interrupted: bool,
    },
    Failed(Error),
    Restarted,
}

impl Connection {
    /// Opens and binds a socket of `protocol` in the current network
    /// namespace, with extended ACKs and `NETLINK_PKTINFO` on.
    pub fn new(protocol: Protocol) -> Result<Self, Error> {
        Self::from_socket(Socket::new(protocol)?)
    }

    /// Opens the socket inside network namespace `ns`.
    pub fn new_in_namespace(
        protocol: Protocol,
        ns: &netlink_sys::Namespace,
    ) -> Result<Self, Error> {
        Self::from_socket(Socket::new_in_namespace(protocol, ns)?)
    }

    /// Drives an existing socket (bound here if it is not yet).
    pub fn from_socket(socket: Socket) -> Result<Self, Error> {
        Self::with_config(socket, EngineConfig::default())
    }

    /// Drives an existing socket with engine limits of your choosing.
    pub fn with_config(mut socket: Socket, config: EngineConfig) -> Result<Self, Error> {
        let port_id = prepare_socket(&mut socket)?;
        socket.set_nonblocking(false)?;
        let mut engine = Engine::new(config);
        engine.set_port_id(port_id);
        Ok(Connection {
            socket,
            engine,
            rx: Vec::with_capacity(RECV_RESERVE),
            tx: Vec::new(),
            events: VecDeque::new(),
            event_limit: DEFAULT_EVENT_QUEUE,
            losing_events: false,
            read_ahead: ReadAhead::default_for_this_machine(),
            ahead: None,
            streak: DumpStreak::default(),
            decode_ahead: None,
            decoded: None,
        })
    }

    /// Whether a dump that has already filled a few datagrams
    /// ([`READ_AHEAD_AFTER`]) is received on a second thread while this
    /// one decodes: a large dump then takes about as long as the longer of
    /// the kernel's work and the decoding, not their sum. Nothing else
    /// changes: replies, events and errors come in the same order. The
    /// thread ends with the dump. [`ReadAhead::Auto`] by default when the
    /// process may run on more than one CPU, [`ReadAhead::Off`] otherwise.
    pub fn set_read_ahead(&mut self, read_ahead: ReadAhead) {
        self.read_ahead = read_ahead;
    }

    /// The socket, for options and multicast membership.
    pub fn socket(&self) -> &Socket {
        &self.socket
    }

    /// An empty buffer for the bytes of the next request (for
    /// [`request_raw`](Self::request_raw) and
    /// [`request_decoded`](Self::request_decoded)): the allocation of a
    /// request already answered when there is one.
    pub fn buffer(&mut self) -> Vec<u8> {
        self.engine.buffer()
    }

    /// The engine's state (requests queued and in flight).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Sets how many unread events are kept before the oldest unread
    /// position is marked with an overrun and newer events are dropped.
    pub fn set_event_queue_limit(&mut self, limit: usize) {
        self.event_limit = limit.max(1);
    }

    /// Sends `message` and returns its replies as they arrive. The iterator
    /// ends after the ACK or DONE; a kernel error is its last item. Dropping
    /// it early abandons the request.
    pub fn request<T>(
        &mut self,
        message: &NetlinkMessage<T>,
        options: RequestOptions,
    ) -> Result<Replies<'_, T>, Error>
    where
        T: NetlinkSerializable + NetlinkDeserializable,
    {
        let retry = matches!(options.on_interrupt, InterruptPolicy::Retry(_));
        let bytes = message.to_bytes_in(self.engine.buffer());
        let id = self.submit(bytes, options)?;
        Ok(Replies::new(self, id, retry))
    }

    /// Sends `message` and collects every reply; fails on the first error.
    pub fn request_all<T>(
        &mut self,
        message: &NetlinkMessage<T>,
        options: RequestOptions,
    ) -> Result<Vec<NetlinkMessage<T>>, Error>
    where
        T: NetlinkSerializable + NetlinkDeserializable,
    {
        self.request(message, options)?.collect()
    }

    /// The zero-copy path: sends one complete request message (see
    /// [`Engine::submit`]) and hands each reply to `on_reply` borrowed from
    /// the receive buffer: nothing is copied or allocated per message.
    /// With [`InterruptPolicy::Retry`], `on_reply` sees the replies of every
    /// attempt, each new attempt announced by [`RawReply::Restarted`].
    pub fn request_raw(
        &mut self,
        message: Vec<u8>,
        options: RequestOptions,
        mut on_reply: impl FnMut(RawReply<'_>),
    ) -> Result<Completion, Error> {
        self.request_replies(message, options, |reply, _| on_reply(reply))
    }

    /// [`Connection::request_raw`], each reply handed over with what the
    /// reader thread decoded of its datagram, if it did.
    fn request_replies(
        &mut self,
        message: Vec<u8>,
        options: RequestOptions,
        mut on_reply: impl FnMut(RawReply<'_>, Option<&mut (dyn Any + Send)>),
    ) -> Result<Completion, Error> {
        let id = self.submit(message, options)?;
        let mut replies = 0;
        loop {
            let mut outcome = None;
            self.pump(id, &mut |step| match step {
                Step::Reply(message, decoded) => {
                    replies += 1;
                    on_reply(RawReply::Message(message), decoded);
                }
                Step::Restarted => {
                    replies = 0;
                    on_reply(RawReply::Restarted, None);
                }
                Step::Complete { interrupted } => {
                    outcome = Some(Ok(Completion {
                        interrupted,
                        replies,
                    }))
                }
                Step::Failed(error) => outcome = Some(Err(error)),
            })?;
            if let Some(outcome) = outcome {
                return outcome;
            }
        }
    }

    /// Sends many requests, as many per `sendmsg` as fit, and returns each
    /// one's replies (or error) in the order given.
    pub fn batch<T>(
        &mut self,
        messages: impl IntoIterator<Item = (NetlinkMessage<T>, RequestOptions)>,
    ) -> Result<Vec<BatchResult<T>>, Error>
    where
        T: NetlinkSerializable + NetlinkDeserializable,
    {
        let now = Instant::now();
        let messages = messages.into_iter();
        let expected = messages.size_hint().0;
        let mut ids = Vec::with_capacity(expected);
        let mut results: Vec<Option<BatchResult<T>>> = Vec::with_capacity(expected);
        let mut collected: Vec<Vec<NetlinkMessage<T>>> = Vec::with_capacity(expected);
        for (message, options) in messages {
            // Batches are submitted whole before anything is answered: only
            // the buffers of earlier requests can be reused.
            let bytes = message.to_bytes_in(self.engine.buffer());
            let id = self
                .engine
                .submit(bytes, options, now)
                .map_err(|error| Error::Decode {
                    request: None,
                    error,
                })?;
            ids.push(id);
            results.push(None);
            collected.push(Vec::new());
        }
        let open = std::cell::Cell::new(ids.len());
        // Replies are decoded straight from the receive buffer.
        let mut on_step = |id, step: Step<'_>| {
            let Ok(i) = ids.binary_search(&id) else {
                return;
            };
            if results[i].is_some() {
                return;
            }
            let done = match step {
                Step::Reply(raw, _) => match NetlinkMessage::<T>::parse(&raw) {
                    Ok(message) => {
                        collected[i].push(message);
                        None
                    }
                    Err(error) => Some(Err(Error::Decode {
                        request: None,
                        error: error.at_base(raw.offset),
                    })),
                },
                Step::Restarted => {
                    collected[i].clear();
                    None
                }
                Step::Complete { .. } => Some(Ok(std::mem::take(&mut collected[i]))),
                Step::Failed(error) => Some(Err(error)),
            };
            if done.is_some() {
                results[i] = done;
                open.set(open.get() - 1);
            }
        };
        while open.get() > 0 {
            self.flush()?;
            self.receive_with(&mut on_step)?;
            // The kernel answers a whole `sendmsg` before it returns: read
            // every answer already there before sending again, so that the
            // next `sendmsg` carries a full window, not one request. (When
            // nothing is in flight, nothing is there: no receive to learn it.)
            while open.get() > 0 && self.engine.in_flight() > 0 {
                match self.try_recv()? {
                    Received::Datagram(info) => self.process(info, &mut on_step),
                    Received::Overrun => self.drain(&mut on_step)?,
                    Received::Nothing => {}
                    Received::Empty => {
                        self.queue_empty(&mut on_step);
                        break;
                    }
                }
            }
        }
        Ok(results
            .into_iter()
            .map(|r| r.unwrap_or(Err(Error::ConnectionClosed)))
            .collect())
    }

    /// The next multicast event, waiting up to `timeout` (`None`: forever).
    /// Returns `Ok(None)` when the time runs out.
    pub fn next_event<T: NetlinkDeserializable>(
        &mut self,
        timeout: Option<Duration>,
    ) -> Result<Option<Event<T>>, Error> {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        loop {
            if let Some(event) = self.events.pop_front() {
                return Ok(Some(match event {
                    QueuedEvent::Overrun => Event::Overrun,
                    QueuedEvent::Invalid(error) => Event::Invalid(error),
                    QueuedEvent::Message(bytes) => match NetlinkMessage::<T>::parse_bytes(&bytes) {
                        Ok(message) => Event::Message(message),
                        Err(error) => Event::Invalid(error),
                    },
                }));
            }
            let wait = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if !self.wait_readable(wait)? {
                return Ok(None);
            }
            // Answers to abandoned requests may arrive here too; nobody
            // waits for them, so they are dropped.
            self.receive_with(&mut |_, _| {})?;
        }
    }

    fn submit(&mut self, message: Vec<u8>, options: RequestOptions) -> Result<RequestId, Error> {
        self.engine
            .submit(message, options, Instant::now())
            .map_err(|error| Error::Decode {
                request: None,
                error,
            })
    }

    fn flush(&mut self) -> Result<(), Error> {
        loop {
            self.tx.clear();
            if self.engine.poll_transmit(&mut self.tx) == 0 {
                return Ok(());
            }
            if let Err(error) = self.socket.send(&self.tx, 0) {
                // The requests of this batch will never be answered.
                let _failed = self.engine.abort_last_batch(&error);
                return Err(Error::Io(error));
            }
        }
    }

    /// Waits for one datagram (or a deadline) and feeds it to the engine,
    /// handing each output for request `id` to `sink`.
    // Inlined with `receive_with` and `process`, so that the reply sinks
    // of the callers are inlined into the loop over a datagram's messages:
    // 8% fewer instructions for a dump read through views (callgrind).
    #[inline(always)]
    fn pump(&mut self, id: RequestId, sink: &mut impl FnMut(Step<'_>)) -> Result<(), Error> {
        self.flush()?;
        if !self.engine.is_pending(id) {
            // Nothing will ever answer it; end the caller's wait.
            sink(Step::Failed(Error::ConnectionClosed));
            return Ok(());
        }
        self.observe_dump(id);
        let result = self.receive_with(&mut |for_id, step| {
            // Answers for requests nobody waits on any more are dropped.
            if for_id == id {
                sink(step)
            }
        });
        self.streak.count_datagram();
        result
    }

    /// Follows dump `id` through its first datagrams (whose receiving is
    /// timed) and then decides whether a reader thread takes over.
    fn observe_dump(&mut self, id: RequestId) {
        let seq = match self.read_ahead {
            ReadAhead::Off => None,
            _ if self.ahead.is_some() => None,
            _ => self.engine.sole_dump(id),
        };
        let Some(seq) = seq else {
            // Not a dump to follow: nothing is timed.
            self.streak.id = None;
            return;
        };
        if self.streak.id != Some(id) {
            self.streak = DumpStreak::of(id);
            return;
        }
        let streak = &mut self.streak;
        if streak.decided || streak.datagrams <= READ_AHEAD_AFTER {
            return;
        }
        streak.decided = true;
        // The work on the last datagram, up to now.
        streak.score_work(Instant::now());
        // Reading ahead pays when decoding (and whatever the caller does
        // with a datagram) is a fair part of the wait for the kernel: each
        // handed-over datagram costs a thread wake-up and its bytes crossing
        // to the other CPU's cache, near a tenth of the wait on a fast
        // kernel, as much as the work of a caller that only counts the
        // messages saves. Hence a quarter, in at least half of the datagrams
        // timed: one preemption or page fault does not decide. (Measured:
        // a route dump read through views, its work 25-35% of the wait,
        // took 0.88x the raw loop's time read ahead and 1.20x without; a
        // link dump only counted, its work a few percent, 1.21x read ahead
        // and 1.08x without.)
        if self.read_ahead == ReadAhead::Always || streak.reading_ahead_pays() {
            // Without a thread (none can be started), the dump goes on here.
            self.ahead = BlockingReader::start(&self.socket, seq, self.decode_ahead.clone()).ok();
        }
    }

    /// Waits up to `wait` (`None`: forever) for something to receive.
    fn wait_readable(&mut self, wait: Option<Duration>) -> Result<bool, Error> {
        match &mut self.ahead {
            Some(ahead) => Ok(ahead.wait(wait)),
            None => Ok(self.socket.wait_readable(wait)?),
        }
    }

    /// Fails the requests whose time is up or, if none, waits for one
    /// datagram (until the next deadline) and feeds it to the engine. What
    /// concerns a request goes to `sink`; events are queued.
    #[inline(always)]
    fn receive_with(&mut self, sink: &mut impl FnMut(RequestId, Step<'_>)) -> Result<(), Error> {
        // The clock is read only when some request has a deadline.
        let wait = match self.engine.next_deadline() {
            None => None,
            Some(_) => {
                let now = Instant::now();
                let expired = self.engine.expire(now);
                if !expired.is_empty() {
                    for (id, error) in expired {
                        sink(id, Step::Failed(error));
                    }
                    return Ok(());
                }
                self.engine
                    .next_deadline()
                    .map(|d| d.saturating_duration_since(now))
            }
        };
        let received = if self.engine.answers_maybe_lost() {
            // An overrun's drain stopped before the queue ran dry (a flood):
            // look without waiting, so that the answers it dropped are
            // known lost when the queue empties, instead of being waited
            // for with nothing left to come.
            self.try_recv()?
        } else {
            // Without a deadline, the (blocking) receive itself waits: one
            // system call fewer per answer than polling first.
            if wait.is_some() && !self.wait_readable(wait)? {
                return Ok(());
            }
            let before = self.streak.following().then(Instant::now);
            let received = self.recv()?;
            if let Some(before) = before {
                self.streak.time_receive(before, Instant::now());
            }
            received
        };
        match received {
            Received::Datagram(info) => self.process(info, sink),
            Received::Overrun => self.drain(sink)?,
            Received::Empty => self.queue_empty(sink),
            Received::Nothing => {}
        }
        Ok(())
    }

    /// A receive found the socket's queue empty: every answer the kernel
    /// queued before an overrun has been read, so the "do" requests still
    /// waiting for one then lost it ([`Engine::answers_lost`]).
    fn queue_empty(&mut self, sink: &mut impl FnMut(RequestId, Step<'_>)) {
        for (id, error) in self.engine.answers_lost() {
            sink(id, Step::Failed(error));
        }
    }

    /// Hands what one datagram (now in `rx`) holds to `sink` (answers) and
    /// the event queue (notifications).
    #[inline(always)]
    fn process(&mut self, info: DatagramInfo, sink: &mut impl FnMut(RequestId, Step<'_>)) {
        let Connection {
            engine,
            rx,
            events,
            event_limit,
            losing_events,
            decoded,
            ..
        } = self;
        for output in engine.receive(rx, info) {
            match output {
                Output::Reply { id, message } => {
                    sink(id, Step::Reply(message, decoded.as_deref_mut()))
                }
                Output::Complete {
                    id, interrupted, ..
                } => sink(id, Step::Complete { interrupted }),
                Output::Failed { id, error } => sink(id, Step::Failed(error)),
                Output::Restarted { id } => sink(id, Step::Restarted),
                other => queue_event(events, *event_limit, losing_events, other),
            }
        }
    }

    /// After an overrun: reads every datagram already waiting. The kernel
    /// reports a loss once, then drops further notifications silently
    /// until the socket's queue is empty; emptying it at once means that
    /// anything lost before the caller sees [`Event::Overrun`] is covered
    /// by a dump the caller starts after it. Bounded, so that a flood
    /// cannot keep the caller here for ever. Requests whose error may have
    /// been dropped ([`Ack::Implied`](crate::Ack::Implied)) fail first, and
    /// once the queue is empty, the "do" requests whose answer was not in
    /// it ([`Engine::answers_lost`]). If a flood keeps it from emptying
    /// here, receives stop waiting until one finds it empty.
    fn drain(&mut self, sink: &mut impl FnMut(RequestId, Step<'_>)) -> Result<(), Error> {
        for (id, error) in self.engine.overrun() {
            sink(id, Step::Failed(error));
        }
        let most = self.event_limit.saturating_mul(2).max(64);
        for _ in 0..most {
            match self.try_recv()? {
                Received::Datagram(info) => self.process(info, sink),
                Received::Overrun | Received::Nothing => {}
                Received::Empty => {
                    self.queue_empty(sink);
                    break;
                }
            }
        }
        Ok(())
    }

    /// One datagram into `rx`, or an overrun the kernel reported instead
    /// of data (queued as an event).
    fn recv(&mut self) -> Result<Received, Error> {
        if let Some(ahead) = &mut self.ahead {
            let next = ahead.next(None);
            return self.take(next);
        }
        self.decoded = None;
        let result = self.socket.recv_into_capacity(&mut self.rx, 0).map(Some);
        self.received(result)
    }

    /// [`Connection::recv`] without waiting: [`Received::Empty`] when
    /// nothing is queued.
    fn try_recv(&mut self) -> Result<Received, Error> {
        if let Some(ahead) = &mut self.ahead {
            let next = ahead.try_next();
            return self.take(next);
        }
        self.decoded = None;
        let result = self.socket.try_recv_into_capacity(&mut self.rx);
        self.received(result)
    }

    /// What the reader thread delivered, as if received here: its buffer
    /// becomes `rx` (the old one goes back to the reader). Once the reader
    /// has stopped, this thread reads the socket itself again.
    fn take(&mut self, next: Next) -> Result<Received, Error> {
        match next {
            Next::Filled(Filled {
                buf,
                result,
                last,
                decoded,
            }) => {
                let old = std::mem::replace(&mut self.rx, buf);
                self.decoded = decoded;
                match &self.ahead {
                    Some(ahead) if !last => ahead.recycle(old),
                    _ => self.ahead = None,
                }
                self.received(result.map(Some))
            }
            Next::Nothing => Ok(Received::Empty),
            Next::Gone => {
                self.ahead = None;
                Ok(Received::Nothing)
            }
        }
    }

    fn received(
        &mut self,
        result: io::Result<Option<netlink_sys::RecvInfo>>,
    ) -> Result<Received, Error> {
        match result {
            Ok(None) => Ok(Received::Empty),
            Ok(Some(info)) => {
                if info.truncated {
                    // Its tail is lost: the request it answered fails on
                    // the cut message; a notification in it may be lost.
                    push_event(
                        &mut self.events,
                        self.event_limit,
                        &mut self.losing_events,
                        QueuedEvent::Overrun,
                    );
                    self.rx.reserve(info.len);
                }
                Ok(Received::Datagram(DatagramInfo {
                    sender_port: info.sender.port_id(),
                    group: info.group,
                }))
            }
            Err(e) if e.raw_os_error() == Some(crate::socket_setup::ENOBUFS) => {
                push_event(
                    &mut self.events,
                    self.event_limit,
                    &mut self.losing_events,
                    QueuedEvent::Overrun,
                );
                Ok(Received::Overrun)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Received::Nothing),
            Err(e) => Err(Error::Io(e)),
        }
    }
}

/// The first datagrams of the dump being waited on, timed: for each, the
/// wait for the kernel in its receive against the work done on this thread
/// with it (up to the next receive).
#[derive(Debug, Default)]
struct DumpStreak {
    /// The dump followed, if any.
    id: Option<RequestId>,
    datagrams: u32,
    /// Whether read-ahead was decided for it, either way.
    decided: bool,
    /// When the last receive returned.
    received_at: Option<Instant>,
    /// How long the last receive waited (not taken for the first datagram:
    /// it was built before the request returned).
    last_wait: Option<Duration>,
    /// Datagrams whose wait and work were both timed.
    timed: u32,
    /// Those of them whose work was at least a quarter of their wait.
    busy: u32,
}

impl DumpStreak {
    fn of(id: RequestId) -> Self {
        DumpStreak {
            id: Some(id),
            ..DumpStreak::default()
        }
    }

    /// Whether a dump is followed (its receives timed).
    fn following(&self) -> bool {
        self.id.is_some() && !self.decided
    }

    /// Takes the times of a receive that started at `started` and
    /// returned at `ended`.
    fn time_receive(&mut self, started: Instant, ended: Instant) {
        self.score_work(started);
        self.last_wait = (self.datagrams > 0).then(|| ended.saturating_duration_since(started));
        self.received_at = Some(ended);
    }

    /// Whether the datagrams timed say a reader thread pays.
    fn reading_ahead_pays(&self) -> bool {
        self.timed > 0 && self.busy * 2 >= self.timed
    }

    /// Scores the work on the last datagram received, done until `until`,
    /// against its wait.
    fn score_work(&mut self, until: Instant) {
        if let (Some(received_at), Some(wait)) = (self.received_at, self.last_wait.take()) {
            let work = until.saturating_duration_since(received_at);
            self.timed += 1;
            if work.saturating_mul(4) >= wait {
                self.busy += 1;
            }
        }
    }

    fn count_datagram(&mut self) {
        if self.following() {
            self.datagrams += 1;
        }
    }
}

/// What one receive gave.
enum Received {
    Datagram(DatagramInfo),
    Overrun,
    /// Interrupted by a signal.
    Nothing,
    /// Nothing queued (a receive that does not wait).
    Empty,
}

fn queue_event(
    events: &mut VecDeque<QueuedEvent>,
    limit: usize,
    losing: &mut bool,
    output: Output<'_>,
) {
    let event = match output {
        Output::Event { message, .. } => QueuedEvent::Message(message.bytes.to_vec()),
        Output::Invalid { error } => QueuedEvent::Invalid(error),
        // Answers nobody waits for any more, and datagrams not from the
        // kernel, are dropped on purpose.
        _ => return,
    };
    push_event(events, limit, losing, event);
}

fn push_event(
    events: &mut VecDeque<QueuedEvent>,
    limit: usize,
    losing: &mut bool,
    event: QueuedEvent,
) {
    let overrun = matches!(event, QueuedEvent::Overrun);
    if events.len() >= limit && !overrun {
        if !*losing {
            events.push_back(QueuedEvent::Overrun);
            *losing = true;
        }
        return;
    }
    if overrun && matches!(events.back(), Some(QueuedEvent::Overrun)) {
        return;
    }
    *losing = overrun;
    events.push_back(event);
}
