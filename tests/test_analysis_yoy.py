"""Tests of govdisclosure.analysis._yoy: changes, continuity (X1), in-force stock (X2), copied narratives."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_analysis import year_sequences

import govdisclosure as g
from govdisclosure import model as m
from govdisclosure.analysis import compare_years, narrative_similarity, normalise_agency
from govdisclosure.testing import consistent_report

PARAGRAPH = (
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "持续加强政府信息公开平台建设，规范依申请公开办理流程，全年共办理政府信息公开申请若干件。"
)


class TestContinuity:
    """X1: 二、上年结转 of N+1 equals 四、结转下年度 of N."""

    @given(year_sequences())
    @settings(max_examples=40, deadline=None)
    def test_consistent_sequence_has_no_findings(self, reports: list[g.Report]) -> None:
        """A generated sequence where every year follows the last gives no finding at all."""
        result = compare_years(reversed(reports))
        assert [(p.before.year, p.after.year) for p in result.pairs] == [(r.year, r.year + 1) for r in reports[:-1]]
        assert result.findings == ()

    @given(year_sequences(), st.data())
    @settings(max_examples=60, deadline=None)
    def test_one_broken_cell_gives_exactly_that_finding(self, reports: list[g.Report], data: st.DataObject) -> None:
        """Breaking one 二、上年结转 cell in one year gives exactly one X1 finding, on that cell and year."""
        index = data.draw(st.integers(min_value=1, max_value=len(reports) - 1))
        column = data.draw(st.sampled_from(m.ApplicantRow.FIELDS))
        path = f"applications.carried_over.{column}"
        expected = reports[index - 1].get(f"applications.carried_forward.{column}")
        wrong = data.draw(st.integers(min_value=0, max_value=500).filter(lambda v: v != expected))
        broken = list(reports)
        broken[index] = broken[index].with_cell(path, wrong)
        (finding,) = compare_years(broken).findings
        assert (finding.code, finding.year, finding.path) == ("X1", reports[index].year, path)
        assert (finding.expected, finding.actual) == (expected, wrong)

    def test_blank_operand_is_skipped(self) -> None:
        """A blank cell on either side is not a finding."""
        first = consistent_report(seed=1, year=2022)
        second = consistent_report(seed=2, year=2023).with_cell("applications.carried_over.total", None)
        first = first.with_cell("applications.carried_forward.commercial", None)
        paths = [f.path for f in compare_years([first, second]).findings if f.code == "X1"]
        assert "applications.carried_over.total" not in paths
        assert "applications.carried_over.commercial" not in paths

    def test_message(self) -> None:
        """The message states both years' figures."""
        first = consistent_report(seed=1, year=2022).with_cell("applications.carried_forward.total", 3)
        second = consistent_report(seed=2, year=2023).with_cell("applications.carried_over.total", 5)
        finding = next(f for f in compare_years([first, second]).findings if f.path.endswith(".total"))
        assert finding.message == (
            "某某市人民政府办公室 2023: applications.carried_over.total is 5, but the 2022 report carried forward 3 "
            "(四、结转下年度继续办理)"
        )


class TestInForce:
    """X2: 现行有效件数(N+1) = 现行有效件数(N) + 本年制发件数(N+1) - 本年废止件数(N+1)."""

    @given(year_sequences(), st.data())
    @settings(max_examples=30, deadline=None)
    def test_broken_stock_gives_exactly_that_finding(self, reports: list[g.Report], data: st.DataObject) -> None:
        """Changing one 现行有效件数 breaks X2 for that year (and the next one, whose base it is)."""
        index = data.draw(st.integers(min_value=1, max_value=len(reports) - 1))
        row = data.draw(st.sampled_from(["regulations", "normative_documents"]))
        path = f"active_disclosure.{row}.in_force"
        broken = list(reports)
        broken[index] = broken[index].with_cell(path, reports[index].get(path) + 7)
        findings = compare_years(broken).findings
        expected = [(reports[index].year, path)]
        if index + 1 < len(reports):
            expected.append((reports[index + 1].year, path))
        assert [(f.year, f.path) for f in findings] == expected
        assert {f.code for f in findings} == {"X2"}

    def test_not_checked_across_editions(self) -> None:
        """X2 needs the 2021 edition in both years; a 2019 → 2021 pair is compared on shared cells only."""
        old = consistent_report("2019", seed=1, year=2020)
        new = consistent_report("2021", seed=2, year=2021)
        (pair,) = compare_years([old, new]).pairs
        assert all(f.code != "X2" for f in pair.findings)
        paths = {c.path for c in pair.changes}
        assert "applications.new_received.total" in paths
        assert "active_disclosure.regulations.in_force" not in paths
        assert "active_disclosure.licensing.decisions" in paths


class TestChanges:
    """Per-cell changes between years."""

    def test_every_shared_cell_with_delta(self) -> None:
        """Changes cover every cell of both reports, in official order, with after - before."""
        first, second = consistent_report(seed=1, year=2022), consistent_report(seed=2, year=2023)
        (pair,) = compare_years([first, second]).pairs
        assert [c.path for c in pair.changes] == [f"{t}.{r}.{c}" for t, r, c, _ in second.cells()]
        change = next(c for c in pair.changes if c.path == "applications.new_received.total")
        assert change.label == "表三 一、本年新收政府信息公开申请数量 · 总计"
        assert change.delta == second.applications.new_received.total - first.applications.new_received.total
        assert change.changed is (change.delta != 0)

    def test_blank_delta_is_none(self) -> None:
        """A blank on either side gives no delta, but counts as a change."""
        first = consistent_report(seed=1, year=2022).with_cell("review_litigation.reconsideration.total", None)
        (pair,) = compare_years([first, consistent_report(seed=2, year=2023)]).pairs
        change = next(c for c in pair.changes if c.path == "review_litigation.reconsideration.total")
        assert change.delta is None
        assert change.changed

    def test_changes_frame(self) -> None:
        """The count changes as a DataFrame, amounts left out."""
        first, second = consistent_report(seed=1, year=2022), consistent_report(seed=2, year=2023)
        frame = compare_years([first, second]).changes_frame()
        assert len(frame) == 199
        assert frame["delta"].dtype.name == "Int64"
        row = frame[frame["path"] == "applications.new_received.total"].iloc[0]
        assert int(row["after"]) == second.applications.new_received.total
        assert int(row["year"]) == 2023


class TestMatching:
    """Grouping by body, duplicates, gaps."""

    def test_names_normalised(self) -> None:
        """White space and full-width forms do not split a body."""
        first = consistent_report(seed=1, year=2022, agency="某某县 人民政府")
        second = consistent_report(seed=2, year=2023, agency="某某县人民政府")
        assert len(compare_years([first, second]).pairs) == 1
        assert normalise_agency("\uff21\uff22\uff23 局") == "abc局"  # full-width ABC

    def test_custom_key(self) -> None:
        """A key function can match renamed bodies."""
        first = consistent_report(seed=1, year=2022, agency="某某县政务服务管理局")
        second = consistent_report(seed=2, year=2023, agency="某某县政务服务和数据管理局")
        assert compare_years([first, second]).pairs == ()
        assert len(compare_years([first, second], key=lambda name: name[:3]).pairs) == 1

    def test_duplicates_and_gaps(self) -> None:
        """A second report of the same body and year is left out and listed; non-consecutive years are not paired."""
        a = consistent_report(seed=1, year=2021)
        b = consistent_report(seed=2, year=2021)
        c = consistent_report(seed=3, year=2023)
        result = compare_years([a, b, c])
        assert result.pairs == ()
        assert result.duplicates == (("某某市人民政府办公室", 2021),)

    def test_other_bodies_independent(self) -> None:
        """Two bodies give their own pairs."""
        reports = [consistent_report(seed=s, year=2022 + s % 2, agency=f"局{s // 2}") for s in range(4)]
        assert sorted(p.agency for p in compare_years(reports).pairs) == ["局0", "局1"]

    def test_threshold_validated(self) -> None:
        """The similarity threshold is a share."""
        with pytest.raises(ValueError, match=r"^threshold must be between 0 and 1, got 1\.5$"):
            compare_years([], threshold=1.5)


def _with_overview(report: g.Report, text: str) -> g.Report:
    return attrs.evolve(report, overview=m.Narrative(text=text))


class TestSimilarity:
    """Narrative similarity and the copied flag."""

    def test_identical_texts(self) -> None:
        """A text is fully similar to itself, and to a copy with new figures and punctuation."""
        assert narrative_similarity(PARAGRAPH, PARAGRAPH) == 1.0
        assert narrative_similarity("共收到申请 12 件。", "共收到申请15件") == 1.0

    def test_empty(self) -> None:
        """Two empty texts have no similarity; one empty text has none in common."""
        assert narrative_similarity("", " ") is None
        assert narrative_similarity("", "公开") == 0.0

    @given(st.text(max_size=60), st.text(max_size=60))
    @settings(max_examples=100, deadline=None)
    def test_symmetric_and_bounded(self, a: str, b: str) -> None:
        """The measure is symmetric and in [0, 1]."""
        value = narrative_similarity(a, b)
        assert value == narrative_similarity(b, a)
        assert value is None or 0.0 <= value <= 1.0

    def test_copied_section_flagged(self) -> None:
        """A section copied from last year is a finding; the other sections are measured but not flagged."""
        first = _with_overview(consistent_report(seed=1, year=2022), PARAGRAPH.replace("若干", "12"))
        second = _with_overview(consistent_report(seed=2, year=2023), PARAGRAPH.replace("若干", "30"))
        second = second.with_cell("applications.carried_over", first.applications.carried_forward)
        (pair,) = compare_years([first, second]).pairs
        assert [(s.section, s.similarity, s.copied) for s in pair.similarities] == [
            ("overview", 1.0, True),
            ("problems", None, False),
            ("other_matters", None, False),
        ]
        copied = [f for f in pair.findings if f.code == "copied"]
        assert [str(f) for f in copied] == [
            "copied 某某市人民政府办公室 2023: section overview is 100% similar to the 2022 text (threshold 90%); "
            "it may be copied"
        ]

    def test_short_sections_not_flagged(self) -> None:
        """A one-line section repeated every year is below min_chars."""
        first = _with_overview(consistent_report(seed=1, year=2022), "无。")
        second = _with_overview(consistent_report(seed=2, year=2023), "无。")
        (pair,) = compare_years([first, second]).pairs
        assert pair.similarities[0].similarity == 1.0
        assert not pair.similarities[0].copied

    def test_rewritten_section_not_flagged(self) -> None:
        """A different text stays under the threshold."""
        first = _with_overview(consistent_report(seed=1, year=2022), PARAGRAPH)
        other = (
            "今年重点推进政务公开标准化规范化建设，围绕优化营商环境和重大项目建设集中发布政策解读材料，回应社会关切。"
        )
        second = _with_overview(consistent_report(seed=2, year=2023), other)
        (pair,) = compare_years([first, second]).pairs
        assert pair.similarities[0].similarity is not None
        assert pair.similarities[0].similarity < 0.5
        assert not pair.similarities[0].copied
