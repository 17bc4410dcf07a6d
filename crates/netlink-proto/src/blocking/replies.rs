//! The replies of one request as an iterator: [`Replies`].

use std::collections::VecDeque;
use std::marker::PhantomData;

use netlink_packet_core::{NetlinkDeserializable, NetlinkMessage};

use super::{Connection, Step};
use crate::engine::RequestId;
use crate::error::Error;

/// The replies of one request; see [`Connection::request`].
pub struct Replies<'c, T> {
    connection: &'c mut Connection,
    id: RequestId,
    ready: VecDeque<Result<NetlinkMessage<T>, Error>>,
    held: Vec<Result<NetlinkMessage<T>, Error>>,
    retry: bool,
    finished: bool,
    interrupted: bool,
    payload: PhantomData<fn() -> T>,
}

impl<'c, T> std::fmt::Debug for Replies<'c, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Replies")
            .field("id", &self.id)
            .field("finished", &self.finished)
            .finish()
    }
}

impl<'c, T> Replies<'c, T> {
    pub(super) fn new(connection: &'c mut Connection, id: RequestId, retry: bool) -> Self {
        Replies {
            connection,
            id,
            ready: VecDeque::new(),
            held: Vec::new(),
            retry,
            finished: false,
            interrupted: false,
            payload: PhantomData,
        }
    }

    /// Whether the dump was marked interrupted (known once it has ended).
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }
}

impl<'c, T: NetlinkDeserializable> Iterator for Replies<'c, T> {
    type Item = Result<NetlinkMessage<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            let Replies {
                connection,
                id,
                ready,
                held,
                retry,
                finished,
                interrupted,
                ..
            } = self;
            let result = connection.pump(*id, &mut |step| match step {
                Step::Reply(raw, _) => {
                    let parsed = NetlinkMessage::<T>::parse(&raw).map_err(|error| Error::Decode {
                        request: None,
                        error: error.at_base(raw.offset),
                    });
                    if *retry {
                        held.push(parsed);
                    } else {
                        ready.push_back(parsed);
                    }
                }
                Step::Restarted => held.clear(),
                Step::Complete {
                    interrupted: was_interrupted,
                } => {
                    *interrupted = was_interrupted;
                    ready.extend(held.drain(..));
                    *finished = true;
                }
                Step::Failed(error) => {
                    held.clear();
                    ready.push_back(Err(error));
                    *finished = true;
                }
            });
            if let Err(error) = result {
                self.finished = true;
                return Some(Err(error));
            }
        }
    }
}

impl<'c, T> Drop for Replies<'c, T> {
    fn drop(&mut self) {
        if !self.finished {
            self.connection.engine.cancel(self.id);
        }
    }
}
