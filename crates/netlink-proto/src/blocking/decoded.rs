//! Dumps decoded into the caller's values as they arrive, on both threads
//! when the dump is read ahead.

use std::sync::Arc;

use netlink_packet_core::RawMessage;

use super::{Completion, Connection, RawReply, ReadAhead, RequestOptions};
use crate::engine::RequestKind;
use crate::error::Error;
use crate::read_ahead::{take_at, DecodeAhead, DecodedAhead};

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
            self.decode_ahead = Some(DecodeAhead::new(Arc::clone(&decode)));
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
