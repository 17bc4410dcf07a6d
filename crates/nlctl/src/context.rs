//! What every command runs with: the connection, the global options, the
//! output being built, and link name/index lookups.

use std::collections::HashMap;

use netlink_packet_route::RouteNetlinkMessage;
use rtnetlink::blocking::Handle;
use rtnetlink::link::LinkGet;
use rtnetlink::{Namespace, Request};

use crate::error::kernel;
use crate::output::Output;
use crate::CliError;

/// Address family selected by `-4` / `-6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    /// Both (no option).
    #[default]
    Any,
    /// `-4`.
    V4,
    /// `-6`.
    V6,
}

impl Family {
    /// The `AF_*` number for a dump request (0 for any).
    pub fn af(self) -> u8 {
        match self {
            Family::Any => 0,
            Family::V4 => netlink_packet_route::family::AF_INET,
            Family::V6 => netlink_packet_route::family::AF_INET6,
        }
    }
}

/// The global options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-j`: JSON output.
    pub json: bool,
    /// `-p`: pretty JSON.
    pub pretty: bool,
    /// `-d`: details.
    pub details: bool,
    /// `-s` (given twice: more).
    pub stats: u8,
    /// `-4` / `-6`.
    pub family: Family,
    /// Colored text output.
    pub color: bool,
    /// `-n NAME`.
    pub netns: Option<String>,
    /// `--rcvbuf BYTES`.
    pub rcvbuf: Option<usize>,
}

/// One command's world.
pub struct Context {
    /// The connection, inside `-n NAME` if given.
    pub handle: Handle,
    /// The global options.
    pub options: Options,
    /// What the command prints (on success only).
    pub out: Output,
    /// Changes waiting to be sent together (batch mode): the number and
    /// text of the line each came from, and the request.
    pending: Vec<(usize, String, Request<()>)>,
    /// Batch mode: queued changes that failed, reported at the end.
    failures: Vec<CliError>,
    batching: bool,
    /// The batch line being run (1-based).
    line: usize,
    names: Option<HashMap<u32, String>>,
    /// Indexes of the links named so far (until a link changes).
    indexes: HashMap<String, u32>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("options", &self.options)
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

impl Context {
    /// Opens the connection (inside `options.netns` if set).
    pub fn new(options: Options) -> Result<Self, CliError> {
        let handle = connect(&options)?;
        let out = Output::new(options.json, options.pretty, options.color);
        Ok(Context {
            handle,
            options,
            out,
            pending: Vec::new(),
            failures: Vec::new(),
            batching: false,
            line: 0,
            names: None,
            indexes: HashMap::new(),
        })
    }

    /// A connection of its own in the same namespace: for a dump read
    /// while `self.handle` answers lookups.
    pub fn connect(&self) -> Result<Handle, CliError> {
        connect(&self.options)
    }

    /// Runs `request` now; `command` names it in errors. Queued changes
    /// are sent first, so that what it reads is current.
    pub fn execute<T>(
        &mut self,
        command: &str,
        request: impl Into<Request<T>>,
    ) -> Result<T, CliError> {
        self.flush()?;
        self.handle.execute(request).map_err(|e| kernel(command, e))
    }

    /// A change answered by an ACK: sent now, or, in batch mode, queued to
    /// go with the next ones in one `sendmsg` (see [`Context::flush`]).
    pub fn change(
        &mut self,
        command: &str,
        request: impl Into<Request<()>>,
    ) -> Result<(), CliError> {
        let request = request.into();
        // Only link changes make the name and index caches wrong: a batch
        // of route changes keeps them.
        if matches!(
            request.message(),
            RouteNetlinkMessage::NewLink(_)
                | RouteNetlinkMessage::DelLink(_)
                | RouteNetlinkMessage::SetLink(_)
                | RouteNetlinkMessage::NewLinkProp(_)
                | RouteNetlinkMessage::DelLinkProp(_)
        ) {
            self.names = None;
            self.indexes.clear();
        }
        if self.batching {
            // The message naming the line is made only if the change fails.
            self.pending.push((self.line, command.to_owned(), request));
            Ok(())
        } else {
            self.execute(command, request)
        }
    }

    /// Queue changes from now on (batch mode).
    pub(crate) fn start_batching(&mut self) {
        self.batching = true;
    }

    /// The batch line about to run, for messages.
    pub(crate) fn set_line(&mut self, line: usize) {
        self.line = line;
    }

    /// Whether changes are waiting to be sent.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Sends the queued changes together; those that fail are kept for
    /// [`Context::take_failures`]. The error is for the connection failing.
    pub fn flush(&mut self) -> Result<(), CliError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let mut lines = Vec::with_capacity(pending.len());
        let mut requests = Vec::with_capacity(pending.len());
        for (number, command, request) in pending {
            lines.push((number, command));
            requests.push(request);
        }
        let results = self
            .handle
            .execute_batch(requests)
            .map_err(|e| CliError::failed(format!("batch: {e}")))?;
        self.failures.extend(lines.iter().zip(results).filter_map(
            |((number, command), result)| {
                let error = result.err()?;
                Some(kernel(&format!("line {number}: {command}"), error))
            },
        ));
        Ok(())
    }

    /// The queued changes that failed so far.
    pub fn take_failures(&mut self) -> Vec<CliError> {
        std::mem::take(&mut self.failures)
    }

    /// The index of link `name` (`Cannot find device "NAME"` if none).
    /// Queued changes are sent first when the name is not known yet: an
    /// earlier batch line may be creating it.
    pub fn link_index(&mut self, name: &str) -> Result<u32, CliError> {
        match self.lookup_index(name) {
            Ok(index) => Ok(index),
            Err(error) if self.has_pending() => {
                self.flush()?;
                self.lookup_index(name).map_err(|_| error)
            }
            Err(error) => Err(error),
        }
    }

    fn lookup_index(&mut self, name: &str) -> Result<u32, CliError> {
        if let Some(index) = self.indexes.get(name) {
            return Ok(*index);
        }
        match self.handle.execute(LinkGet::by_name(name)) {
            Ok(link) => {
                let index = u32::try_from(link.header.index).map_err(|_| {
                    CliError::failed(format!("device \"{name}\" has a negative index"))
                })?;
                self.indexes.insert(name.to_owned(), index);
                Ok(index)
            }
            Err(rtnetlink::Error::NotFound { .. }) | Err(rtnetlink::Error::InvalidArgument(_)) => {
                Err(CliError::failed(format!("Cannot find device \"{name}\"")))
            }
            Err(error) => Err(kernel(&format!("find device \"{name}\""), error)),
        }
    }

    /// The name of link `index`, from one dump cached until the next change
    /// (or, for an index the cache lacks, dumped again: the link may be
    /// newer than the cache).
    pub fn link_name(&mut self, index: u32) -> Option<String> {
        if let Some(name) = self.names.as_ref().and_then(|names| names.get(&index)) {
            return Some(name.clone());
        }
        self.flush().ok()?;
        let links = self.handle.execute(LinkGet::dump()).ok()?;
        let names: HashMap<u32, String> = links
            .iter()
            .filter_map(|l| Some((u32::try_from(l.header.index).ok()?, l.name()?.to_owned())))
            .collect();
        let name = names.get(&index).cloned();
        // Names of links gone since stay known: `monitor` still names the
        // link of an address deleted with it.
        self.names.get_or_insert_with(HashMap::new).extend(names);
        name
    }

    /// Records a link's name as a notification told it (`monitor`).
    pub(crate) fn remember_link_name(&mut self, index: i32, name: Option<&str>) {
        if let (Ok(index), Some(name)) = (u32::try_from(index), name) {
            self.names
                .get_or_insert_with(HashMap::new)
                .insert(index, name.to_owned());
        }
    }
}

/// A route socket's handle, inside `options.netns` if set.
fn connect(options: &Options) -> Result<Handle, CliError> {
    match &options.netns {
        Some(name) => Handle::new_in_namespace(&Namespace::Named(name.into())).map_err(|e| {
            CliError::failed(format!("cannot open network namespace \"{name}\": {e}"))
        }),
        None => {
            Handle::new().map_err(|e| CliError::failed(format!("cannot open a route socket: {e}")))
        }
    }
}
