"""Benchmark contender `pyroute2`: the pyroute2 library, version pinned in
requirements.txt next to this file (0.9.7), used the way its documentation
shows a user would, through the synchronous `IPRoute` API.

    python3 contender.py --netns NAME WORKLOAD [--count R]

Keeps the contract of bench/README.md: prints the count and exits 0; exit
status 3 (nothing on stdout) for a workload it does not offer.

The socket: `IPRoute(netns=NAME, flags=0)`. Since 0.9.1 that is how pyroute2
opens a socket in a named namespace: it forks a helper process that enters
the namespace, creates the netlink socket and passes it back over a Unix
socket (measured as part of the run, as a user would pay it). `flags=0`
so that a missing namespace is an error instead of being created.

What each workload measures (every reply decoded into pyroute2's message
objects; the synchronous API returns a dump as a tuple, i.e. collected):
- route-dump: `ipr.get_routes(family=AF_INET)` (RTM_GETROUTE dump, no
  table filter: every table);
- link-dump: `ipr.get_links()`;
- address-dump: `ipr.get_addr(family=AF_INET)` (the kernel filters by
  family);
- route-add-del: `ipr.route('add', dst=..., dst_len=32, oif=bench0,
  scope='link')` R times (pyroute2 adds proto static, type unicast, table
  main, NLM_F_CREATE|NLM_F_EXCL|NLM_F_ACK), then `ipr.route('del', ...)`
  R times, one at a time; pyroute2 waits for each ACK and raises
  NetlinkError on an error reply;
- route-add-del-batched: pyroute2's own batch call,
  `ipr.nlm_request_batch(msgs)`: it encodes the messages, sends them in
  one send() and then reads every request's reply, raising NetlinkError on
  an error (it is what its nftables module uses). The messages are rtmsg
  objects built by hand (that call takes messages, not the keyword API).
  BATCH requests per send(): the kernel answers a whole send() before we
  read anything, so the ACKs of one send must fit in the receive buffer.
"""

import sys
from socket import AF_INET

from pyroute2 import IPRoute
from pyroute2.netlink import NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST
from pyroute2.netlink.rtnl import RTM_DELROUTE, RTM_NEWROUTE
from pyroute2.netlink.rtnl.rtmsg import rtmsg

UNSUPPORTED = 3
WORKLOADS = (
    'route-dump',
    'link-dump',
    'address-dump',
    'route-add-del',
    'route-add-del-batched',
)
# Requests per send() in route-add-del-batched.
BATCH = 256
RT_TABLE_MAIN = 254
RTPROT_STATIC = 4
RT_SCOPE_LINK = 253
RTN_UNICAST = 1


def usage(error):
    sys.stderr.write(f'pyroute2 contender: {error}\n')
    sys.stderr.write(
        'usage: contender.py --netns NAME WORKLOAD [--count R]\n'
    )
    sys.exit(1)


def parse_args(argv):
    netns = None
    workload = None
    count = 10_000
    args = iter(argv)
    for arg in args:
        if arg == '--netns':
            netns = next(args, None)
            if netns is None:
                usage('--netns needs a value')
        elif arg == '--count':
            value = next(args, None)
            try:
                count = int(value)
            except (TypeError, ValueError):
                usage(f'bad --count {value!r}')
            if not 0 <= count <= 65_536:
                usage(f'--count {count}: 0..65536')
        elif workload is None and not arg.startswith('-'):
            workload = arg
        else:
            usage(f'unexpected argument {arg!r}')
    if netns is None:
        usage('--netns NAME is required')
    if workload is None:
        usage('WORKLOAD is required')
    return netns, workload, count


def churn_dst(i):
    return f'198.18.{i // 256}.{i % 256}'


def churn_msg(kind, flags, i, oif):
    """The route 198.18.(i/256).(i%256)/32 dev bench0 as an rtmsg, main
    table, protocol static, scope link, unicast."""
    msg = rtmsg()
    msg['family'] = AF_INET
    msg['dst_len'] = 32
    msg['table'] = RT_TABLE_MAIN
    msg['proto'] = RTPROT_STATIC
    msg['scope'] = RT_SCOPE_LINK
    msg['type'] = RTN_UNICAST
    msg['attrs'] = [('RTA_DST', churn_dst(i)), ('RTA_OIF', oif)]
    msg['header']['type'] = kind
    msg['header']['flags'] = flags
    return msg


def run(ipr, workload, count):
    if workload == 'route-dump':
        return len(ipr.get_routes(family=AF_INET))
    if workload == 'link-dump':
        return len(ipr.get_links())
    if workload == 'address-dump':
        return len(ipr.get_addr(family=AF_INET))

    found = ipr.link_lookup(ifname='bench0')
    if not found:
        raise RuntimeError('no link bench0')
    oif = found[0]
    if workload == 'route-add-del':
        for i in range(count):
            ipr.route('add', dst=churn_dst(i), dst_len=32, oif=oif,
                      scope='link')
        for i in range(count):
            ipr.route('del', dst=churn_dst(i), dst_len=32, oif=oif,
                      scope='link')
        return count
    if workload == 'route-add-del-batched':
        add = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
        delete = NLM_F_REQUEST | NLM_F_ACK
        for kind, flags in ((RTM_NEWROUTE, add), (RTM_DELROUTE, delete)):
            for start in range(0, count, BATCH):
                msgs = [
                    churn_msg(kind, flags, i, oif)
                    for i in range(start, min(start + BATCH, count))
                ]
                # Raises NetlinkError on the first error reply.
                ipr.nlm_request_batch(msgs)
        return count
    raise AssertionError(workload)


def main():
    netns, workload, count = parse_args(sys.argv[1:])
    if workload not in WORKLOADS:
        usage(f'unknown workload {workload!r}')
    try:
        with IPRoute(netns=netns, flags=0) as ipr:
            n = run(ipr, workload, count)
    except Exception as e:  # any failure: a message and a non-zero exit
        sys.stderr.write(f'pyroute2 contender: {workload}: {e!r}\n')
        sys.exit(1)
    sys.stdout.write(f'{n}\n')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
