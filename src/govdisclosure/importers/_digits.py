"""Splitting runs of digits printed without separators ("230 000023") into the cells of a row.

Crawled page text often loses the borders between cells, so "23, 0, 0, 0, 0, 0, 23" comes out as "230 000023".
A run can be cut in many ways; the table's arithmetic decides. :func:`candidates` lists every cut of the runs into
exactly ``count`` integers (no number written with a leading zero) that passes a rule, and stops early: the
caller accepts a cut only when it is the only one.

>>> candidates(["230", "000023"], 7, row_total)
[(23, 0, 0, 0, 0, 0, 23)]
>>> candidates(["110024001510102"], 15, review_totals)
[(1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

__all__ = ["MAX_DIGITS", "candidates", "review_totals", "row_total"]

MAX_DIGITS: Final = 40
"""Longest run of digits (all runs of a row together) worth searching; longer runs are left alone."""
_MAX_WORK: Final = 20_000
_MAX_FOUND: Final = 50


def row_total(values: Sequence[int]) -> bool:
    """C3: the last value (总计) is the sum of the others."""
    return values[-1] == sum(values[:-1])


def review_totals(values: Sequence[int]) -> bool:
    """C4: in each complete block of five, the fifth value (总计) is the sum of the first four.

    Also a valid test of a prefix of the row, so the search prunes a block as soon as it is complete.
    """
    return all(values[b + 4] == sum(values[b : b + 4]) for b in range(0, len(values) - 4, 5))


_PREFIX_RULES: Final = {review_totals}


def _cuts(token: str, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        if len(token) == 1 or token[0] != "0":
            yield (int(token),)
        return
    for i in range(1, len(token) - parts + 2):
        head = token[:i]
        if len(head) > 1 and head[0] == "0":
            return
        for rest in _cuts(token[i:], parts - 1):
            yield (int(head), *rest)


def candidates(
    tokens: Sequence[str], count: int, rule: Callable[[Sequence[int]], bool], *, limit: int = _MAX_FOUND
) -> list[tuple[int, ...]]:
    """Every cut of the digit ``tokens`` into ``count`` integers that satisfies ``rule`` (at most ``limit``).

    Each token gives at least one integer; a token is never joined to its neighbour. Returns ``[]`` when the
    runs are too long to search (more than :data:`MAX_DIGITS` digits, or more cuts than a fixed budget allows)
    or cannot give ``count`` integers. With ``limit`` reached, the first ``limit`` cuts are returned.
    """
    if not tokens or not all(t.isascii() and t.isdigit() for t in tokens):
        return []
    digits = sum(len(t) for t in tokens)
    if digits > MAX_DIGITS or digits < count or len(tokens) > count:
        return []
    found: list[tuple[int, ...]] = []
    work = 0
    prunes = rule in _PREFIX_RULES

    def walk(i: int, left: int, acc: tuple[int, ...]) -> bool:
        nonlocal work
        work += 1
        if work > _MAX_WORK or len(found) >= limit:
            return False
        if prunes and i and not rule(acc):
            return True
        if i == len(tokens):
            if left == 0 and rule(acc):
                found.append(acc)
            return True
        token = tokens[i]
        rest_tokens = len(tokens) - i - 1
        rest_digits = sum(len(t) for t in tokens[i + 1 :])
        for parts in range(1, min(len(token), left - rest_tokens) + 1):
            if left - parts > rest_digits:
                continue
            for cut in _cuts(token, parts):
                if not walk(i + 1, left - parts, acc + cut):
                    return False
        return True

    if not walk(0, count, ()) and work > _MAX_WORK:
        return []  # not searched to the end: no claim of uniqueness can be made
    return found
