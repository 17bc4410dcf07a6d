//! The blocking front end.

use netlink_packet_core::{NetlinkDeserializable, NetlinkHeader, RawMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::blocking::{Connection, DecodedReply};
use netlink_sys::{Namespace, Protocol, Socket};

use crate::request::{answer, collect_answer};
use crate::{Error, Request};

/// A blocking rtnetlink connection.
#[derive(Debug)]
pub struct Handle {
    connection: Connection,
}

impl Handle {
    /// Opens a connection in the current network namespace.
    pub fn new() -> Result<Self, Error> {
        Self::from_socket(Socket::new(Protocol::Route)?)
    }

    /// Opens a connection inside network namespace `ns`.
    pub fn new_in_namespace(ns: &Namespace) -> Result<Self, Error> {
        Self::from_socket(Socket::new_in_namespace(Protocol::Route, ns)?)
    }

    /// A connection over a route socket of your own.
    pub fn from_socket(socket: Socket) -> Result<Self, Error> {
        let socket = crate::request::prepare(socket);
        Ok(Handle {
            connection: Connection::from_socket(socket)?,
        })
    }

    /// Runs `request` and waits for its result.
    pub fn execute<T>(&mut self, request: impl Into<Request<T>>) -> Result<T, Error> {
        let request = request.into();
        request.check()?;
        let (message, options, mut collect) = request.into_parts();
        // Each reply is decoded straight from the receive buffer and handed
        // to the collector: no message wrapper, no queue. A large dump read
        // ahead on a second thread is decoded on both.
        let mut failed = None;
        let decode = |raw: &RawMessage<'_>| {
            RouteNetlinkMessage::deserialize(&raw.header, raw.payload)
                .map_err(|error| error.at_base(raw.offset + NetlinkHeader::LEN))
        };
        let bytes = message.to_bytes_in(self.connection.buffer());
        let outcome =
            self.connection
                .request_decoded(bytes, options, decode, |reply| match reply {
                    DecodedReply::Message(decoded) if failed.is_none() => match decoded {
                        Ok(message) => collect.reply(message),
                        Err(error) => {
                            failed = Some(netlink_proto::Error::Decode {
                                request: None,
                                error,
                            })
                        }
                    },
                    DecodedReply::Message(_) => {}
                    DecodedReply::Restarted => {
                        collect.restart();
                        failed = None;
                    }
                });
        let outcome = match (outcome, failed) {
            (Err(error), _) | (Ok(_), Some(error)) => Err(Error::from(error)),
            (Ok(_), None) => Ok(()),
        };
        collect.finish(outcome)
    }

    /// Runs many requests, as many per `sendmsg` as fit, each answered on
    /// its own: the result of each, in the order given. The outer error
    /// is for the connection failing as a whole. Only the last request of
    /// each datagram asks for an ACK ([`Request::implied_ack`]); a failing
    /// request still gets its own error.
    pub fn execute_batch<T>(
        &mut self,
        requests: impl IntoIterator<Item = Request<T>>,
    ) -> Result<Vec<Result<T, Error>>, Error> {
        // Requests refused while being built are answered here, unsent.
        let requests = requests.into_iter();
        let mut slots = Vec::with_capacity(requests.size_hint().0);
        let mut messages = Vec::with_capacity(requests.size_hint().0);
        for request in requests {
            if let Err(error) = request.check() {
                slots.push(Err(error));
                continue;
            }
            let (message, options, collect) = request.into_parts();
            // One ACK per datagram: the kernel answers the requests of one
            // `sendmsg` in order, so the last one's ends the others too.
            messages.push((message, options.implied_ack()));
            slots.push(Ok(collect));
        }
        let mut results = self.connection.batch(messages)?.into_iter();
        Ok(slots
            .into_iter()
            .map(|slot| {
                let collect = slot?;
                match results.next() {
                    Some(result) => collect_answer(collect, answer(result)),
                    None => Err(Error::Protocol(netlink_proto::Error::ConnectionClosed)),
                }
            })
            .collect())
    }

    /// The underlying connection, for what this crate does not wrap.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.connection
    }
}
