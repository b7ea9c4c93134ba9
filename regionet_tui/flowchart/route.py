"""Orthogonal routing in the channels between layers.

A segment runs down from its column at the upper layer, along a horizontal
track, and down to its column at the lower layer. Tracks are ordered so that
segments never share a cell except where they cross at right angles, and so
that they cross as little as their end columns allow.
"""

from __future__ import annotations

from typing import NamedTuple

Point = tuple[int, int]


class Segment(NamedTuple):
    top: int  # column where the segment leaves the upper layer
    bottom: int  # column where it enters the lower layer

    @property
    def low(self) -> int:
        return min(self.top, self.bottom)

    @property
    def high(self) -> int:
        return max(self.top, self.bottom)


# A segment as (top, bottom, low, high): assign_tracks compares every pair of
# bent segments, and plain tuples spare the properties' calls there.
_Span = tuple[int, int, int, int]


def _span(segment: Segment) -> _Span:
    return segment.top, segment.bottom, segment.low, segment.high


def _wants_above(first: _Span, second: _Span) -> tuple[bool, bool]:
    """Whether `first` should take a higher track than `second`, and whether it must.

    `first` above avoids a crossing when `second`'s lower leg stands inside
    `first`'s horizontal run, or when `first`'s upper leg stands inside
    `second`'s run. When a leg stands exactly on the other's end column the
    wrong order would overlap the two edges, so the order becomes a must.
    """
    wants = must = False
    column, low, high = second[1], first[2], first[3]
    if low <= column <= high:
        wants, must = True, column in (low, high)
    column, low, high = first[0], second[2], second[3]
    if low <= column <= high:
        wants, must = True, must or column in (low, high)
    return wants, must


def assign_tracks(segments: list[Segment]) -> tuple[list[int], int]:
    """Track of every segment (-1 for straight ones) and the number of tracks used."""
    bent = [index for index, segment in enumerate(segments) if segment.top != segment.bottom]
    tracks = [-1] * len(segments)
    above: dict[int, set[int]] = {index: set() for index in bent}
    must_be_above: dict[int, set[int]] = {index: set() for index in bent}
    spans = [_span(segment) for segment in segments]
    # Segments whose horizontal runs do not overlap have no wish about each
    # other, so only overlapping pairs are compared: each segment with those
    # that start (leftmost column) before it ends. Which of a pair comes
    # first does not matter, the two wishes are weighed alike.
    by_low = sorted(bent, key=lambda index: spans[index][2])
    for position, first in enumerate(by_low):
        first_span = spans[first]
        first_high = first_span[3]
        for second in by_low[position + 1 :]:
            second_span = spans[second]
            if second_span[2] > first_high:
                break
            first_wants, first_must = _wants_above(first_span, second_span)
            second_wants, second_must = _wants_above(second_span, first_span)
            if first_wants and (first_must or not second_wants) and not second_must:
                above[second].add(first)
                if first_must:
                    must_be_above[second].add(first)
            elif second_wants and (second_must or not first_wants) and not first_must:
                above[first].add(second)
                if second_must:
                    must_be_above[first].add(second)
    remaining = sorted(bent, key=lambda index: (spans[index][2], index))
    placed: set[int] = set()
    track = 0
    while remaining:
        free = [index for index in remaining if above[index] <= placed]
        if not free:
            # A cycle of wishes: some crossing is unavoidable. Break it at the
            # segment with the fewest unmet wishes, never against a must.
            allowed = [index for index in remaining if must_be_above[index] <= placed] or remaining
            free = [min(allowed, key=lambda index: (len(above[index] - placed), index))]
        used: list[tuple[int, int]] = []  # (low, high) of the runs on this track
        for index in free:
            low, high = spans[index][2], spans[index][3]
            if all(low > other_high or high < other_low for other_low, other_high in used):
                used.append((low, high))
                tracks[index] = track
                placed.add(index)
        remaining = [index for index in remaining if tracks[index] < 0]
        track += 1
    return tracks, track


class ChannelRoute(NamedTuple):
    """Tracks of one channel, in two stages.

    Most segments bend once, in the upper stage. A segment caught in a ring
    of forced orders (two segments trading columns, say) detours through a
    free middle column and bends again in the lower stage.
    """

    middles: list[int]  # column where each segment leaves the upper stage
    upper: list[int]
    lower: list[int]
    upper_count: int
    lower_count: int

    @property
    def track_count(self) -> int:
        return self.upper_count + self.lower_count

    def path(self, index: int, segment: Segment, first_row: int, last_row: int) -> list[Point]:
        """Corner points of one segment; tracks start one row below the channel's first row."""
        points = [(segment.top, first_row)]
        if self.upper[index] >= 0:
            row = first_row + 1 + self.upper[index]
            points += [(segment.top, row), (self.middles[index], row)]
        if self.lower[index] >= 0:
            row = first_row + 1 + self.upper_count + self.lower[index]
            points += [(self.middles[index], row), (segment.bottom, row)]
        return [*points, (segment.bottom, last_row)]


def route_channel(segments: list[Segment]) -> ChannelRoute:
    middles = [segment.bottom for segment in segments]
    while True:
        staged = [Segment(segment.top, middle) for segment, middle in zip(segments, middles)]
        stuck = _segment_in_forced_ring(staged)
        if stuck is None:
            break
        middles[stuck] = _free_column(segments, middles, near=segments[stuck].bottom)
    upper, upper_count = assign_tracks(staged)
    lower, lower_count = assign_tracks(
        [Segment(middle, segment.bottom) for segment, middle in zip(segments, middles)]
    )
    return ChannelRoute(middles, upper, lower, upper_count, lower_count)


def _segment_in_forced_ring(segments: list[Segment]) -> int | None:
    """A segment on a cycle of must-be-above orders, if there is one.

    A segment must run above the one that ends in its start column, so each
    segment has at most one successor and the orders form paths and rings.
    """
    ending_at = {segment.bottom: index for index, segment in enumerate(segments)}
    for start in range(len(segments)):
        index, steps = start, 0
        while steps <= len(segments):
            following = ending_at.get(segments[index].top)
            if following is None or following == index:
                break
            index, steps = following, steps + 1
            if index == start:
                return start
    return None


def _free_column(segments: list[Segment], middles: list[int], near: int) -> int:
    used = {segment.top for segment in segments} | {segment.bottom for segment in segments}
    used |= set(middles)
    limit = max(used)
    for distance in range(1, limit + 1):
        for column in (near + distance, near - distance):
            if 0 <= column <= limit and column not in used:
                return column
    return limit + 1
