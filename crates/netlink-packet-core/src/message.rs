//! Netlink messages: the zero-copy iterator over a datagram, the generic
//! `NetlinkMessage<T>`, and the traits a protocol's payload type implements.

use crate::control::{DoneMessage, ErrorMessage};
use crate::error::{BufferTooSmall, DecodeError, DecodeReason};
use crate::header::{align, NetlinkHeader, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN};

/// A protocol's message payload type can be read from a header and the bytes
/// after it. Error offsets are relative to the start of `payload`.
pub trait NetlinkDeserializable: Sized {
    /// Decodes the payload of a message whose header is `header`.
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError>;
}

/// A protocol's message payload type can be written after a header.
pub trait NetlinkSerializable {
    /// The `nlmsg_type` for this payload.
    fn message_type(&self) -> u16;
    /// Length of the payload in bytes.
    fn buffer_len(&self) -> usize;
    /// Writes the payload into `buf`, exactly `buffer_len()` bytes.
    fn emit(&self, buf: &mut [u8]);
}

/// A message borrowed from a receive buffer: its header, checked against the
/// buffer, and its payload bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMessage<'a> {
    /// The parsed header.
    pub header: NetlinkHeader,
    /// The bytes after the header, `header.length - 16` of them.
    pub payload: &'a [u8],
    /// The whole message, header included.
    pub bytes: &'a [u8],
    /// Offset of the message in the buffer it was read from.
    pub offset: usize,
}

impl<'a> RawMessage<'a> {
    /// Parses exactly one message from `buf` (trailing padding allowed).
    pub fn parse(buf: &'a [u8]) -> Result<Self, DecodeError> {
        match MessageIter::new(buf).next() {
            Some(result) => result,
            None => Err(DecodeError::truncated(
                0,
                "netlink header",
                NetlinkHeader::LEN,
                0,
            )),
        }
    }
}

/// Iterates over the messages of a datagram without copying or allocating.
///
/// A header whose length cannot be trusted ends the iteration with an error
/// naming its offset (the messages after it cannot be found).
#[derive(Debug, Clone)]
pub struct MessageIter<'a> {
    buf: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> MessageIter<'a> {
    /// The messages of `buf`.
    #[inline]
    pub fn new(buf: &'a [u8]) -> Self {
        MessageIter {
            buf,
            pos: 0,
            done: false,
        }
    }
}

impl<'a> Iterator for MessageIter<'a> {
    type Item = Result<RawMessage<'a>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let offset = self.pos;
        let fail = |this: &mut Self, e: DecodeError| {
            this.done = true;
            Some(Err(e.at_base(offset)))
        };
        let header = match NetlinkHeader::parse(rest) {
            Ok(h) => h,
            Err(_) => {
                return fail(
                    self,
                    DecodeError::new(0, DecodeReason::TrailingBytes { count: rest.len() }),
                )
            }
        };
        let len = header.length as usize;
        if len < NetlinkHeader::LEN {
            return fail(
                self,
                DecodeError::new(
                    0,
                    DecodeReason::InvalidLength {
                        what: "netlink message",
                        length: len,
                    },
                ),
            );
        }
        let Some(bytes) = rest.get(..len) else {
            return fail(
                self,
                DecodeError::truncated(0, "netlink message", len, rest.len()),
            );
        };
        self.pos = (self.pos + align(len)).min(self.buf.len());
        Some(Ok(RawMessage {
            header,
            payload: &bytes[NetlinkHeader::LEN..],
            bytes,
            offset,
        }))
    }
}

/// What a netlink message carries: a control message or the protocol's own.
#[derive(Debug, Clone, PartialEq)]
pub enum NetlinkPayload<T> {
    /// `NLMSG_NOOP`, with whatever bytes it carried.
    Noop(Vec<u8>),
    /// `NLMSG_ERROR` with code 0: the request succeeded.
    Ack(ErrorMessage),
    /// `NLMSG_ERROR` with a non-zero code: the request failed.
    Error(ErrorMessage),
    /// `NLMSG_DONE`: the end of a dump.
    Done(DoneMessage),
    /// `NLMSG_OVERRUN`, with its bytes.
    Overrun(Vec<u8>),
    /// A message of the protocol.
    Inner(T),
}

/// A complete netlink message: header and payload.
#[derive(Debug, Clone, PartialEq)]
pub struct NetlinkMessage<T> {
    /// The header. `length` is recomputed on emit.
    pub header: NetlinkHeader,
    /// The payload.
    pub payload: NetlinkPayload<T>,
}

impl<T> NetlinkMessage<T> {
    /// A message with header and payload.
    pub fn new(header: NetlinkHeader, payload: NetlinkPayload<T>) -> Self {
        NetlinkMessage { header, payload }
    }
}

impl<T: NetlinkDeserializable> NetlinkMessage<T> {
    /// Decodes a message borrowed from a buffer. Error offsets count from the
    /// start of the message.
    pub fn parse(raw: &RawMessage<'_>) -> Result<Self, DecodeError> {
        let header = raw.header;
        let payload = raw.payload;
        let body = match header.message_type {
            NLMSG_NOOP => NetlinkPayload::Noop(payload.to_vec()),
            NLMSG_ERROR => {
                let error = ErrorMessage::parse(&header, payload)
                    .map_err(|e| e.at_base(NetlinkHeader::LEN))?;
                if error.code == 0 {
                    NetlinkPayload::Ack(error)
                } else {
                    NetlinkPayload::Error(error)
                }
            }
            NLMSG_DONE => NetlinkPayload::Done(
                DoneMessage::parse(payload).map_err(|e| e.at_base(NetlinkHeader::LEN))?,
            ),
            NLMSG_OVERRUN => NetlinkPayload::Overrun(payload.to_vec()),
            _ => NetlinkPayload::Inner(
                T::deserialize(&header, payload).map_err(|e| e.at_base(NetlinkHeader::LEN))?,
            ),
        };
        Ok(NetlinkMessage {
            header,
            payload: body,
        })
    }

    /// Decodes the one message in `buf`.
    pub fn parse_bytes(buf: &[u8]) -> Result<Self, DecodeError> {
        Self::parse(&RawMessage::parse(buf)?)
    }
}

impl<T: NetlinkSerializable> NetlinkMessage<T> {
    /// A message carrying a protocol payload, header fields zero except the
    /// type; the engine fills in flags, sequence number and port id.
    pub fn from_inner(inner: T) -> Self {
        let header = NetlinkHeader {
            message_type: inner.message_type(),
            ..NetlinkHeader::default()
        };
        NetlinkMessage {
            header,
            payload: NetlinkPayload::Inner(inner),
        }
    }

    fn payload_len(&self) -> usize {
        match &self.payload {
            NetlinkPayload::Noop(b) | NetlinkPayload::Overrun(b) => b.len(),
            NetlinkPayload::Ack(e) | NetlinkPayload::Error(e) => e.buffer_len(),
            NetlinkPayload::Done(d) => d.buffer_len(),
            NetlinkPayload::Inner(inner) => inner.buffer_len(),
        }
    }

    /// The message type the payload implies (control types for control payloads).
    pub fn message_type(&self) -> u16 {
        match &self.payload {
            NetlinkPayload::Noop(_) => NLMSG_NOOP,
            NetlinkPayload::Ack(_) | NetlinkPayload::Error(_) => NLMSG_ERROR,
            NetlinkPayload::Done(_) => NLMSG_DONE,
            NetlinkPayload::Overrun(_) => NLMSG_OVERRUN,
            NetlinkPayload::Inner(inner) => inner.message_type(),
        }
    }

    /// Length on the wire, header included, without trailing padding.
    pub fn buffer_len(&self) -> usize {
        NetlinkHeader::LEN + self.payload_len()
    }

    /// Sets `header.length` and `header.message_type` from the payload.
    pub fn finalize(&mut self) {
        self.header.length = u32::try_from(self.buffer_len()).unwrap_or(u32::MAX);
        self.header.message_type = self.message_type();
    }

    /// Writes the message into `buf`, returning its length. The header's
    /// length and type are taken from the payload, not from `self.header`.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let len = self.buffer_len();
        let Some(out) = buf.get_mut(..len) else {
            return Err(BufferTooSmall {
                needed: len,
                available: buf.len(),
            });
        };
        self.emit_sized(out);
        Ok(len)
    }

    /// Writes the message into `out`, exactly `buffer_len()` bytes (the
    /// length is worked out once by the callers: it walks every attribute).
    fn emit_sized(&self, out: &mut [u8]) {
        let len = out.len();
        let mut header = self.header;
        header.length = u32::try_from(len).unwrap_or(u32::MAX);
        header.message_type = self.message_type();
        out[..NetlinkHeader::LEN].copy_from_slice(&header.to_bytes());
        let body = &mut out[NetlinkHeader::LEN..];
        match &self.payload {
            NetlinkPayload::Noop(b) | NetlinkPayload::Overrun(b) => body.copy_from_slice(b),
            NetlinkPayload::Ack(e) | NetlinkPayload::Error(e) => e.emit(body),
            NetlinkPayload::Done(d) => d.emit(body),
            NetlinkPayload::Inner(inner) => inner.emit(body),
        }
    }

    /// Appends the message, padded to 4 bytes, to `out` (a buffer the caller
    /// can reuse across messages, so nothing is allocated once it is large
    /// enough). Returns the offset where the message starts.
    pub fn emit_to_vec(&self, out: &mut Vec<u8>) -> usize {
        let start = out.len();
        let len = self.buffer_len();
        out.resize(start + align(len), 0);
        self.emit_sized(&mut out[start..start + len]);
        start
    }

    /// The message as exactly `buffer_len()` bytes written into `buffer`
    /// (cleared first): its allocation is reused, so a sender that hands
    /// back the buffers of messages already sent allocates none.
    pub fn to_bytes_in(&self, mut buffer: Vec<u8>) -> Vec<u8> {
        let len = self.buffer_len();
        if buffer.capacity() < len {
            // A fresh allocation of the exact size: growing an empty vector
            // takes the general (amortised-doubling) path, twice the work.
            buffer = Vec::with_capacity(len);
        }
        buffer.clear();
        buffer.resize(len, 0);
        self.emit_sized(&mut buffer);
        buffer
    }

    /// The message as a new vector of exactly `buffer_len()` bytes.
    // Measured (callgrind, route add requests): calloc costs more than
    // malloc plus a memset of a few dozen bytes, hence no `vec![0; len]`.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_in(Vec::new())
    }
}

/// A payload kept as bytes, for protocols without typed messages and for
/// hand-built requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPayload {
    /// The `nlmsg_type`.
    pub message_type: u16,
    /// The payload bytes.
    pub bytes: Vec<u8>,
}

impl NetlinkDeserializable for RawPayload {
    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError> {
        Ok(RawPayload {
            message_type: header.message_type,
            bytes: payload.to_vec(),
        })
    }
}

impl NetlinkSerializable for RawPayload {
    fn message_type(&self) -> u16 {
        self.message_type
    }
    fn buffer_len(&self) -> usize {
        self.bytes.len()
    }
    fn emit(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.bytes);
    }
}
