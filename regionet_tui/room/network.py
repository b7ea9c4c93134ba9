"""Where the room can be reached: the laptop itself, or the room's own network.

Found with the standard library alone and without sending anything: the
address the system would use towards a private or documentation address
(a UDP socket's `connect` only looks up the route), the addresses of the
network interfaces (Linux), and the host name's addresses. Loopback and
link-local addresses are left out; private addresses (school Wi-Fi, a
laptop's hotspot) come first.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys

LOCAL = "127.0.0.1"
# Asked for a route only; no packet is sent. TEST-NET-1 stands for "anywhere".
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255", "192.0.2.1")
_SIOCGIFADDR = 0x8915


def _route_address(target: str) -> str | None:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect((target, 9))
        address: str = probe.getsockname()[0]
        return address
    return None


def _interface_addresses() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    import fcntl

    found = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode("utf-8")[:15])
            with contextlib.suppress(OSError):
                answer = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, request)
                found.append(socket.inet_ntoa(answer[20:24]))
    return found


def _host_addresses() -> list[str]:
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        return [str(info[4][0]) for info in infos]
    return []


def usable(address: str) -> bool:
    try:
        ip = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def room_addresses() -> list[str]:
    """The laptop's addresses on the networks around it, the likeliest first."""
    candidates = [_route_address(target) for target in _PROBES]
    candidates += _interface_addresses() + _host_addresses()
    seen: list[str] = []
    for address in candidates:
        if address and usable(address) and address not in seen:
            seen.append(address)
    return sorted(seen, key=lambda a: not ipaddress.IPv4Address(a).is_private)
