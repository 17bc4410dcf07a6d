//! Dumps decoded into the caller's values as they arrive, on both threads
//! when the dump is read ahead.

use std::any::Any;
use std::sync::Arc;

use netlink_packet_core::{MessageIter, RawMessage, NLMSG_MIN_TYPE};

use super::{Completion, Connection, RawReply, ReadAhead, RequestOptions};
use crate::engine::RequestKind;
use crate::error::Error;
use crate::read_ahead::DecodeAhead;

/// What [`Connection::request_decoded`] hands to its callback.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodedReply<T> {
    /// A reply, decoded.
    Message(T),
    /// An interrupted dump starts over (with
    /// [`InterruptPolicy::Retry`](crate::InterruptPolicy::Retry)): forget
    /// the replies seen so far.
    Restarted,
}

/// The caller's decoding function, shared with the reader thread or not.
enum Decoder<D> {
    Own(D),
    Shared(Arc<D>),
}

impl<D> Decoder<D> {
    fn get(&self) -> &D {
        match self {
            Decoder::Own(decode) => decode,
            Decoder::Shared(decode) => decode,
        }
    }
}

/// The replies of one datagram that the reader thread decoded, by offset,
/// in order.
type DecodedAhead<T> = std::vec::IntoIter<(usize, T)>;

impl Connection {
    /// Sends `message` and hands each reply to `on_reply` decoded by
    /// `decode`, in order, until the request completes.
    ///
    /// What [`Connection::request_raw`] does with a decoding callback, but
    /// when a large dump is read ahead on a second thread
    /// ([`ReadAhead`]) and this thread falls behind, the
    /// reader thread decodes datagrams too (those that arrive while this
    /// thread has not taken the one before): the decoding splits between
    /// the two threads. `decode` therefore runs on either; `on_reply` only
    /// here, in the order of the replies, whichever thread decoded them.
    pub fn request_decoded<T: Send + 'static>(
        &mut self,
        message: Vec<u8>,
        options: RequestOptions,
        decode: impl Fn(&RawMessage<'_>) -> T + Send + Sync + 'static,
        mut on_reply: impl FnMut(DecodedReply<T>),
    ) -> Result<Completion, Error> {
        // Only a dump can be read ahead: a "do" request shares nothing
        // and allocates nothing for it.
        let decode = if options.kind == RequestKind::Dump && self.read_ahead != ReadAhead::Off {
            let decode = Arc::new(decode);
            let ahead = Arc::clone(&decode);
            self.decode_ahead = Some(DecodeAhead(Arc::new(move |datagram: &[u8], seq: u32| {
                // What the engine will hand over as replies of dump `seq`:
                // its messages that are not control messages, up to any
                // damage (from which the engine fails the request).
                let values: Vec<(usize, T)> = MessageIter::new(datagram)
                    .map_while(Result::ok)
                    .filter(|m| {
                        m.header.sequence_number == seq && m.header.message_type >= NLMSG_MIN_TYPE
                    })
                    .map(|m| (m.offset, ahead(&m)))
                    .collect();
                Box::new(values.into_iter()) as Box<dyn Any + Send>
            })));
            Decoder::Shared(decode)
        } else {
            Decoder::Own(decode)
        };
        let decode = decode.get();
        let result = self.request_replies(message, options, |reply, decoded| match reply {
            RawReply::Message(message) => {
                let early = decoded
                    .and_then(|decoded| decoded.downcast_mut::<DecodedAhead<T>>())
                    .and_then(|values| take_at(values, message.offset));
                on_reply(DecodedReply::Message(
                    early.unwrap_or_else(|| decode(&message)),
                ));
            }
            RawReply::Restarted => on_reply(DecodedReply::Restarted),
        });
        self.decode_ahead = None;
        result
    }
}

/// The value decoded for the message at `offset`, if the reader decoded
/// one; those before it (replies the engine did not hand over) are dropped.
fn take_at<T>(values: &mut DecodedAhead<T>, offset: usize) -> Option<T> {
    while let Some((at, _)) = values.as_slice().first() {
        if *at >= offset {
            break;
        }
        values.next();
    }
    match values.as_slice().first() {
        Some((at, _)) if *at == offset => values.next().map(|(_, value)| value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_taken_by_offset_skipping_those_not_asked_for() {
        let mut values: DecodedAhead<&str> = vec![(0, "a"), (40, "b"), (80, "c")].into_iter();
        assert_eq!(take_at(&mut values, 0), Some("a"));
        // 40 was not handed over (an interrupted attempt, say).
        assert_eq!(take_at(&mut values, 80), Some("c"));
        assert_eq!(take_at(&mut values, 120), None);
        let mut values: DecodedAhead<&str> = vec![(40, "b")].into_iter();
        // A message the reader did not decode: nothing, and 40 is kept.
        assert_eq!(take_at(&mut values, 20), None);
        assert_eq!(take_at(&mut values, 40), Some("b"));
    }
}
