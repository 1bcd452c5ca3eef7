"""Splitting runs of digits with the arithmetic rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.importers._digits import MAX_DIGITS, candidates, review_totals, row_total


class TestCandidates:
    """Every cut that satisfies the rule, bounded."""

    def test_unique_row(self) -> None:
        """A 表三 row run with one split that adds up."""
        assert candidates(["713000074"], 7, row_total) == [(71, 3, 0, 0, 0, 0, 74)]

    def test_spaces_are_hard_boundaries(self) -> None:
        """Tokens separated by spaces are never joined."""
        assert candidates(["20", "0", "00", "0", "121"], 7, row_total) == [(20, 0, 0, 0, 0, 1, 21)]

    def test_ambiguous_row(self) -> None:
        """Two splits add up: both are returned, the caller decides."""
        assert candidates(["220000022"], 7, row_total) == [(2, 20, 0, 0, 0, 0, 22), (22, 0, 0, 0, 0, 0, 22)]

    def test_review_seventeen_digits(self) -> None:
        """007's 表四: 17 digits, 15 cells, one split satisfies C4."""
        assert candidates(["21317000001324019"], 15, review_totals) == [(2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19)]

    def test_no_leading_zeros(self) -> None:
        """A number is never written with a leading zero."""
        assert candidates(["0550"], 3, lambda v: True) == [(0, 5, 50), (0, 55, 0)]

    def test_impossible(self) -> None:
        """Too few digits, too many tokens or no digits at all give nothing."""
        assert candidates(["12"], 3, row_total) == []
        assert candidates(["1", "2", "3"], 2, row_total) == []
        assert candidates(["1a"], 1, row_total) == []
        assert candidates(["1³"], 2, lambda v: True) == []
        assert candidates([], 1, row_total) == []

    def test_too_long_is_not_searched(self) -> None:
        """Runs longer than MAX_DIGITS are left alone."""
        assert candidates(["1" * (MAX_DIGITS + 1)], 7, row_total) == []

    @given(st.lists(st.integers(min_value=0, max_value=99), min_size=6, max_size=6))
    def test_truth_is_among_candidates(self, parts: list[int]) -> None:
        """The printed row is one of the candidates of its own concatenation (unless the search gave up)."""
        row = (*parts, sum(parts))
        found = candidates(["".join(map(str, row))], 7, row_total)
        assert row in found or found == [] or len(found) == 50

    def test_budget_exhausted_claims_nothing(self) -> None:
        """When the search budget runs out, no cut is returned (never a falsely unique one)."""
        assert candidates(["1" * 36], 15, lambda v: v[0] == 1 and v[-1] == 11111111111111111111111111111) == []
