"""Orthogonal routing in the channels between layers.

A segment runs down from its column at the upper layer, along a horizontal
track, and down to its column at the lower layer. Tracks are chosen so that
segments never share a cell except where they cross at right angles.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[int, int]


@dataclass(frozen=True)
class Segment:
    top: int  # column where the segment leaves the upper layer
    bottom: int  # column where it enters the lower layer

    @property
    def low(self) -> int:
        return min(self.top, self.bottom)

    @property
    def high(self) -> int:
        return max(self.top, self.bottom)


def _wants_above(first: Segment, second: Segment) -> tuple[bool, bool]:
    """Whether `first` should take a higher track than `second`, and whether it must.

    `first` above avoids a crossing when `second`'s lower leg stands inside
    `first`'s horizontal run, or when `first`'s upper leg stands inside
    `second`'s run. When a leg stands exactly on the other's end column the
    wrong order would overlap the two edges, so the order becomes a must.
    """
    wants = must = False
    for column, run in ((second.bottom, first), (first.top, second)):
        if run.low <= column <= run.high:
            wants = True
            must = must or column in (run.low, run.high)
    return wants, must


def assign_tracks(segments: list[Segment]) -> tuple[list[int], int]:
    """Track of every segment (-1 for straight ones) and the number of tracks used."""
    bent = [index for index, segment in enumerate(segments) if segment.top != segment.bottom]
    tracks = [-1] * len(segments)
    above: dict[int, set[int]] = {index: set() for index in bent}
    must_be_above: dict[int, set[int]] = {index: set() for index in bent}
    for position, first in enumerate(bent):
        for second in bent[position + 1 :]:
            first_wants, first_must = _wants_above(segments[first], segments[second])
            second_wants, second_must = _wants_above(segments[second], segments[first])
            if first_wants and (first_must or not second_wants) and not second_must:
                above[second].add(first)
                if first_must:
                    must_be_above[second].add(first)
            elif second_wants and (second_must or not first_wants) and not first_must:
                above[first].add(second)
                if second_must:
                    must_be_above[first].add(second)
    remaining = sorted(bent, key=lambda index: (segments[index].low, index))
    track = 0
    while remaining:
        placed = {index for index in bent if tracks[index] >= 0}
        free = [index for index in remaining if above[index] <= placed]
        if not free:
            # A cycle of wishes: some crossing is unavoidable. Break it at the
            # segment with the fewest unmet wishes, never against a must.
            allowed = [index for index in remaining if must_be_above[index] <= placed] or remaining
            free = [min(allowed, key=lambda index: (len(above[index] - placed), index))]
        used: list[Segment] = []
        for index in free:
            segment = segments[index]
            if all(segment.low > other.high or segment.high < other.low for other in used):
                used.append(segment)
                tracks[index] = track
        remaining = [index for index in remaining if tracks[index] < 0]
        track += 1
    return tracks, track


def channel_path(segment: Segment, track: int, first_row: int, last_row: int) -> list[Point]:
    """Corner points of one segment; tracks start one row below the channel's first row."""
    if track < 0:
        return [(segment.top, first_row), (segment.bottom, last_row)]
    row = first_row + 1 + track
    return [
        (segment.top, first_row),
        (segment.top, row),
        (segment.bottom, row),
        (segment.bottom, last_row),
    ]
