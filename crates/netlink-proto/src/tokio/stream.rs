//! The caller's side of a tokio connection: the handle, reply streams and
//! the event stream. Messages are decoded here, in the caller's task.

use std::any::Any;
use std::collections::VecDeque;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::channel::mpsc;
use futures::Stream;
use netlink_packet_core::{
    DecodeError, MessageIter, NetlinkDeserializable, NetlinkMessage, NetlinkSerializable,
    RawMessage,
};

use super::reply_channel::{self, ReplyReceiver};
use super::{Command, Delivery, RawEvent};
use crate::engine::{InterruptPolicy, RequestKind, RequestOptions};
use crate::error::Error;
use crate::event::Event;
use crate::read_ahead::{take_at, DecodeAhead, DecodedAhead};

/// Sends requests to a [`Connection`](super::Connection); clone it freely,
/// across tasks. The connection ends when every handle is gone.
pub struct Handle<T> {
    commands: tokio::sync::mpsc::Sender<Command>,
    reply_queue: usize,
    payload: PhantomData<fn() -> T>,
}

impl<T> Clone for Handle<T> {
    fn clone(&self) -> Self {
        Handle {
            commands: self.commands.clone(),
            reply_queue: self.reply_queue,
            payload: PhantomData,
        }
    }
}

impl<T> std::fmt::Debug for Handle<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handle")
            .field("closed", &self.commands.is_closed())
            .finish()
    }
}

impl<T> Handle<T> {
    pub(crate) fn new(commands: tokio::sync::mpsc::Sender<Command>, reply_queue: usize) -> Self {
        Handle {
            commands,
            reply_queue,
            payload: PhantomData,
        }
    }

    /// Sends one complete request message (see
    /// [`Engine::submit`](crate::Engine::submit)) and returns its replies.
    /// Waits while the connection's request queue is full.
    pub async fn request_bytes(
        &self,
        bytes: Vec<u8>,
        options: RequestOptions,
    ) -> Result<ReplyStream<T>, Error> {
        self.send_request(bytes, options, None).await
    }

    async fn send_request(
        &self,
        bytes: Vec<u8>,
        options: RequestOptions,
        decode: Option<DecodeAhead>,
    ) -> Result<ReplyStream<T>, Error> {
        let (replies_tx, replies_rx) = reply_channel::channel(self.reply_queue);
        let retry = matches!(options.on_interrupt, InterruptPolicy::Retry(_));
        self.commands
            .send(Command::Request {
                bytes,
                options,
                replies: replies_tx,
                decode,
            })
            .await
            .map_err(|_| Error::ConnectionClosed)?;
        Ok(ReplyStream {
            deliveries: replies_rx,
            current: Vec::new(),
            position: 0,
            ahead: None,
            held: VecDeque::new(),
            retry,
            finished: false,
            interrupted: false,
            payload: PhantomData,
        })
    }
}

impl<T> Handle<T>
where
    T: NetlinkSerializable + NetlinkDeserializable + Send + 'static,
{
    /// Sends `message` and returns the stream of its replies. The stream
    /// ends after the ACK or DONE; a kernel error is its last item.
    ///
    /// A large dump read ahead on a second thread
    /// ([`ConnectionConfig::read_ahead`](super::ConnectionConfig)) is
    /// decoded there too whenever this stream falls behind: the stream
    /// then yields those messages as decoded, in order, and decodes only
    /// the rest itself.
    pub async fn request(
        &self,
        message: NetlinkMessage<T>,
        options: RequestOptions,
    ) -> Result<ReplyStream<T>, Error> {
        let decode = (options.kind == RequestKind::Dump).then(|| {
            DecodeAhead::new(Arc::new(|raw: &RawMessage<'_>| {
                NetlinkMessage::<T>::parse(raw)
            }))
        });
        self.send_request(message.to_bytes(), options, decode).await
    }
}

/// What the reader thread decoded of one delivery's datagram: the values
/// by offset in the datagram, and the offset of each message of the
/// delivery, in order.
struct Ahead<T> {
    values: DecodedAhead<Result<NetlinkMessage<T>, DecodeError>>,
    offsets: std::vec::IntoIter<usize>,
}

impl<T: 'static> Ahead<T> {
    /// The values the reader decoded (for this stream's type, or none).
    fn of(values: Box<dyn Any + Send>, offsets: Vec<usize>) -> Option<Self> {
        // Decoded by the decoder `request` set, so of this type.
        let values = values.downcast().ok()?;
        Some(Ahead {
            values: *values,
            offsets: offsets.into_iter(),
        })
    }
}

impl<T> Ahead<T> {
    /// The value decoded for the delivery's next message, if there is one.
    fn next(&mut self) -> Option<Result<NetlinkMessage<T>, DecodeError>> {
        let offset = self.offsets.next()?;
        take_at(&mut self.values, offset)
    }
}

/// The replies of one request, decoded as they are read.
pub struct ReplyStream<T> {
    deliveries: ReplyReceiver,
    /// The replies of one datagram, and how far they have been read.
    current: Vec<u8>,
    position: usize,
    /// What the reader thread decoded of `current`'s messages.
    ahead: Option<Ahead<T>>,
    /// With a retry policy: replies held until the dump completes.
    held: VecDeque<(Vec<u8>, Option<Ahead<T>>)>,
    retry: bool,
    finished: bool,
    interrupted: bool,
    payload: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for ReplyStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplyStream")
            .field("finished", &self.finished)
            .finish()
    }
}

impl<T> ReplyStream<T> {
    /// Whether the dump was marked interrupted (known once it has ended).
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }
}

// Nothing in the stream is pinned in place: its values are only moved out.
impl<T> Unpin for ReplyStream<T> {}

impl<T: NetlinkDeserializable + 'static> ReplyStream<T> {
    /// A delivery's replies: read next, or held until a retried dump ends.
    fn take(&mut self, bytes: Vec<u8>, ahead: Option<Ahead<T>>) {
        if self.retry {
            self.held.push_back((bytes, ahead));
        } else {
            self.current = bytes;
            self.ahead = ahead;
            self.position = 0;
        }
    }

    fn next_buffered(&mut self) -> Option<Result<NetlinkMessage<T>, Error>> {
        loop {
            if self.position < self.current.len() {
                let rest = &self.current[self.position..];
                let raw = match MessageIter::new(rest).next()? {
                    Ok(raw) => raw,
                    Err(error) => {
                        // The connection only forwards well-framed messages.
                        self.position = self.current.len();
                        return Some(Err(Error::Decode {
                            request: None,
                            error,
                        }));
                    }
                };
                self.position += netlink_packet_core::align(raw.bytes.len());
                let decoded = self.ahead.as_mut().and_then(Ahead::next);
                let message = decoded.unwrap_or_else(|| NetlinkMessage::parse(&raw));
                return Some(message.map_err(|error| Error::Decode {
                    request: None,
                    error,
                }));
            }
            if self.retry && !self.finished {
                return None;
            }
            (self.current, self.ahead) = self.held.pop_front()?;
            self.position = 0;
        }
    }
}

impl<T: NetlinkDeserializable + 'static> Stream for ReplyStream<T> {
    type Item = Result<NetlinkMessage<T>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.next_buffered() {
                return Poll::Ready(Some(item));
            }
            if this.finished {
                return Poll::Ready(None);
            }
            match Pin::new(&mut this.deliveries).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(Error::ConnectionClosed)));
                }
                Poll::Ready(Some(delivery)) => match delivery {
                    Delivery::Replies(bytes) => this.take(bytes, None),
                    Delivery::Decoded {
                        bytes,
                        values,
                        offsets,
                    } => this.take(bytes, Ahead::of(values, offsets)),
                    Delivery::Restarted => this.held.clear(),
                    Delivery::Complete { interrupted } => {
                        this.interrupted = interrupted;
                        this.finished = true;
                    }
                    Delivery::Failed(error) => {
                        this.held.clear();
                        this.finished = true;
                        return Poll::Ready(Some(Err(error)));
                    }
                },
            }
        }
    }
}

/// Multicast events of a connection, decoded as they are read. An
/// [`Event::Overrun`] marks every place where events were lost.
pub struct EventStream<T> {
    events: mpsc::Receiver<RawEvent>,
    payload: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream").finish()
    }
}

impl<T> EventStream<T> {
    pub(crate) fn new(events: mpsc::Receiver<RawEvent>) -> Self {
        EventStream {
            events,
            payload: PhantomData,
        }
    }
}

impl<T: NetlinkDeserializable> Stream for EventStream<T> {
    type Item = Event<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Event<T>>> {
        let this = self.get_mut();
        Pin::new(&mut this.events).poll_next(cx).map(|event| {
            event.map(|event| match event {
                RawEvent::Overrun => Event::Overrun,
                RawEvent::Invalid(error) => Event::Invalid(error),
                RawEvent::Message(bytes) => match NetlinkMessage::parse_bytes(&bytes) {
                    Ok(message) => Event::Message(message),
                    Err(error) => Event::Invalid(error),
                },
            })
        })
    }
}
