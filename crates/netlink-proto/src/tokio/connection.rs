//! The connection future: the engine driven over a tokio socket.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::hash::{BuildHasherDefault, Hasher};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use futures::channel::mpsc;

use super::reply_channel::ReplySender;
use netlink_packet_core::{align, NetlinkDeserializable};
use netlink_sys::{Protocol, Socket, TokioSocket};

use super::stream::{EventStream, Handle};
use super::{Command, Delivery, RawEvent};
use crate::engine::{DatagramInfo, Engine, EngineConfig, Output, RequestId};
use crate::error::{copy_io_error, Error};
use crate::read_ahead::{AsyncReader, DecodeAhead, Filled, ReadAhead, READ_AHEAD_AFTER};
use crate::socket_setup::{prepare_socket, ENOBUFS, RECV_RESERVE};

/// Queue sizes of a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionConfig {
    /// Engine limits (requests in flight, batch size).
    pub engine: EngineConfig,
    /// Requests waiting to reach the connection; `Handle::request` waits
    /// for room beyond this.
    pub command_queue: usize,
    /// Deliveries (each up to one datagram of replies) buffered per request;
    /// beyond this the connection stops reading the socket until the
    /// request's reader catches up (the kernel then holds the dump back).
    pub reply_queue: usize,
    /// Events buffered for the event stream; beyond this, events are dropped
    /// and an overrun is reported in their place.
    pub event_queue: usize,
    /// Whether a large dump is received on a second thread while the
    /// runtime decodes and delivers what came before: it then takes about
    /// as long as the longer of the two, not their sum. Replies, events and
    /// errors come in the same order either way; the thread ends with the
    /// dump.
    pub read_ahead: ReadAhead,
}

impl Default for ConnectionConfig {
    fn default() -> Self {
        ConnectionConfig {
            engine: EngineConfig::default(),
            command_queue: 256,
            reply_queue: 16,
            event_queue: 4096,
            read_ahead: ReadAhead::default_for_this_machine(),
        }
    }
}

/// Opens a socket of `protocol` and returns the connection future (spawn
/// it), a handle for requests, and the stream of multicast events (join
/// groups through [`Connection::socket`] before spawning). It can be made
/// outside a runtime; the socket joins the runtime when first polled.
#[allow(clippy::type_complexity)]
pub fn new_connection<T>(
    protocol: Protocol,
) -> Result<(Connection, Handle<T>, EventStream<T>), Error>
where
    T: NetlinkDeserializable,
{
    new_connection_with(Socket::new(protocol)?, ConnectionConfig::default())
}

/// Like [`new_connection`], over a socket of your own (opened in another
/// namespace, say) and with your queue sizes.
#[allow(clippy::type_complexity)]
pub fn new_connection_with<T>(
    mut socket: Socket,
    config: ConnectionConfig,
) -> Result<(Connection, Handle<T>, EventStream<T>), Error>
where
    T: NetlinkDeserializable,
{
    let port_id = prepare_socket(&mut socket)?;
    socket.set_nonblocking(true)?;
    let mut engine = Engine::new(config.engine.clone());
    engine.set_port_id(port_id);
    let (command_tx, command_rx) = tokio::sync::mpsc::channel(config.command_queue.max(1));
    let (event_tx, event_rx) = mpsc::channel(config.event_queue);
    let connection = Connection {
        socket: SocketState::Unregistered(socket),
        engine,
        commands: command_rx,
        commands_closed: false,
        routes: ById::default(),
        decoded: None,
        pending: VecDeque::new(),
        events: Some(event_tx),
        losing_events: false,
        tx: Vec::new(),
        rx: Vec::with_capacity(RECV_RESERVE),
        timer: None,
        timer_deadline: None,
        sent: false,
        read_ahead: config.read_ahead,
        ahead: None,
        dump_streak: (None, 0),
    };
    Ok((
        connection,
        Handle::new(command_tx, config.reply_queue),
        EventStream::new(event_rx),
    ))
}

/// The future that runs a netlink connection; spawn it on a tokio runtime.
/// It ends when every [`Handle`] is dropped and no request is waiting, or
/// when the socket fails (every waiting request then gets the error).
pub struct Connection {
    socket: SocketState,
    engine: Engine,
    commands: tokio::sync::mpsc::Receiver<Command>,
    commands_closed: bool,
    routes: ById<Route>,
    /// What the reader thread decoded of the datagram in `rx`, for the dump
    /// it reads (the one `dump_streak` follows).
    decoded: Option<Box<dyn Any + Send>>,
    /// Deliveries from the last datagram not yet accepted by their reader.
    pending: VecDeque<(RequestId, Delivery)>,
    events: Option<mpsc::Sender<RawEvent>>,
    losing_events: bool,
    tx: Vec<u8>,
    rx: Vec<u8>,
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
    timer_deadline: Option<Instant>,
    /// Requests went out since the last receive: their answers are most
    /// likely queued already (the kernel answers inside `sendmsg`).
    sent: bool,
    read_ahead: ReadAhead,
    /// The reader thread, while one runs: it alone reads the socket then.
    ahead: Option<AsyncReader>,
    /// The dump being answered and how many datagrams it has taken.
    dump_streak: (Option<RequestId>, u32),
}

/// Where a request's answer goes.
struct Route {
    replies: ReplySender,
    /// For a dump: how the reader thread may decode its replies (given by
    /// the handle that sent it, which knows their type).
    decode: Option<DecodeAhead>,
}

/// A map by request id. Ids are consecutive numbers: one multiplication
/// spreads them over the hash's bits, where the default hasher (SipHash)
/// cost more than the rest of a map operation, twice per request.
type ById<V> = HashMap<RequestId, V, BuildHasherDefault<IdHasher>>;

/// See [`ById`].
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // 2^64 / the golden ratio, odd: consecutive ids land far apart.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Appends a reply message to a delivery's buffer, padded to 4 bytes as
/// messages are in a datagram.
fn append(buf: &mut Vec<u8>, message: &[u8]) {
    buf.extend_from_slice(message);
    buf.resize(align(buf.len()), 0);
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("engine", &self.engine)
            .field("requests", &self.routes.len())
            .field("pending", &self.pending.len())
            .finish()
    }
}

/// The socket is registered with the runtime's reactor on the first poll,
/// so that a connection can be made outside a runtime (on a thread that
/// entered a network namespace, say) and spawned later.
enum SocketState {
    Unregistered(Socket),
    Registered(TokioSocket),
    /// Registration failed; the connection is ending.
    Gone,
}

impl SocketState {
    fn get_ref(&self) -> Option<&Socket> {
        match self {
            SocketState::Unregistered(socket) => Some(socket),
            SocketState::Registered(socket) => Some(socket.get_ref()),
            SocketState::Gone => None,
        }
    }

    fn register(&mut self) -> io::Result<&TokioSocket> {
        if matches!(self, SocketState::Unregistered(_)) {
            if tokio::runtime::Handle::try_current().is_err() {
                return Err(io::Error::other(
                    "a netlink connection must be polled inside a tokio runtime",
                ));
            }
            if let SocketState::Unregistered(socket) = std::mem::replace(self, SocketState::Gone) {
                *self = SocketState::Registered(TokioSocket::new(socket)?);
            }
        }
        match self {
            SocketState::Registered(socket) => Ok(socket),
            _ => Err(io::Error::other(
                "the netlink socket could not be registered",
            )),
        }
    }
}

/// Rounds of work before the connection yields to other tasks.
const BUDGET: usize = 64;

impl Connection {
    /// The socket, for options and multicast membership (join groups
    /// before spawning the connection). `None` only after the connection
    /// ended because the runtime could not register the socket.
    pub fn socket(&self) -> Option<&Socket> {
        self.socket.get_ref()
    }

    /// Shrinks the receive room, so that a test can make a datagram not fit.
    #[cfg(test)]
    pub(crate) fn shrink_receive_room_for_tests(&mut self, room: usize) {
        self.rx = Vec::with_capacity(room);
    }

    fn take_commands(&mut self, cx: &mut Context<'_>) -> bool {
        let mut progress = false;
        while !self.commands_closed {
            match self.commands.poll_recv(cx) {
                Poll::Ready(Some(Command::Request {
                    bytes,
                    options,
                    replies,
                    decode,
                })) => {
                    progress = true;
                    match self.engine.submit(bytes, options, Instant::now()) {
                        Ok(id) => {
                            self.routes.insert(id, Route { replies, decode });
                        }
                        Err(error) => {
                            let mut replies = replies;
                            // A fresh channel always has room for one message.
                            let _ = replies.try_send(Delivery::Failed(Error::Decode {
                                request: None,
                                error,
                            }));
                        }
                    }
                }
                Poll::Ready(None) => self.commands_closed = true,
                Poll::Pending => break,
            }
        }
        progress
    }

    /// Hands pending deliveries to their readers; false if a reader is full.
    fn flush_pending(&mut self, cx: &mut Context<'_>) -> bool {
        while let Some((id, _)) = self.pending.front() {
            let id = *id;
            let Some(Route {
                replies: sender, ..
            }) = self.routes.get_mut(&id)
            else {
                self.pending.pop_front();
                continue;
            };
            match sender.poll_ready(cx) {
                Poll::Pending => return false,
                Poll::Ready(Err(_)) => {
                    // The reader dropped its stream: stop caring.
                    self.routes.remove(&id);
                    self.engine.cancel(id);
                    self.pending.retain(|(other, _)| *other != id);
                }
                Poll::Ready(Ok(())) => {
                    let Some((_, delivery)) = self.pending.pop_front() else {
                        break;
                    };
                    let last = delivery.is_final();
                    let _ = sender.start_send(delivery);
                    if last {
                        self.routes.remove(&id);
                    }
                }
            }
        }
        true
    }

    fn transmit(&mut self, cx: &mut Context<'_>) -> bool {
        let mut progress = false;
        loop {
            if self.tx.is_empty() && self.engine.poll_transmit(&mut self.tx) == 0 {
                return progress;
            }
            let socket = match self.socket.register() {
                Ok(socket) => socket,
                Err(_) => return progress,
            };
            match socket.poll_send(cx, &self.tx) {
                Poll::Pending => return progress,
                Poll::Ready(Ok(_)) => {
                    self.tx.clear();
                    self.sent = true;
                    progress = true;
                }
                Poll::Ready(Err(error)) => {
                    self.tx.clear();
                    for (id, error) in self.engine.abort_last_batch(&error) {
                        self.pending.push_back((id, Delivery::Failed(error)));
                    }
                    progress = true;
                }
            }
        }
    }

    /// Reads one datagram and turns it into deliveries; `Err` is fatal.
    fn receive(&mut self, cx: &mut Context<'_>) -> Result<bool, io::Error> {
        let socket = self.socket.register()?;
        if let Some(ahead) = self.ahead.as_mut() {
            let received = match ahead.poll_next(cx) {
                Poll::Pending => return Ok(false),
                Poll::Ready(None) => {
                    // Gone without a last datagram: read the socket here.
                    self.ahead = None;
                    return Ok(true);
                }
                Poll::Ready(Some(Filled {
                    buf,
                    result,
                    last,
                    decoded,
                })) => {
                    self.decoded = decoded;
                    let old = std::mem::replace(&mut self.rx, buf);
                    if last {
                        self.ahead = None;
                    } else {
                        ahead.recycle(old);
                    }
                    result
                }
            };
            return self.process(Poll::Ready(received));
        }
        // Right after a send the answer is normally queued already: read it
        // straight away rather than wait for the reactor to report what it
        // cannot have seen yet (an epoll round trip per request).
        let direct = match std::mem::take(&mut self.sent) {
            true => socket
                .get_ref()
                .try_recv_into_capacity(&mut self.rx)
                .transpose(),
            false => None,
        };
        let received = match direct {
            Some(result) => Poll::Ready(result),
            None => socket.poll_recv_into_capacity(cx, &mut self.rx),
        };
        if received.is_pending() && self.engine.answers_maybe_lost() {
            // The queue was read empty since the overflow (the readiness
            // the overflow's receive left is only cleared by a receive
            // finding nothing): the answers still missing were dropped.
            let lost = self.engine.answers_lost();
            let progress = !lost.is_empty();
            for (id, error) in lost {
                self.pending.push_back((id, Delivery::Failed(error)));
            }
            return Ok(progress);
        }
        let progress = self.process(received)?;
        if progress {
            self.maybe_read_ahead();
        }
        Ok(progress)
    }

    /// Past [`READ_AHEAD_AFTER`] datagrams of a dump that is the only
    /// request under way, hands its receiving to a reader thread.
    fn maybe_read_ahead(&mut self) {
        if self.read_ahead == ReadAhead::Off || self.ahead.is_some() || self.routes.len() != 1 {
            return;
        }
        let Some(&id) = self.routes.keys().next() else {
            return;
        };
        let Some(seq) = self.engine.sole_dump(id) else {
            return;
        };
        let count = match &mut self.dump_streak {
            (Some(streak), count) if *streak == id => {
                *count += 1;
                *count
            }
            streak => {
                *streak = (Some(id), 1);
                1
            }
        };
        if count == READ_AHEAD_AFTER + 1 {
            if let Some(socket) = self.socket.get_ref() {
                // Without a thread (none can be started), the dump goes on here.
                let decode = self.routes.get(&id).and_then(|r| r.decode.clone());
                self.ahead = AsyncReader::start(socket, seq, decode).ok();
            }
        }
    }

    /// Turns what one receive gave (the datagram in `rx`) into deliveries
    /// and events; `Err` is fatal.
    fn process(
        &mut self,
        received: Poll<io::Result<netlink_sys::RecvInfo>>,
    ) -> Result<bool, io::Error> {
        let info = match received {
            Poll::Pending => return Ok(false),
            Poll::Ready(Ok(info)) => {
                if info.truncated {
                    // Its tail is lost: the request it answered fails on the
                    // cut message; a notification in it may be lost.
                    self.push_event(RawEvent::Overrun);
                    self.rx.reserve(info.len);
                }
                DatagramInfo {
                    sender_port: info.sender.port_id(),
                    group: info.group,
                }
            }
            Poll::Ready(Err(e)) if e.raw_os_error() == Some(ENOBUFS) => {
                for (id, error) in self.engine.overrun() {
                    self.pending.push_back((id, Delivery::Failed(error)));
                }
                self.push_event(RawEvent::Overrun);
                return Ok(true);
            }
            Poll::Ready(Err(e)) if e.kind() == io::ErrorKind::Interrupted => return Ok(true),
            Poll::Ready(Err(e)) => return Err(e),
        };
        let Connection {
            engine,
            rx,
            pending,
            ..
        } = self;
        // The replies of the dump read ahead that this datagram holds go in
        // one delivery, with what the reader decoded of them.
        let mut ahead_values = self.decoded.take();
        let ahead_id = ahead_values.as_ref().and(self.dump_streak.0);
        let mut events = Vec::new();
        for output in engine.receive(rx, info) {
            match output {
                Output::Reply { id, message } => {
                    // The dump's first reply in this datagram opens its
                    // delivery, with what the reader decoded of it.
                    if Some(id) == ahead_id {
                        if let Some(values) = ahead_values.take() {
                            let bytes = Vec::with_capacity(rx.len());
                            let offsets = Vec::new();
                            let decoded = Delivery::Decoded {
                                bytes,
                                values,
                                offsets,
                            };
                            pending.push_back((id, decoded));
                        }
                    }
                    // Consecutive replies of one request share one buffer.
                    match pending.back_mut() {
                        Some((last, Delivery::Replies(buf))) if *last == id => {
                            append(buf, message.bytes)
                        }
                        Some((last, Delivery::Decoded { bytes, offsets, .. })) if *last == id => {
                            append(bytes, message.bytes);
                            offsets.push(message.offset);
                        }
                        _ => {
                            let mut buf = Vec::with_capacity(rx.len());
                            append(&mut buf, message.bytes);
                            pending.push_back((id, Delivery::Replies(buf)));
                        }
                    }
                }
                Output::Complete {
                    id, interrupted, ..
                } => pending.push_back((id, Delivery::Complete { interrupted })),
                Output::Failed { id, error } => pending.push_back((id, Delivery::Failed(error))),
                Output::Restarted { id } => pending.push_back((id, Delivery::Restarted)),
                Output::Event { message, .. } => {
                    events.push(RawEvent::Message(message.bytes.to_vec()))
                }
                Output::Invalid { error } => events.push(RawEvent::Invalid(error)),
                Output::Stale { .. } | Output::Dropped { .. } => {}
            }
        }
        for event in events {
            self.push_event(event);
        }
        Ok(true)
    }

    fn push_event(&mut self, event: RawEvent) {
        let Some(sender) = self.events.as_mut() else {
            return;
        };
        if sender.is_closed() {
            self.events = None;
            return;
        }
        if self.losing_events {
            // Say that events were lost before delivering newer ones.
            if sender.try_send(RawEvent::Overrun).is_err() {
                return;
            }
            self.losing_events = false;
        }
        let overrun = matches!(event, RawEvent::Overrun);
        if sender.try_send(event).is_err() && !overrun {
            self.losing_events = true;
        } else if overrun {
            self.losing_events = false;
        }
    }

    /// Once the event reader has room again, tells it that events were lost,
    /// even if no new event comes to carry the news.
    fn flush_overrun(&mut self, cx: &mut Context<'_>) -> bool {
        if !self.losing_events {
            return false;
        }
        let Some(sender) = self.events.as_mut() else {
            return false;
        };
        match sender.poll_ready(cx) {
            Poll::Ready(Ok(())) => {
                let _ = sender.start_send(RawEvent::Overrun);
                self.losing_events = false;
                true
            }
            Poll::Ready(Err(_)) => {
                self.events = None;
                false
            }
            Poll::Pending => false,
        }
    }

    fn poll_timer(&mut self, cx: &mut Context<'_>) -> bool {
        let now = Instant::now();
        let expired = self.engine.expire(now);
        let progress = !expired.is_empty();
        for (id, error) in expired {
            self.pending.push_back((id, Delivery::Failed(error)));
        }
        match self.engine.next_deadline() {
            None => {
                self.timer = None;
                self.timer_deadline = None;
            }
            Some(deadline) => {
                if self.timer_deadline != Some(deadline) {
                    let at = tokio::time::Instant::from_std(deadline);
                    match self.timer.as_mut() {
                        Some(timer) => timer.as_mut().reset(at),
                        None => self.timer = Some(Box::pin(tokio::time::sleep_until(at))),
                    }
                    self.timer_deadline = Some(deadline);
                }
                if let Some(timer) = self.timer.as_mut() {
                    if timer.as_mut().poll(cx).is_ready() {
                        self.timer_deadline = None;
                        return true;
                    }
                }
            }
        }
        progress
    }

    fn fail_everything(&mut self, error: &io::Error) {
        for (
            id,
            Route {
                replies: mut sender,
                ..
            },
        ) in self.routes.drain()
        {
            let _ = sender.try_send(Delivery::Failed(Error::Io(copy_io_error(error))));
            self.engine.cancel(id);
        }
        self.pending.clear();
    }
}

impl Future for Connection {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        if let Err(error) = this.socket.register() {
            this.fail_everything(&error);
            return Poll::Ready(());
        }
        for _ in 0..BUDGET {
            let mut progress = this.take_commands(cx);
            let readers_ready = this.flush_pending(cx);
            progress |= this.transmit(cx);
            if readers_ready && this.pending.is_empty() {
                match this.receive(cx) {
                    Ok(received) => progress |= received,
                    Err(error) => {
                        this.fail_everything(&error);
                        return Poll::Ready(());
                    }
                }
            }
            progress |= this.flush_overrun(cx);
            progress |= this.poll_timer(cx);
            if this.commands_closed
                && this.pending.is_empty()
                && (this.routes.is_empty() || !this.engine.is_waiting())
            {
                return Poll::Ready(());
            }
            if !progress {
                return Poll::Pending;
            }
        }
        // Plenty done; let other tasks run and come back.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

// The engine and buffers hold no payload type: the connection is the same
// for every protocol, and it can run on any runtime thread.
const _: fn() = || {
    fn is_send<T: Send>() {}
    is_send::<Connection>();
};
