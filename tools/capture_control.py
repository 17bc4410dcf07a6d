#!/usr/bin/env python3
"""Captures kernel control messages (errors with extended ACK, ACKs, DONE)
as hex fixtures for netlink-packet-core's tests.

Run as root inside a scratch namespace:
    unshare -n python3 tools/capture_control.py crates/netlink-packet-core/tests/fixtures
Each fixture file holds one comment line saying how it was produced, then the
message's bytes as hex.
"""
import os
import socket
import struct
import sys

SOL_NETLINK = 270
NETLINK_EXT_ACK = 11
NETLINK_CAP_ACK = 10
RTM_NEWLINK, RTM_GETLINK = 16, 18
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 0x1, 0x4, 0x300
NLM_F_CREATE, NLM_F_EXCL = 0x400, 0x200


def nla(kind, value):
    length = 4 + len(value)
    return struct.pack("=HH", length, kind) + value + b"\0" * ((4 - length % 4) % 4)


def msg(kind, flags, seq, payload):
    return struct.pack("=IHHII", 16 + len(payload), kind, flags, seq, 0) + payload


def exchange(proto, request, cap_ack=False):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    if cap_ack:
        s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.bind((0, 0))
    s.send(request)
    data = s.recv(65536)
    s.close()
    return data


def first_message(data):
    length = struct.unpack_from("=I", data)[0]
    return data[:length]


def save(directory, name, how, data):
    with open(os.path.join(directory, name), "w") as f:
        f.write("# " + how + "\n")
        f.write(data.hex() + "\n")


def main(directory):
    ifinfo = struct.pack("=BxHiII", 0, 0, 0, 0, 0)
    # 1. unknown link kind: message only
    attrs = nla(3, b"x0\0") + nla(18 | 0x8000, nla(1, b"nosuchkind\0"))
    data = exchange(socket.NETLINK_ROUTE, msg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, ifinfo + attrs))
    save(directory, "error_unknown_kind.hex",
         "RTM_NEWLINK ifname x0 kind nosuchkind, seq 1, NETLINK_EXT_ACK on: EOPNOTSUPP with NLMSGERR_ATTR_MSG, request echoed", first_message(data))
    # 2. same with NETLINK_CAP_ACK: capped
    data = exchange(socket.NETLINK_ROUTE, msg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 2, ifinfo + attrs), cap_ack=True)
    save(directory, "error_unknown_kind_capped.hex",
         "as error_unknown_kind.hex, seq 2, with NETLINK_CAP_ACK: request capped to its header", first_message(data))
    # 3. IFLA_MTU with a 2-byte value: policy violation with OFFS and POLICY
    attrs = nla(3, b"x1\0") + nla(4, b"\x00\x05")
    data = exchange(socket.NETLINK_ROUTE, msg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 3, ifinfo + attrs))
    save(directory, "error_policy_offset.hex",
         "RTM_NEWLINK with IFLA_MTU of 2 bytes at offset 40, seq 3: EINVAL with MSG, OFFS and POLICY", first_message(data))
    # 4. plain ACK: set lo's mtu to its current value
    attrs = nla(4, struct.pack("=I", 65536))
    ifinfo_lo = struct.pack("=BxHiII", 0, 0, 1, 0, 0)
    data = exchange(socket.NETLINK_ROUTE, msg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 4, ifinfo_lo + attrs))
    save(directory, "ack.hex", "RTM_NEWLINK ifindex 1 IFLA_MTU 65536, seq 4: ACK (capped)", first_message(data))
    # 5. missing attribute: ethtool LINKINFO_GET without its header attribute
    ctrl = struct.pack("=BBH", 3, 2, 0) + nla(2, b"ethtool\0")
    data = exchange(16, msg(0x10, NLM_F_REQUEST, 5, ctrl))
    off = 16 + 4
    family = None
    while off < len(data):
        length, kind = struct.unpack_from("=HH", data, off)
        if kind == 1:
            family = struct.unpack_from("=H", data, off + 4)[0]
        off += (length + 3) & ~3
    request = msg(family, NLM_F_REQUEST | NLM_F_ACK, 6, struct.pack("=BBH", 2, 1, 0))
    data = exchange(16, request)
    save(directory, "error_missing_attr.hex",
         "ethtool ETHTOOL_MSG_LINKINFO_GET (cmd 2) without ETHTOOL_A_LINKINFO_HEADER, seq 6: EINVAL with MISS_TYPE", first_message(data))
    # 6. DONE at the end of a link dump
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    s.bind((0, 0))
    s.send(msg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 7, ifinfo))
    while True:
        data = s.recv(65536)
        off, done = 0, None
        while off < len(data):
            length, kind = struct.unpack_from("=IH", data, off)
            if kind == 3:
                done = data[off:off + length]
            off += (length + 3) & ~3
        if done:
            break
    save(directory, "done.hex", "NLMSG_DONE ending an RTM_GETLINK dump, seq 7, NETLINK_EXT_ACK on", done)


if __name__ == "__main__":
    main(sys.argv[1])
