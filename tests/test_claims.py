"""The claims ledger's scoring rules (each one function, with cases that can fail) and the ledger itself."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from northam import claims
from northam.claims import (
    Claim,
    arithmetic_consistent,
    arithmetic_range,
    decimals_of,
    infer_kind,
    merge,
    rank_matches,
    rounding_step,
    satisfies_bound,
    table,
    within_rounding,
)

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ precision


def test_decimals_and_rounding_step():
    assert decimals_of(461.9) == 1
    assert decimals_of(6.88) == 2
    assert decimals_of(29) == 0
    assert decimals_of(29.0) == 0
    assert decimals_of(-298.9) == 1
    assert rounding_step(51) == 1
    assert rounding_step(461.9) == pytest.approx(0.1)
    assert rounding_step(1600, 100) == 100  # "1.6 trillion" in billions
    with pytest.raises(ValueError):
        rounding_step(10, 0)


# ------------------------------------------------------------------ within_rounding


def test_within_rounding_whole_percent():
    # a share stated as a whole percent matches what rounds to it ...
    assert within_rounding(50.67, 51, 1)
    assert within_rounding(51.49, 51, 1)
    # ... give or take a revision of REVISION of the share, and no more
    assert not within_rounding(52.2, 51, 1)
    assert not within_rounding(49.8, 51, 1)
    assert not within_rounding(51.6, 51, 1, revision=0)


def test_within_rounding_small_shares_are_judged_on_the_rounding_not_relative_error():
    # Canada's 2% of fresh fruit imports against 1.495%: a 25% relative gap, but it is the report's rounding
    assert within_rounding(1.4951, 2, 1)
    assert not within_rounding(1.2, 2, 1)
    # a share stated with one decimal is held to it
    assert within_rounding(3.72, 3.7, 0.1)
    assert not within_rounding(3.9, 3.7, 0.1)


def test_within_rounding_about_ten_and_revision_allowance():
    assert within_rounding(131_418, 130_000, 10_000)  # "about 130,000"
    assert not within_rounding(136_000, 130_000, 10_000, revision=0)
    # a level quoted to one decimal: revisions of up to REVISION of the value are allowed ...
    assert within_rounding(460.955, 461.9, 0.1)
    # ... but not more
    assert not within_rounding(440.0, 461.9, 0.1)
    assert not within_rounding(460.955, 461.9, 0.1, revision=0)


# ------------------------------------------------------------------ bounds


def test_satisfies_bound_over_and_under():
    assert satisfies_bound(1601.3, 1600, "at least")
    assert satisfies_bound(1575.5, 1500, "exceeded")
    assert satisfies_bound(206.3, 200, "more than")
    assert not satisfies_bound(150, 200, "at least")
    assert satisfies_bound(4.0, 5, "under")
    assert not satisfies_bound(6.0, 5, "at most")


def test_satisfies_bound_nearly():
    assert satisfies_bound(107_000, 110_000, "nearly")
    assert satisfies_bound(80.14, 80, "almost", step=1)  # rounds to 80
    assert not satisfies_bound(82.0, 80, "nearly", step=1)  # above the figure
    assert not satisfies_bound(60.0, 80, "nearly", step=1)  # far below it
    with pytest.raises(ValueError):
        satisfies_bound(1, 1, "roughly")


# ------------------------------------------------------------------ ranks


def test_rank_matches_is_exact():
    assert rank_matches(7, 7)
    assert rank_matches(7.0, 7)
    assert not rank_matches(6, 7)
    assert not rank_matches(6.6, 7)


# ------------------------------------------------------------------ report's arithmetic


def test_arithmetic_range_growth_divides_by_the_base_year():
    low, central, high = arithmetic_range("growth", {"Jan-Jul 2023": 461.9, "Jan-Jul 2018": 351.5})
    assert central == pytest.approx(100 * (461.9 / 351.5 - 1))
    assert 31.3 < low < central < high < 31.5
    # the report's 24% is what (461.9 - 351.5) / 461.9 gives: inconsistent with its own inputs
    assert not arithmetic_consistent(24, low, high, 1)
    # the China figure is computed the right way
    low, central, high = arithmetic_range("growth", {"2023": 322.3, "2018": 371.1})
    assert arithmetic_consistent(-13, low, high, 1)


def test_arithmetic_range_sum_propagates_each_inputs_rounding():
    # seven shares rounded to whole percents sum to 97; "98%" is within their rounding
    low, central, high = arithmetic_range("sum", {k: v for k, v in zip("abcdefg", [23, 20, 20, 16, 7, 6, 5],
                                                                       strict=True)})
    assert central == 97 and low == 93.5 and high == 100.5
    assert arithmetic_consistent(98, low, high, 1)
    assert not arithmetic_consistent(110, low, high, 1)
    # bounds: "more than 10 million" from 5.5 + 1.6 + 3.2
    low, _, high = arithmetic_range("sum", {"MEX": 5.5, "CAN": 1.6, "USA": 3.2})
    assert arithmetic_consistent(10, low, high, 1, "at least")
    assert not arithmetic_consistent(11, low, high, 1, "at least")


def test_arithmetic_inputs_may_carry_their_own_rounding():
    low, _, high = arithmetic_range("ratio", {"2023": (20, 1), "2013": (12, 1)})
    assert low == pytest.approx(19.5 / 12.5) and high == pytest.approx(20.5 / 11.5)


def test_infer_kind():
    assert infer_kind("rank of 193") == "rank"
    assert infer_kind("percent of GDP") == "share"
    assert infer_kind("%") == "share"
    assert infer_kind("year") == "year"
    assert infer_kind("billion USD") == "amount"


# ------------------------------------------------------------------ status of a claim


def _c(reported, value, unit="u", **kw):
    return Claim("c", kw.pop("claim", "a claim"), "NAP2025", "s", reported, value, unit, **kw)


def test_status_rules():
    rows = table([
        _c(100, 100.4, "u"),
        _c(100, 103, "u", reason="revision"),
        _c(100, None, "u", needed="USDA FAS GATS"),
        _c(200, 206, "%", comparison="at least"),
        _c(200, 150, "%", comparison="at least", reason="below"),
        _c(7, 7, "rank"),
        _c(7, 6, "rank", reason="rule A"),
        _c(143, 89.5, "billion USD", measure="other", reason="imports only"),
    ])
    assert list(rows["status"]) == ["reproduced", "differs", "no open data", "reproduced", "differs",
                                    "reproduced", "differs", "other measure"]
    assert rows.loc[1, "difference"] == 3
    assert rows.loc[2, "note"] == "USDA FAS GATS"
    assert rows.loc[7, "note"] == "imports only"


def test_status_reports_arithmetic_before_data():
    bad = _c(24, 31.6, "%", kind="growth", report_inputs={"2023": 461.9, "2018": 351.5}, arithmetic="growth")
    assert bad.status == "report's arithmetic"
    assert "31.4" in bad.note and "31.6" in bad.note
    good = _c(-13, -13.1, "%", kind="growth", report_inputs={"2023": 322.3, "2018": 371.1}, arithmetic="growth")
    assert good.status == "reproduced"
    no_data = _c(35, None, "%", report_inputs={"2023": 182, "2013": 135}, arithmetic="growth", needed="x")
    assert no_data.status == "no open data"


def test_claim_is_backward_compatible_and_validates():
    c = Claim("c", "a", "NAP2025", "s", 100, 101.9, "u", "reason", "needed", "basis", "at least")
    assert c.comparison == "at least" and c.chapters == ("c",) and c.id == "nap2025-a"
    assert Claim("c", "a", "NAP2025", "s", 100, 101, "u", comparison="over").comparison == "at least"
    with pytest.raises(ValueError):
        _c(1, 1, comparison="roughly")
    with pytest.raises(ValueError):
        _c(1, 1, measure="similar")
    with pytest.raises(ValueError):
        _c(1, 1, report_inputs={"a": 1})  # no formula
    with pytest.raises(ValueError):
        _c(1, float("nan"))


def test_merge_keeps_one_row_per_claim_and_lists_chapters():
    a = Claim("trade", "Trade 712", "NAP2025", "s", 712, 712.9, "bn", id="x")
    b = Claim("north-america", "Trade was 712", "NAP2025", "s", 712, 712.9, "bn", id="x")
    c = Claim("trade", "other", "NAP2025", "s", 1, 1, "bn")
    out = merge([a, c, b])
    assert [x.id for x in out] == ["x", "nap2025-other"]
    assert out[0].chapters == ("trade", "north-america")
    conflicting = Claim("world", "Trade 712", "NAP2025", "s", 712, None, "bn", id="x", needed="n")
    with pytest.raises(ValueError, match="scored differently"):
        merge([Claim("trade", "Trade 712", "NAP2025", "s", 712, 712.9, "bn", id="x"), conflicting])
    with pytest.raises(ValueError, match="twice"):
        merge([Claim("trade", "a", "NAP2025", "s", 1, 1, "bn", id="y"),
               Claim("trade", "b", "NAP2025", "s", 1, 1, "bn", id="y")])


def test_shown_values():
    assert _c(1600, 1601.35, "billion USD", comparison="at least", rounding=100).shown_reported() == "over 1,600"
    assert _c(461.9, 460.9551).shown_value() == "460.96"
    assert _c(7, 6, "rank", reason="r").shown_value() == "6"
    assert _c(2002, 2002, "year").shown_reported() == "2002"
    assert _c(-298.9, -297.22).shown_value() == "\u2212297.22"  # a real minus sign
    assert _c(-298.9, -297.22).shown_reported() == "\u2212298.9"
    assert _c(0.5, -0.0004).shown_value() == "0.00"  # rounds to zero: no sign


def test_claims_table_cells_carry_their_column_and_rows_link_to_the_chapter():
    import re

    rows = [Claim("trade", "A deficit of -231.5 bn & more", "NAP2025", "Goal 3", -231.5, -230.9, "billion USD",
                  id="a"),
            Claim("trade", "Other", "NAP2025", "s", 5, None, "%", id="b", needed="a file")]
    on_chapter = claims.to_markdown(rows)
    assert "\n\n" not in on_chapter  # one HTML block for Markdown
    assert re.findall(r'<tr id="([^"]+)"', on_chapter) == ["claim-a", "claim-b"]
    cells = re.findall(r"<td([^>]*)>", on_chapter)
    assert len(cells) == 8 and all('data-label="' in c for c in cells)
    assert [re.search(r'data-label="([^"]+)"', c).group(1) for c in cells[:4]] == [
        "Report says", "Reported", "Data", "Status"]
    assert "\u2212231.5 bn &amp; more" in on_chapter and "-231" not in on_chapter
    in_ledger = claims.to_markdown(rows, href="../notebooks/trade.html")
    assert 'href="../notebooks/trade.html#claim-a"' in in_ledger and "<tr id=" not in in_ledger


# ------------------------------------------------------------------ the ledger (reads the data mirror)


@pytest.fixture(scope="module")
def ledger():
    return claims.ledger()


def test_ledger_one_row_per_claim_with_valid_statuses(ledger):
    assert ledger["id"].is_unique
    assert set(ledger["status"]) <= set(claims.STATUSES)
    shared = ledger[ledger["chapters"].str.contains(";")]
    assert len(shared) >= 5, "the 712 bn and 1.6 tn totals, the HDI ranks and Mexico-Canada trade are shared"


def test_every_status_carries_its_explanation(ledger):
    for _, r in ledger.iterrows():
        if r["status"] in ("differs", "other measure"):
            assert r["reason"], f"{r['claim']}: {r['status']} needs a reason"
        if r["status"] == "no open data":
            assert r["needed"], f"{r['claim']}: no open data needs 'needed'"
        if r["status"] == "report's arithmetic":
            assert r["report_inputs"] and r["report_result"] == r["report_result"]


def test_issue_examples_are_scored_fairly(ledger):
    by = ledger.set_index("id")

    def status(fragment: str) -> str:
        hits = ledger[ledger["claim"].str.contains(fragment, regex=False)]
        assert len(hits) == 1, f"{fragment!r}: {len(hits)} rows"
        return hits["status"].iloc[0]

    assert status("US-Mexico trade Jan-Jul grew 24%") == "report's arithmetic"
    assert status("US-China trade Jan-Jul fell 13%") == "reproduced"
    for name in ("Canada ranks 7 among recipients of FDI", "Mexico ranks 11 among recipients of FDI",
                 "United States ranks 5 among high-technology", "Mexico ranks 15 among high-technology"):
        assert status(name) == "reproduced", name
    assert status("exceeded 1.5 trillion") == "reproduced"
    assert status("Canada supplied 2% of US fresh fruit") == "reproduced"
    assert status("about 143 billion") == "other measure"
    assert status("9.7 million people directly") == "other measure"
    assert status("reach the well-being of southern US states") == "other measure"
    assert not ledger["claim"].str.contains("TN plus TD").any(), "TN+TD is a note of the TN claim, not a row"
    mc = ledger[ledger["claim"].str.contains("Mexico-Canada trade", regex=False)
                & ledger["claim"].str.contains("2024", regex=False)]
    assert len(mc) == 1 and set(mc["chapters"].iloc[0].split("; ")) == {"world", "trade"}
    assert by.loc[by.index.str.contains("hdi-rank"), "chapters"].str.contains(";").all()


def test_counts_add_up(ledger):
    c = claims.counts(ledger).set_index("chapter")
    assert c.loc["all", "total"] == len(ledger)
    assert list(c.columns) == [*claims.STATUSES, "total"]
    assert (c.drop(index="all")["total"].sum()) == ledger["chapters"].str.count(";").sum() + len(ledger)


def test_published_claims_read_back_exactly(tmp_path, monkeypatch):
    """In the book build the ledger reads the claims each chapter published; they must score the same.

    Every chapter's claims go through the published JSON and back: same rows, same statuses and notes
    (the order of a claim's report inputs matters to its arithmetic and must survive the trip)."""
    from northam import deps

    every = claims.collect()
    (tmp_path / "_toc.yml").write_text((ROOT / "_toc.yml").read_text())
    monkeypatch.setitem(deps._state, "page", None)
    deps.start("notebooks/autos", tmp_path, persist=True)
    try:
        claims.publish(every)
        back = claims.published("notebooks/autos")
    finally:
        deps._state.update(page=None, root=None, inputs={}, persist=False)
    pd.testing.assert_frame_equal(claims.table(back), claims.table(every))
    assert any(c.report_inputs for c in back) and "report's arithmetic" in set(claims.table(back)["status"])
