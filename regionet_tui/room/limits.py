"""The bounds of every request the room accepts.

A phone sends a page of answers at most: a few kilobytes, a hundred fields.
Everything beyond these bounds is refused before it is read further.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# The largest form: STAP 1 with a few custom services, every note at its 5,000
# characters of plain text. A body over this is refused before it is parsed.
MAX_BODY_BYTES = 256 * 1024
# The fields of the largest page (40 services x 6, each with its base) and a margin.
MAX_FIELDS = 1000
# Per device: a burst of saves (a form sent whole, a script's autosave of every
# field) and then a steady rate; the same per address for requests from no device.
DEVICE_RATE, DEVICE_BURST = 5.0, 60
ADDRESS_RATE, ADDRESS_BURST = 20.0, 400
MAX_BUCKETS = 5000


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """A token bucket per key (a device, an address); the oldest keys are
    forgotten when there are too many."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_BUCKETS) -> None:
        self.rate, self.burst = rate, burst
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, key: str) -> bool:
        now = self._clock()
        bucket = self._buckets.pop(key, None)
        if bucket is None:
            bucket = _Bucket(float(self.burst), now)
            if len(self._buckets) >= self._max_keys:
                del self._buckets[next(iter(self._buckets))]
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        self._buckets[key] = bucket  # most recently used last
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True
