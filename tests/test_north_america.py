"""Opening chapter: key numbers against values computed independently from the raw Census file."""

from __future__ import annotations

import pytest

from northam.analysis import north_america as overview
from northam.sources import census


@pytest.fixture(scope="module")
def raw(raw_workbook):
    return raw_workbook(census.COUNTRY_XLSX[census.LATEST])


def _total(raw, code, year):
    row = raw[(raw["CTY_CODE"] == code) & (raw["year"] == year)].iloc[0]
    return row["IYR"] + row["EYR"]


def test_usmca_legs_match_raw(raw):
    legs = overview.usmca_legs().set_index("year")
    for year in (1985, 2004, 2025):
        expected = _total(raw, 2010, year) + _total(raw, 1220, year)
        assert legs.loc[year, "usmca"] == pytest.approx(expected, rel=1e-9)
    assert legs.index.max() == 2025, "latest full year"


def test_ranks_exclude_aggregates_and_match_raw(raw):
    r = overview.partner_ranks()
    assert (r["partner"] != "European Union").all()
    y = raw[(raw["year"] == 2025) & (raw["CTY_CODE"] >= 1000)].copy()
    y["total"] = y["IYR"] + y["EYR"]
    top3 = list(y.sort_values("total", ascending=False)["CTY_CODE"].head(3))
    assert top3 == [2010, 1220, 5700]
    assert overview.rank_history().loc[2025].to_dict() == {"CAN": 2, "CHN": 3, "MEX": 1}


def test_key_numbers():
    k = overview.key_numbers()
    assert k["latest_year"] == 2025 and k["partial_year"] == 2026 and k["partial_year_months"] == 1
    assert k["usmca_2004_bn"] == pytest.approx(712.9, abs=0.1)


