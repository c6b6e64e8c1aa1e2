"""Where the machine puts things in the guest's address space: the stack,
and the sentinel address every call returns to (nothing executes there:
reaching it with no interrupt in flight ends the run); and the runs of
addresses the image's pieces make together (merged_runs, page_runs)."""

from __future__ import annotations

from typing import Iterable

PAGE = 0x1000
STACK_BASE, STACK_SIZE = 0x00100000, 0x4000
SENTINEL = 0x00200000          # routines return here; nothing executes there


def merged_runs(runs: Iterable[tuple[int, int]], gap: int = 0) -> list[tuple[int, int]]:
    """(start, end) runs, sorted, with those that overlap, touch or lie at
    most ``gap`` bytes apart made one."""
    merged: list[list[int]] = []
    for start, end in sorted(runs):
        if merged and start <= merged[-1][1] + gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def page_runs(segments: Iterable[tuple[int, bytes]]) -> list[tuple[int, int]]:
    """(start, end) of the runs of whole pages that (address, bytes)
    ``segments`` take."""
    return merged_runs((addr & ~(PAGE - 1), (addr + len(body) + PAGE - 1) & ~(PAGE - 1))
                       for addr, body in segments)
