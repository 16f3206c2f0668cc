"""Opening chapter: key numbers against values computed independently from the raw Census file."""

from __future__ import annotations

import pytest

from northam import prose
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




def test_years_and_directions_in_prose_from_raw(raw):
    """The first year, Mexico's run as first partner, China's place and the alt text's years at rank 1,
    recomputed from the raw Census file."""
    countries = raw[raw["CTY_CODE"] >= 1000].copy()
    countries["total"] = countries["IYR"] + countries["EYR"]
    years = sorted(y for y in countries["year"].unique() if y <= 2025)  # 2026 has one month only
    first = {}
    for y in years:
        top = countries[countries["year"] == y].sort_values("total", ascending=False)["CTY_CODE"].iloc[0]
        first[y] = top
    mex_top = [y for y in years if first[y] == 2010]
    run = 2025
    while run - 1 in mex_top:
        run -= 1
    k = overview.key_numbers()
    assert k["first_year"] == min(years) == 1985
    assert k["mex_top_since"] == run == 2023 and k["mex_top_since_text"] == "has held it since 2023"
    assert k["usmca_base_year"] == 1993 and k["usmca_past_year"] == 2004
    assert k["chn_relation"] == "ahead of"
    top = overview.top_rank_years()
    assert top["MEX"] == mex_top and top["CHN"] == [y for y in years if first[y] == 5700]
    assert prose.years_text(top["CHN"]) == "2015–2018 and 2020"


def test_helpers_on_hand_made_series():
    import pandas as pd

    assert overview.top_since(pd.Series([1, 2, 1, 1], index=[2000, 2001, 2002, 2003])) == 2002
    assert overview.top_since(pd.Series([1, 1], index=[2000, 2001])) == 2000
    assert overview.top_since(pd.Series([1, 2], index=[2000, 2001])) is None
    assert [overview.china_relation(1, 2, 3), overview.china_relation(2, 3, 1), overview.china_relation(1, 3, 2)] == [
        "ahead of", "behind", "either side of"]
    assert prose.years_text([2019, 2023, 2024, 2025]) == "2019 and 2023–2025" and prose.years_text([]) == ""
