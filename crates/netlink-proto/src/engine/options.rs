//! What a request is sent with and where a datagram came from: the values
//! callers hand the engine.

use std::time::Duration;

/// Identifies a request for its whole life, across retries (which change
/// its sequence number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub(super) u64);

impl RequestId {
    /// The id as a number: requests of one engine are numbered from 0 in
    /// the order they were submitted.
    pub fn value(self) -> u64 {
        self.0
    }

    /// Request `n`, for tests of the drivers' bookkeeping.
    #[cfg(test)]
    pub(crate) fn numbered(n: u64) -> Self {
        RequestId(n)
    }
}

/// Whether a request is answered by one ACK or by a multipart dump.
///
/// The engine cannot tell from the flags: `0x300` means `NLM_F_DUMP` on a
/// GET but `NLM_F_REPLACE | NLM_F_EXCL` on a NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// A "do" request: replies (if any) then an ACK or an error. The engine
    /// sets `NLM_F_ACK` so that every such request has a definite end.
    Do,
    /// A dump (`NLM_F_DUMP` is set by the engine): replies then `NLMSG_DONE`.
    Dump,
}

/// What to do when a dump comes back marked `NLM_F_DUMP_INTR` (the data
/// changed while it was being dumped, so it may be inconsistent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InterruptPolicy {
    /// Deliver the data and report it as interrupted.
    #[default]
    Report,
    /// Start the dump again, up to this many extra times; after that fail
    /// with [`Error::Interrupted`](crate::Error::Interrupted). Drivers hold the replies back until the
    /// dump completes, so that the caller only sees a consistent dump.
    Retry(u32),
}

/// How the end of a "do" request is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ack {
    /// It asks for its own ACK (`NLM_F_ACK`).
    #[default]
    Own,
    /// Sent in one datagram with a later "do" request, it asks for none:
    /// the ACK (or error) of the datagram's last "do" request ends it too.
    /// A request that fails still gets its own error message (the kernel
    /// sends one for every failure, asked or not), so the result is the
    /// same; the kernel builds one ACK per datagram instead of one per
    /// request, and the driver receives it with one system call.
    ///
    /// Only for protocols whose kernel side answers a datagram's requests
    /// in order before its `sendmsg` returns (route, generic, netfilter,
    /// xfrm and sock_diag netlink do; audit does not: its replies come from
    /// a kernel thread of their own, after the ACK). If the socket's receive
    /// buffer overflows while such a request waits, its error may have
    /// been lost: it fails with [`Error::AnswerLost`](crate::Error::AnswerLost).
    /// Sockets with `NETLINK_NO_ENOBUFS` set hide overflows; do not use it
    /// on them.
    Implied,
}

/// How a request is sent and finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOptions {
    /// Do or dump.
    pub kind: RequestKind,
    /// Fail with [`Error::TimedOut`](crate::Error::TimedOut) if the request has not finished within
    /// this time after it was submitted.
    pub timeout: Option<Duration>,
    /// Policy for interrupted dumps.
    pub on_interrupt: InterruptPolicy,
    /// How the end of a "do" request is marked (dumps end with
    /// `NLMSG_DONE` whatever this says).
    pub ack: Ack,
}

impl RequestOptions {
    /// A "do" request, no timeout.
    pub fn request() -> Self {
        RequestOptions {
            kind: RequestKind::Do,
            timeout: None,
            on_interrupt: InterruptPolicy::Report,
            ack: Ack::Own,
        }
    }

    /// A dump, no timeout, interruptions reported.
    pub fn dump() -> Self {
        RequestOptions {
            kind: RequestKind::Dump,
            ..Self::request()
        }
    }

    /// Sets the timeout.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Lets a "do" request be acknowledged by the ACK of a later request
    /// of the same datagram ([`Ack::Implied`]).
    #[must_use]
    pub fn implied_ack(mut self) -> Self {
        self.ack = Ack::Implied;
        self
    }

    /// Sets the interrupted-dump policy.
    #[must_use]
    pub fn on_interrupt(mut self, policy: InterruptPolicy) -> Self {
        self.on_interrupt = policy;
        self
    }
}

/// Limits of the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// Requests sent but not finished, at most. Replies to requests in flight
    /// share the socket's receive buffer; if it overflows the kernel drops
    /// them (even ACKs), so this is kept well below what the buffer holds.
    pub max_in_flight: usize,
    /// Bytes per datagram when several requests are sent in one `sendmsg`.
    pub max_batch_bytes: usize,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            max_in_flight: 64,
            max_batch_bytes: 32 * 1024,
        }
    }
}

/// Where a datagram came from, as the socket reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DatagramInfo {
    /// The sender's port id; the kernel's is 0.
    pub sender_port: u32,
    /// The multicast group it was delivered through (from `NETLINK_PKTINFO`),
    /// `None` or `Some(0)` for a unicast reply.
    pub group: Option<u32>,
}

impl DatagramInfo {
    /// A unicast datagram from the kernel.
    pub const KERNEL: DatagramInfo = DatagramInfo {
        sender_port: 0,
        group: None,
    };
}
