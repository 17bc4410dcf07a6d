//! The sans-IO protocol engine: fed datagrams, it hands back the bytes to
//! send and what happened to each request. It knows no protocol, no socket
//! and no clock of its own; the drivers bring those.

use std::collections::VecDeque;
use std::time::Instant;

use netlink_packet_core::{
    align, DecodeError, DoneMessage, ErrorMessage, MessageIter, NetlinkFlags, NetlinkHeader,
    RawMessage, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN,
};

use crate::error::{copy_io_error, Error, RequestInfo};

mod options;
mod output;

pub use options::*;
pub use output::Output;

#[derive(Debug)]
struct Request {
    id: RequestId,
    kind: RequestKind,
    bytes: Vec<u8>,
    options: RequestOptions,
    seq: u32,
    attempts: u32,
    interrupted: bool,
    deadline: Option<Instant>,
    /// The caller gave up (timeout or cancel) but the kernel has not: a dump
    /// keeps the socket's single dump slot until its DONE arrives.
    discard: bool,
    /// Sent without `NLM_F_ACK` ([`Ack::Implied`]): the sequence number of
    /// the request of its datagram whose answer ends it.
    closer: Option<u32>,
    /// In flight when the socket's receive buffer overflowed: its answer
    /// may have been dropped ([`Engine::answers_lost`]).
    overrun: bool,
}

impl Request {
    fn info(&self) -> RequestInfo {
        RequestInfo {
            message_type: u16::from_ne_bytes([self.bytes[4], self.bytes[5]]),
            sequence_number: self.seq,
        }
    }
}

/// The protocol state of one netlink socket.
///
/// ```
/// use netlink_proto::{DatagramInfo, Engine, Output, RequestOptions};
/// # use std::time::Instant;
/// let mut engine = Engine::default();
/// engine.set_port_id(1234);
/// // An RTM_GETLINK dump: header (filled in by the engine) + ifinfomsg.
/// let mut request = vec![0u8; 32];
/// request[0] = 32;
/// request[4] = 18;
/// let id = engine.submit(request, RequestOptions::dump(), Instant::now()).unwrap();
/// let mut out = Vec::new();
/// assert_eq!(engine.poll_transmit(&mut out), 1);
/// // ... send `out`, receive a datagram, then:
/// let done = [20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0xd2, 4, 0, 0, 0, 0, 0, 0];
/// let outputs: Vec<_> = engine.receive(&done, DatagramInfo::KERNEL).collect();
/// assert!(matches!(outputs[0], Output::Complete { id: done_id, .. } if done_id == id));
/// ```
#[derive(Debug)]
pub struct Engine {
    config: EngineConfig,
    port_id: u32,
    next_id: u64,
    next_seq: u32,
    queue: VecDeque<Request>,
    in_flight: Vec<Request>,
    last_batch: Vec<RequestId>,
    /// The byte buffers of requests answered well, for the next requests
    /// to be written into: a driver sending one change after another
    /// allocates no buffer per request.
    spare: Vec<Vec<u8>>,
    /// No wanted request has a deadline before this (`None`: none has a
    /// deadline). A lower bound, tightened on every full scan, so that
    /// drivers asking once per datagram do not scan thousands of queued
    /// requests each time.
    deadline_floor: Option<Instant>,
    /// Requests in flight that wait for another's answer (`closer`): while
    /// there are none, an ACK costs no search for them.
    implied: usize,
    /// Requests in flight marked by an overrun (`overrun`): while there are
    /// any, an empty receive queue means their answers were dropped.
    marked: usize,
    /// Outputs for requests ended by another's answer, handed out before
    /// the next message's.
    settled: VecDeque<Output<'static>>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new(EngineConfig::default())
    }
}

impl Engine {
    /// An engine with these limits.
    pub fn new(config: EngineConfig) -> Self {
        Engine {
            config,
            port_id: 0,
            next_id: 0,
            next_seq: 1,
            queue: VecDeque::new(),
            in_flight: Vec::new(),
            spare: Vec::new(),
            last_batch: Vec::new(),
            deadline_floor: None,
            implied: 0,
            marked: 0,
            settled: VecDeque::new(),
        }
    }

    /// The socket's own port id (read back after bind); replies carry it.
    pub fn set_port_id(&mut self, port_id: u32) {
        self.port_id = port_id;
    }

    /// The port id replies are expected to carry.
    pub fn port_id(&self) -> u32 {
        self.port_id
    }

    /// An empty buffer to write the next request into before
    /// [`submit`](Self::submit): the allocation of a request answered
    /// earlier when there is one (see [`Engine::SPARE_BUFFERS`]), else new.
    pub fn buffer(&mut self) -> Vec<u8> {
        self.spare.pop().unwrap_or_default()
    }

    /// Keeps the bytes of a request answered well for [`buffer`](Self::buffer).
    fn recycle(&mut self, mut bytes: Vec<u8>) {
        if self.spare.len() < Self::SPARE_BUFFERS && bytes.capacity() <= Self::SPARE_CAPACITY {
            bytes.clear();
            self.spare.push(bytes);
        }
    }

    /// How many buffers of answered requests are kept for reuse.
    pub const SPARE_BUFFERS: usize = 8;

    /// The largest buffer kept for reuse: requests are small; a large one
    /// (a big batch of attributes) is not worth holding on to.
    pub const SPARE_CAPACITY: usize = 4096;

    /// Registers a request. `message` is one complete netlink message (a
    /// 16-byte header whose length is right, then the payload); the engine
    /// sets its flags (`REQUEST`, plus `ACK` or `DUMP`), sequence number and
    /// port id when it is transmitted. Fails if the message is malformed.
    pub fn submit(
        &mut self,
        message: Vec<u8>,
        options: RequestOptions,
        now: Instant,
    ) -> Result<RequestId, DecodeError> {
        let raw = RawMessage::parse(&message)?;
        if raw.bytes.len() != message.len() {
            return Err(DecodeError::other(
                raw.bytes.len(),
                "a request must be exactly one netlink message",
            ));
        }
        let id = RequestId(self.next_id);
        self.next_id += 1;
        let deadline = options.timeout.and_then(|t| now.checked_add(t));
        if let Some(deadline) = deadline {
            self.deadline_floor = Some(self.deadline_floor.map_or(deadline, |f| f.min(deadline)));
        }
        self.queue.push_back(Request {
            id,
            kind: options.kind,
            deadline,
            bytes: message,
            options,
            seq: 0,
            attempts: 0,
            interrupted: false,
            discard: false,
            closer: None,
            overrun: false,
        });
        Ok(id)
    }

    /// Appends as many queued requests to `out` as may be in flight, several
    /// per datagram up to the batch size, and returns how many. Requests are
    /// sent in the order they were submitted; a dump waits while another dump
    /// runs (the kernel runs one dump per socket at a time).
    pub fn poll_transmit(&mut self, out: &mut Vec<u8>) -> usize {
        self.last_batch.clear();
        let start_len = out.len();
        while let Some(front) = self.queue.front() {
            if self.in_flight.len() >= self.config.max_in_flight {
                break;
            }
            if front.kind == RequestKind::Dump && self.dump_running() {
                break;
            }
            let batch_len = out.len() - start_len;
            if batch_len > 0 && batch_len + align(front.bytes.len()) > self.config.max_batch_bytes {
                break;
            }
            let Some(mut request) = self.queue.pop_front() else {
                break;
            };
            request.seq = self.allocate_seq();
            request.attempts += 1;
            request.interrupted = false;
            let mut flags =
                NetlinkFlags::from_bits(u16::from_ne_bytes([request.bytes[6], request.bytes[7]]));
            flags |= NetlinkFlags::REQUEST;
            flags |= match request.kind {
                RequestKind::Do => NetlinkFlags::ACK,
                RequestKind::Dump => NetlinkFlags::DUMP,
            };
            request.bytes[6..8].copy_from_slice(&flags.bits().to_ne_bytes());
            request.bytes[8..12].copy_from_slice(&request.seq.to_ne_bytes());
            request.bytes[12..16].copy_from_slice(&self.port_id.to_ne_bytes());
            out.extend_from_slice(&request.bytes);
            out.resize(start_len + align(out.len() - start_len), 0);
            self.last_batch.push(request.id);
            self.in_flight.push(request);
        }
        let sent = self.last_batch.len();
        if sent > 1 {
            self.imply_acks(&mut out[start_len..], sent);
        }
        sent
    }

    /// Takes `NLM_F_ACK` off the [`Ack::Implied`] requests of the datagram
    /// just written (`datagram`, the last `sent` requests in flight) that a
    /// later "do" request of it follows: that one's ACK or error will mean
    /// the kernel has handled them all.
    fn imply_acks(&mut self, datagram: &mut [u8], sent: usize) {
        let first = self.in_flight.len() - sent;
        let requests = &mut self.in_flight[first..];
        let Some(last_do) = requests.iter().rposition(|r| r.kind == RequestKind::Do) else {
            return;
        };
        let closer = requests[last_do].seq;
        let mut offset = 0;
        for request in &mut requests[..last_do] {
            let at = offset;
            offset += align(request.bytes.len());
            if request.kind != RequestKind::Do || request.options.ack != Ack::Implied {
                continue;
            }
            let mut flags =
                NetlinkFlags::from_bits(u16::from_ne_bytes([request.bytes[6], request.bytes[7]]));
            flags.remove(NetlinkFlags::ACK);
            request.bytes[6..8].copy_from_slice(&flags.bits().to_ne_bytes());
            datagram[at + 6..at + 8].copy_from_slice(&flags.bits().to_ne_bytes());
            request.closer = Some(closer);
            self.implied += 1;
        }
    }

    /// Removes the request at `pos` from those in flight.
    fn take(&mut self, pos: usize) -> Request {
        let request = self.in_flight.swap_remove(pos);
        if request.closer.is_some() {
            self.implied -= 1;
        }
        if request.overrun {
            self.marked -= 1;
        }
        request
    }

    /// Takes out every request in flight that `pick` chooses, and gives
    /// the ids of those still wanted (with what names them in errors) in
    /// the order they were submitted: taking them out shuffles the rest.
    fn take_where(&mut self, pick: impl Fn(&Request) -> bool) -> Vec<(RequestId, RequestInfo)> {
        let mut taken = Vec::new();
        let mut i = 0;
        while i < self.in_flight.len() {
            if !pick(&self.in_flight[i]) {
                i += 1;
                continue;
            }
            let request = self.take(i);
            if !request.discard {
                taken.push((request.id, request.info()));
            }
            self.recycle(request.bytes);
        }
        taken.sort_unstable_by_key(|(id, _)| *id);
        taken
    }

    /// The answer to the request with sequence number `seq` has come: the
    /// requests of its datagram that waited for it ([`Ack::Implied`]) and
    /// got no error of their own succeeded. Queued in the order they were
    /// sent.
    fn settle(&mut self, seq: u32) {
        let ended = self.take_where(|r| r.closer == Some(seq));
        self.settled
            .extend(ended.into_iter().map(|(id, _)| Output::Complete {
                id,
                interrupted: false,
                message: None,
            }));
    }

    /// The socket's receive buffer overflowed: messages were dropped. The
    /// requests waiting for another's ACK ([`Ack::Implied`]) may have lost
    /// their error, so whether they took effect is unknown: they fail. The
    /// other "do" requests in flight are marked: if the answer of one is
    /// not among the messages still queued, it was dropped (see
    /// [`answers_lost`](Self::answers_lost)).
    pub fn overrun(&mut self) -> Vec<(RequestId, Error)> {
        for request in &mut self.in_flight {
            request.overrun = request.kind == RequestKind::Do;
        }
        self.marked = self.in_flight.iter().filter(|r| r.overrun).count();
        if self.implied == 0 {
            return Vec::new();
        }
        answer_lost(self.take_where(|r| r.closer.is_some()))
    }

    /// Everything the socket had queued has been read since an
    /// [`overrun`](Self::overrun): the "do" requests in flight then and
    /// still unanswered had their answers dropped (the kernel answers a
    /// request before its `sendmsg` returns), so they fail instead of
    /// waiting for ever. Call it when a receive finds the queue empty.
    ///
    /// For protocols that answer later from a thread of their own (audit),
    /// an answer still to come is taken as lost: the request fails, and
    /// the answer is [`Output::Stale`] when it comes.
    pub fn answers_lost(&mut self) -> Vec<(RequestId, Error)> {
        if self.marked == 0 {
            return Vec::new();
        }
        answer_lost(self.take_where(|r| r.overrun))
    }

    /// Whether an [`overrun`](Self::overrun) left "do" requests in flight
    /// that are still unanswered: until a receive finds the queue empty
    /// (then [`answers_lost`](Self::answers_lost)), a driver should not
    /// wait for their answers. Constant time.
    pub fn answers_maybe_lost(&self) -> bool {
        self.marked > 0
    }

    /// Fails the requests of the last [`poll_transmit`](Self::poll_transmit)
    /// batch because sending it failed.
    pub fn abort_last_batch(&mut self, error: &std::io::Error) -> Vec<(RequestId, Error)> {
        let ids = std::mem::take(&mut self.last_batch);
        let mut failed = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(pos) = self.in_flight.iter().position(|r| r.id == id) {
                self.take(pos);
                failed.push((id, Error::Io(copy_io_error(error))));
            }
        }
        failed
    }

    /// Processes one received datagram; the iterator yields what each of its
    /// messages means. Messages are borrowed from `datagram`, never copied.
    pub fn receive<'e, 'a>(
        &'e mut self,
        datagram: &'a [u8],
        info: DatagramInfo,
    ) -> Receive<'e, 'a> {
        Receive {
            engine: self,
            messages: MessageIter::new(datagram),
            datagram,
            info,
            dropped: false,
        }
    }

    /// The caller no longer wants request `id`'s answers. A running dump
    /// still holds its slot until the kernel finishes it; its messages are
    /// then reported as [`Output::Stale`].
    pub fn cancel(&mut self, id: RequestId) {
        if let Some(pos) = self.queue.iter().position(|r| r.id == id) {
            self.queue.remove(pos);
        }
        if let Some(pos) = self.in_flight.iter().position(|r| r.id == id) {
            if self.in_flight[pos].kind == RequestKind::Dump {
                self.in_flight[pos].discard = true;
            } else {
                self.take(pos);
            }
        }
    }

    /// The earliest deadline of a request that is still wanted.
    /// May be earlier than the true one (never later) once requests with
    /// deadlines finish: waking then and calling [`Engine::expire`] finds
    /// nothing expired and tightens it. Constant time.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.deadline_floor
    }

    fn exact_next_deadline(&self) -> Option<Instant> {
        self.queue
            .iter()
            .chain(self.in_flight.iter().filter(|r| !r.discard))
            .filter_map(|r| r.deadline)
            .min()
    }

    /// Fails every request whose deadline is at or before `now`.
    /// Constant time until the earliest deadline may have passed.
    pub fn expire(&mut self, now: Instant) -> Vec<(RequestId, Error)> {
        let mut expired = Vec::new();
        if self.deadline_floor.map_or(true, |floor| now < floor) {
            return expired;
        }
        let timed_out = |r: &Request| -> Error {
            Error::TimedOut {
                request: r.info(),
                timeout: r.options.timeout.unwrap_or_default(),
            }
        };
        let mut i = 0;
        while i < self.queue.len() {
            if self.queue[i].deadline.is_some_and(|d| d <= now) {
                if let Some(r) = self.queue.remove(i) {
                    expired.push((r.id, timed_out(&r)));
                }
            } else {
                i += 1;
            }
        }
        let mut i = 0;
        while i < self.in_flight.len() {
            let r = &mut self.in_flight[i];
            if !r.discard && r.deadline.is_some_and(|d| d <= now) {
                expired.push((r.id, timed_out(r)));
                if r.kind == RequestKind::Dump {
                    r.discard = true;
                } else {
                    self.take(i);
                    continue;
                }
            }
            i += 1;
        }
        self.deadline_floor = self.exact_next_deadline();
        expired
    }

    /// Requests submitted and not yet sent.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Requests sent and not yet finished (including abandoned dumps the
    /// kernel is still running).
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Whether a request still expects an answer the caller wants.
    pub fn is_waiting(&self) -> bool {
        !self.queue.is_empty() || self.in_flight.iter().any(|r| !r.discard)
    }

    /// Whether request `id` is still queued or in flight and wanted.
    pub fn is_pending(&self, id: RequestId) -> bool {
        self.queue.iter().any(|r| r.id == id)
            || self.in_flight.iter().any(|r| r.id == id && !r.discard)
    }

    /// The sequence number of request `id` if it is a dump that has been
    /// sent, is wanted, and is the only request queued or in flight: then
    /// every answer up to its DONE is its own, and a driver may read ahead.
    pub fn sole_dump(&self, id: RequestId) -> Option<u32> {
        match (self.queue.is_empty(), self.in_flight.as_slice()) {
            (true, [request])
                if request.id == id && request.kind == RequestKind::Dump && !request.discard =>
            {
                Some(request.seq)
            }
            _ => None,
        }
    }

    fn dump_running(&self) -> bool {
        self.in_flight.iter().any(|r| r.kind == RequestKind::Dump)
    }

    fn allocate_seq(&mut self) -> u32 {
        loop {
            let seq = self.next_seq;
            self.next_seq = self.next_seq.wrapping_add(1);
            // 0 is what kernel-originated notifications carry.
            if seq != 0 && !self.in_flight.iter().any(|r| r.seq == seq) {
                return seq;
            }
        }
    }

    /// Whether a message was sent to this socket alone (not through a
    /// multicast group): an answer to one of its requests, or a stale one.
    fn addressed_to_us(&self, header: &NetlinkHeader, info: &DatagramInfo) -> bool {
        header.port_id == self.port_id && info.group.unwrap_or(0) == 0
    }

    fn find(&self, header: &NetlinkHeader, info: &DatagramInfo) -> Option<usize> {
        if info.group.is_some_and(|g| g != 0) {
            return None;
        }
        if header.port_id != self.port_id && header.port_id != 0 {
            return None;
        }
        self.in_flight
            .iter()
            .position(|r| r.seq == header.sequence_number)
    }

    fn handle<'a>(&mut self, message: RawMessage<'a>, info: &DatagramInfo) -> Option<Output<'a>> {
        let header = message.header;
        // The closer's answer ends the requests that waited for it, whether
        // or not the closer itself is still wanted.
        if self.implied > 0
            && header.message_type == NLMSG_ERROR
            && self.addressed_to_us(&header, info)
        {
            self.settle(header.sequence_number);
        }
        let Some(pos) = self.find(&header, info) else {
            if header.message_type == NLMSG_NOOP {
                return None;
            }
            return Some(
                if self.addressed_to_us(&header, info) && header.sequence_number != 0 {
                    Output::Stale { message }
                } else {
                    Output::Event {
                        message,
                        group: info.group,
                    }
                },
            );
        };
        match header.message_type {
            NLMSG_NOOP => None,
            NLMSG_ERROR | NLMSG_DONE | NLMSG_OVERRUN => {
                let discard = self.in_flight[pos].discard;
                let output = self.final_answer(pos, message);
                if !discard {
                    return Some(output);
                }
                match output {
                    Output::Complete {
                        message: Some(message),
                        ..
                    } => Some(Output::Stale { message }),
                    _ => None,
                }
            }
            // A dump's part: the common case, built straight into the
            // return value (an `Output` is 112 bytes).
            _ => {
                let request = &mut self.in_flight[pos];
                if header.flags.contains(NetlinkFlags::DUMP_INTR) {
                    request.interrupted = true;
                }
                if request.interrupted
                    && request.kind == RequestKind::Dump
                    && matches!(request.options.on_interrupt, InterruptPolicy::Retry(_))
                {
                    // The rest of this attempt is void; DONE will restart it.
                    return None;
                }
                Some(if request.discard {
                    Output::Stale { message }
                } else {
                    Output::Reply {
                        id: request.id,
                        message,
                    }
                })
            }
        }
    }

    /// The final answer of the request at `pos` (`NLMSG_ERROR`,
    /// `NLMSG_DONE` or `NLMSG_OVERRUN`): it leaves those in flight.
    fn final_answer<'a>(&mut self, pos: usize, message: RawMessage<'a>) -> Output<'a> {
        let header = message.header;
        match header.message_type {
            NLMSG_ERROR => {
                let request = self.take(pos);
                // An ACK (error code 0, the first field of struct nlmsgerr)
                // needs nothing else decoded: this is every successful
                // change, so it is worth the shortcut.
                if message.payload.get(..4) == Some(&[0; 4]) {
                    let output = Output::Complete {
                        id: request.id,
                        interrupted: request.interrupted,
                        message: Some(message),
                    };
                    self.recycle(request.bytes);
                    output
                } else {
                    // A code of 0 took the shortcut: this is an error.
                    match ErrorMessage::parse(&header, message.payload) {
                        Ok(error) => Output::Failed {
                            id: request.id,
                            error: Error::Kernel {
                                request: request.info(),
                                error,
                                request_message: request.bytes,
                            },
                        },
                        Err(error) => Output::Failed {
                            id: request.id,
                            error: Error::Decode {
                                request: Some(request.info()),
                                error: error.at_base(message.offset + NetlinkHeader::LEN),
                            },
                        },
                    }
                }
            }
            NLMSG_DONE => {
                let interrupted = self.in_flight[pos].interrupted
                    || header.flags.contains(NetlinkFlags::DUMP_INTR);
                let request = self.take(pos);
                self.finish_dump(request, interrupted, message)
            }
            _ => {
                let request = self.take(pos);
                Output::Failed {
                    id: request.id,
                    error: Error::Decode {
                        request: Some(request.info()),
                        error: DecodeError::other(
                            message.offset,
                            "NLMSG_OVERRUN: the kernel lost part of the answer",
                        ),
                    },
                }
            }
        }
    }

    fn finish_dump<'a>(
        &mut self,
        mut request: Request,
        interrupted: bool,
        message: RawMessage<'a>,
    ) -> Output<'a> {
        let done = match DoneMessage::parse(message.payload) {
            Ok(done) => done,
            Err(error) => {
                return Output::Failed {
                    id: request.id,
                    error: Error::Decode {
                        request: Some(request.info()),
                        error: error.at_base(message.offset + NetlinkHeader::LEN),
                    },
                }
            }
        };
        if let Some(code) = done.code.filter(|&c| c < 0) {
            let request_header = NetlinkHeader::parse(&request.bytes).unwrap_or_default();
            return Output::Failed {
                id: request.id,
                error: Error::Kernel {
                    request: request.info(),
                    error: ErrorMessage {
                        code,
                        request_header,
                        request_payload: Vec::new(),
                        ext_ack: done.ext_ack,
                    },
                    request_message: request.bytes,
                },
            };
        }
        if interrupted && !request.discard {
            if let InterruptPolicy::Retry(retries) = request.options.on_interrupt {
                if request.attempts > retries {
                    return Output::Failed {
                        id: request.id,
                        error: Error::Interrupted {
                            request: request.info(),
                            attempts: request.attempts,
                        },
                    };
                }
                let id = request.id;
                request.interrupted = false;
                self.queue.push_front(request);
                return Output::Restarted { id };
            }
        }
        let output = Output::Complete {
            id: request.id,
            interrupted,
            message: Some(message),
        };
        self.recycle(request.bytes);
        output
    }
}

/// The outputs of one datagram; see [`Engine::receive`].
#[derive(Debug)]
pub struct Receive<'e, 'a> {
    engine: &'e mut Engine,
    messages: MessageIter<'a>,
    datagram: &'a [u8],
    info: DatagramInfo,
    dropped: bool,
}

impl<'e, 'a> Iterator for Receive<'e, 'a> {
    type Item = Output<'a>;

    fn next(&mut self) -> Option<Output<'a>> {
        if self.dropped {
            return None;
        }
        if self.info.sender_port != 0 {
            // Only the kernel may talk to us: a datagram from another
            // process could forge replies or events.
            self.dropped = true;
            return Some(Output::Dropped {
                sender_port: self.info.sender_port,
            });
        }
        loop {
            // Requests ended by the answer handed out last (the closer's)
            // come right after it.
            if let Some(settled) = self.engine.settled.pop_front() {
                return Some(settled);
            }
            let message = match self.messages.next()? {
                Ok(message) => message,
                Err(error) => return Some(self.broken(error)),
            };
            if let Some(output) = self.engine.handle(message, &self.info) {
                return Some(output);
            }
        }
    }
}

impl<'e, 'a> Receive<'e, 'a> {
    /// A message whose framing is broken: give the error to its request if
    /// its header can still be read and matched, so the request ends instead
    /// of waiting for an answer that was lost in the bad bytes.
    fn broken(&mut self, error: DecodeError) -> Output<'a> {
        let header = self
            .datagram
            .get(error.offset()..)
            .and_then(|rest| NetlinkHeader::parse(rest).ok());
        if let Some(header) = header {
            if header.message_type == NLMSG_ERROR
                && self.engine.addressed_to_us(&header, &self.info)
            {
                // An answer to the closer, however broken, means the kernel
                // has handled the requests that waited for it.
                self.engine.settle(header.sequence_number);
            }
            if let Some(pos) = self.engine.find(&header, &self.info) {
                let request = self.engine.take(pos);
                return Output::Failed {
                    id: request.id,
                    error: Error::Decode {
                        request: Some(request.info()),
                        error,
                    },
                };
            }
        }
        Output::Invalid { error }
    }
}

/// The requests whose answer may have been dropped, failed as such.
fn answer_lost(requests: Vec<(RequestId, RequestInfo)>) -> Vec<(RequestId, Error)> {
    requests
        .into_iter()
        .map(|(id, request)| (id, Error::AnswerLost { request }))
        .collect()
}
