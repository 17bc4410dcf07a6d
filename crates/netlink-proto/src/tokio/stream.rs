//! The caller's side of a tokio connection: the handle, reply streams and
//! the event stream. Messages are decoded here, in the caller's task.

use std::collections::VecDeque;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::channel::mpsc;
use futures::{SinkExt, Stream};
use netlink_packet_core::{
    MessageIter, NetlinkDeserializable, NetlinkMessage, NetlinkSerializable,
};

use super::{Command, Delivery, RawEvent};
use crate::engine::{InterruptPolicy, RequestOptions};
use crate::error::Error;
use crate::event::Event;

/// Sends requests to a [`Connection`](super::Connection); clone it freely,
/// across tasks. The connection ends when every handle is gone.
pub struct Handle<T> {
    commands: mpsc::Sender<Command>,
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
    pub(crate) fn new(commands: mpsc::Sender<Command>, reply_queue: usize) -> Self {
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
        let (replies_tx, replies_rx) = mpsc::channel(self.reply_queue);
        let retry = matches!(options.on_interrupt, InterruptPolicy::Retry(_));
        let mut commands = self.commands.clone();
        commands
            .send(Command::Request {
                bytes,
                options,
                replies: replies_tx,
            })
            .await
            .map_err(|_| Error::ConnectionClosed)?;
        Ok(ReplyStream {
            deliveries: replies_rx,
            current: Vec::new(),
            position: 0,
            held: VecDeque::new(),
            retry,
            finished: false,
            interrupted: false,
            payload: PhantomData,
        })
    }
}

impl<T: NetlinkSerializable> Handle<T> {
    /// Sends `message` and returns the stream of its replies. The stream
    /// ends after the ACK or DONE; a kernel error is its last item.
    pub async fn request(
        &self,
        message: NetlinkMessage<T>,
        options: RequestOptions,
    ) -> Result<ReplyStream<T>, Error> {
        self.request_bytes(message.to_bytes(), options).await
    }
}

/// The replies of one request, decoded as they are read.
pub struct ReplyStream<T> {
    deliveries: mpsc::Receiver<Delivery>,
    /// The replies of one datagram, and how far they have been read.
    current: Vec<u8>,
    position: usize,
    /// With a retry policy: replies held until the dump completes.
    held: VecDeque<Vec<u8>>,
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

impl<T: NetlinkDeserializable> ReplyStream<T> {
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
                return Some(NetlinkMessage::parse(&raw).map_err(|error| Error::Decode {
                    request: None,
                    error,
                }));
            }
            if self.retry && !self.finished {
                return None;
            }
            self.current = self.held.pop_front()?;
            self.position = 0;
        }
    }
}

impl<T: NetlinkDeserializable> Stream for ReplyStream<T> {
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
                    Delivery::Replies(bytes) => {
                        if this.retry {
                            this.held.push_back(bytes);
                        } else {
                            this.current = bytes;
                            this.position = 0;
                        }
                    }
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
