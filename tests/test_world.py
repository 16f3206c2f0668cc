"""World-economy chapter: the ranking rule on a hand-made table, and key numbers against the raw files."""

from __future__ import annotations

import csv
import re

import openpyxl
import pandas as pd
import pytest

from northam import registry
from northam.analysis import world

# --------------------------------------------------------------------------------------------------
# The ranking helper on a small hand-made table with aggregate rows


@pytest.fixture
def table():
    return pd.DataFrame(
        [
            ("WLD", 1000.0, False, False),  # world: larger than anything, never ranked
            ("HIC", 700.0, False, False),  # income group
            ("EUU", 300.0, False, True),  # the EU
            ("ECS", 450.0, False, False),  # region
            ("USA", 500.0, True, False),
            ("CHN", 200.0, True, False),
            ("CAN", 120.0, True, False),
            ("DEU", 120.0, True, False),  # tie with Canada
            ("MEX", 90.0, True, False),
            ("XKX", float("nan"), True, False),  # no value: not ranked
        ],
        columns=["id", "value", "is_economy", "is_eu"],
    )


def test_rank_economies_only_drops_aggregates(table):
    r = world.rank(table, "economies")
    assert list(r["id"]) == ["USA", "CHN", "CAN", "DEU", "MEX"]
    assert list(r["rank"]) == [1, 2, 3, 3, 5], "ties share the lower rank"
    assert not {"WLD", "HIC", "EUU", "ECS", "XKX"} & set(r["id"])


def test_rank_with_eu_as_one_unit(table):
    r = world.rank(table, "eu_unit").set_index("id")["rank"]
    assert r.to_dict() == {"USA": 1, "EUU": 2, "CHN": 3, "CAN": 4, "DEU": 4, "MEX": 6}
    both = world.member_ranks(table)
    assert both.loc["MEX", "rank_economies"] == 5 and both.loc["MEX", "rank_eu_unit"] == 6


def test_rank_refuses_unknown_rule_and_duplicates(table):
    with pytest.raises(ValueError, match="rule"):
        world.rank(table, "everything")
    with pytest.raises(ValueError, match="USA"):
        world.rank(pd.concat([table, table.tail(6).head(1)]), "economies")


# --------------------------------------------------------------------------------------------------
# Values computed independently from the raw files


def _unctad_raw():
    rows = {}
    with open(registry.fetch("unctad_wir2024_annex_tab01_fdi_inflows.csv"), encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        for i, row in enumerate(reader):
            if i == 2:
                header = row
            elif i > 2 and row and row[0]:
                rows[row[0]] = dict(zip(header, row, strict=False))
    return rows


def test_fdi_2023_matches_raw_unctad():
    raw = _unctad_raw()
    k = world.key_numbers()
    for name, iso in [("United States", "usa"), ("Canada", "can"), ("Mexico", "mex")]:
        expected = float(re.sub(r"\s", "", raw[name]["2023"])) / 1e3
        assert k[f"world_fdi_{iso}_2023"] == pytest.approx(expected, rel=1e-12)
    assert k["world_fdi_usa_2023"] == pytest.approx(310.947)
    assert k["world_fdi_eu_2023"] == pytest.approx(float(re.sub(r"\s", "", raw["European Union"]["2023"])) / 1e3)


def test_fdi_ranks_under_both_rules():
    k = world.key_numbers()
    assert [k[f"world_fdi_rank_a_{c}"] for c in ("usa", "can", "mex")] == [1, 6, 10]
    assert [k[f"world_fdi_rank_b_{c}"] for c in ("usa", "can", "mex")] == [1, 7, 11]
    assert [k[f"world_fdi_wdi_rank_a_{c}"] for c in ("usa", "can", "mex")] == [1, 8, 14]
    assert [k[f"world_ht_rank_a_{c}"] for c in ("usa", "mex", "can")] == [4, 14, 20]
    assert [k[f"world_ht_rank_b_{c}"] for c in ("usa", "mex", "can")] == [5, 15, 21]


def test_fdi_wdi_matches_raw():
    raw = pd.read_csv(registry.fetch("wdi_fdi_net_inflows_usd.csv"))
    y = raw[raw["Year"] == 2023].set_index("Country Code")["Value"]
    k = world.key_numbers()
    assert k["world_fdi_wdi_mex_2023"] == pytest.approx(y["MEX"] / 1e9)
    meta = pd.read_csv(registry.fetch("wdi_country_metadata_region_income.csv"), encoding="utf-8-sig")
    economies = set(meta.loc[meta["Region"].notna(), "Country Code"])
    ranked = y[y.index.isin(economies)].sort_values(ascending=False)
    assert list(ranked.index).index("CAN") + 1 == k["world_fdi_wdi_rank_a_can"]


def test_lpi_matches_raw():
    with open(registry.fetch("worldbank_lpi_2023_scores_ranks.csv"), encoding="utf-8") as f:
        raw = {r["Economy"]: r for r in csv.DictReader(f)}
    k = world.key_numbers()
    for name, iso in [("Canada", "can"), ("United States", "usa"), ("Mexico", "mex")]:
        assert k[f"world_lpi_{iso}_score"] == float(raw[name]["LPI Score"])
        assert k[f"world_lpi_{iso}_rank"] == int(raw[name]["LPI Grouped Rank"])
    assert k["world_lpi_best"] == max(float(r["LPI Score"]) for r in raw.values())
    assert (k["world_lpi_can_rank"], k["world_lpi_usa_rank"], k["world_lpi_mex_rank"]) == (7, 17, 66)


def test_hdi_matches_raw():
    raw = pd.read_csv(registry.fetch("undp_hdr23-24_composite_indices_time_series.csv"), encoding="latin-1")
    raw.columns = [c.replace("ï»¿", "") for c in raw.columns]
    k = world.key_numbers()
    countries = raw[~raw["iso3"].str.startswith("ZZ")]
    order = countries.dropna(subset=["hdi_2022"]).sort_values("hdi_2022", ascending=False)["hdi_2022"]
    for iso in ("CAN", "USA", "MEX"):
        row = raw[raw["iso3"] == iso].iloc[0]
        assert k[f"world_hdi_{iso.lower()}_last"] == pytest.approx(row["hdi_2022"])
        assert k[f"world_hdi_{iso.lower()}_rank"] == int(row["hdi_rank_2022"])
        assert k[f"world_hdi_{iso.lower()}_rank_recomputed"] == int((order > row["hdi_2022"]).sum()) + 1
    assert (k["world_hdi_can_rank"], k["world_hdi_usa_rank"], k["world_hdi_mex_rank"]) == (18, 20, 77)


def test_gdp_share_matches_raw():
    raw = pd.read_csv(registry.fetch("worldbank_gdp_current_usd.csv"))
    y = raw[raw["Year"] == 2023].set_index("Country Code")["Value"]
    k = world.key_numbers()
    assert k["world_gdp_last_year"] == 2023
    assert k["world_gdp_share_last"] == pytest.approx((y["USA"] + y["MEX"] + y["CAN"]) / y["WLD"] * 100)
    assert k["world_gdp_rank_usa"] == 1


def test_dots_mirror_matches_raw():
    def cell(reporter_file, sheet, partner, year):
        wb = openpyxl.load_workbook(registry.fetch(reporter_file), read_only=True)
        rows = list(wb[sheet].iter_rows(values_only=True))
        col = list(rows[6]).index(str(year))
        return next(r[col] for r in rows[7:] if r[1] == partner)

    k = world.key_numbers()
    mex, can = (world.imf_dots.FILES[r] for r in ("MEX", "CAN"))
    assert k["world_mirror_mex_exports_to_can"] == pytest.approx(cell(mex, "Exports, FOB", "Canada", 2020) / 1e3)
    assert k["world_mirror_can_imports_from_mex"] == pytest.approx(cell(can, "Imports, CIF", "Mexico", 2020) / 1e3)
    share = (cell(mex, "Exports, FOB", "United States", 2020) + cell(mex, "Exports, FOB", "Canada", 2020)) / cell(
        mex, "Exports, FOB", "World", 2020) * 100
    assert k["world_intra_mex_share_last"] == pytest.approx(share)
    assert k["world_dots_last_year"] == 2020


def test_every_key_number_is_plain_and_prefixed():
    for key, value in world.key_numbers().items():
        assert key.startswith("world_")
        assert isinstance(value, (int, float, str)) and value == value, key




def _dots_sheet(reporter: str, sheet: str) -> tuple[list, list]:
    """(header of years as text, partner rows) of one raw IMF DOTS reporter sheet, read with openpyxl."""
    wb = openpyxl.load_workbook(registry.fetch(world.imf_dots.FILES[reporter]), read_only=True)
    rows = list(wb[sheet].iter_rows(values_only=True))
    return [str(h) for h in rows[6]], rows[7:]


def test_mexico_first_latin_american_market_of_canada_matches_raw():
    """Recomputed from the raw Canada workbook with the IMF's own grouping (the partner rows between
    'Western Hemisphere' and 'Western Hemisphere not specified'), not the World Bank region the code uses."""
    header, rows = _dots_sheet("CAN", "Exports, FOB")
    names = [r[1] for r in rows]
    block = rows[names.index("Western Hemisphere") + 1:names.index("Western Hemisphere not specified")]
    wh_total = rows[names.index("Western Hemisphere")]

    def top(year):
        col = header.index(str(year))
        vals = {r[1]: float(r[col]) for r in block if isinstance(r[col], (int, float))}
        return sorted(vals.items(), key=lambda kv: -kv[1]), col

    ranked, col = top(2020)
    assert ranked[0][0] == "Mexico"
    run = [y for y in range(1990, 2021) if top(y)[0][0][0] == "Mexico"]
    first = 2020
    while first - 1 in run:
        first -= 1

    c = next(x for x in world.claims() if x.id == "nap2025-mexico-is-canada-s-most-significant-export-market-in-"
                                                  "latin-america")
    assert c.value == 1 and c.status == "other measure"
    assert f"from {first} to 2020" in c.reason
    assert f"Mexico {ranked[0][1] / 1e3:.2f} bn USD, then {ranked[1][0]} {ranked[1][1] / 1e3:.2f} bn" in c.basis
    assert f"{ranked[0][1] / float(wh_total[col]) * 100:.0f}% of Canada's exports" in c.basis
    r = world.canada_latin_america_exports(2020)
    assert r["mex_bn"] == pytest.approx(ranked[0][1] / 1e3) and r["first_since"] == first


def test_mining_claims_show_resource_rents_from_raw():
    raw = pd.read_csv(registry.fetch(world.RENTS))
    raw = raw[raw["Country Code"].isin(["CAN", "USA", "MEX"])].dropna(subset=["Value"])
    year = int(raw["Year"].max())
    mining = [c for c in world.claims() if c.claim.startswith("Mining was")]
    assert len(mining) == 3
    for c, iso in zip(mining, ("CAN", "USA", "MEX"), strict=True):
        assert c.status == "other measure"
        row = raw[(raw["Country Code"] == iso) & (raw["Year"] == year)]
        assert c.value == pytest.approx(float(row["Value"].iloc[0]))
        assert f"({year};" in c.reason


def test_peso_depreciation_years_and_gdp_share_from_raw():
    """The years since NAFTA in which the peso lost most of its dollar value, and Mexico's share of world GDP in
    those years, recomputed from the raw WDI files (the prose says the share fell in each)."""
    fx = pd.read_csv(registry.fetch(world.FX))
    fx = fx[fx["Country Code"] == "MEX"].set_index("Year")["Value"]
    gdp = pd.read_csv(registry.fetch(world.GDP))
    gdp = gdp[gdp["Country Code"].isin(["MEX", "WLD"])].pivot(index="Year", columns="Country Code", values="Value")
    share = 100 * gdp["MEX"] / gdp["WLD"]
    lost = {y: 100 * (1 - fx[y - 1] / fx[y]) for y in fx.index if y >= 1994 and y - 1 in fx.index
            and y in share.index and y - 1 in share.index}
    top3 = sorted(sorted(lost, key=lost.get, reverse=True)[:3])
    assert top3 == [1995, 2009, 2015]
    k = world.key_numbers()
    for i, y in enumerate(top3, start=1):
        assert k[f"world_fx_dep_year_{i}"] == y
        assert k[f"world_fx_dep_lost_pct_{i}"] == pytest.approx(lost[y], rel=1e-9)
        assert k[f"world_fx_dep_share_fall_{i}"] == pytest.approx(share[y - 1] - share[y], rel=1e-9)
        assert k[f"world_fx_dep_share_fall_{i}"] > 0, "prose: the share fell in each of those years"
    assert fx[2009] / fx[2008] > fx[2008] / fx[2007], "the 2008-09 fall shows in 2009, not 2008"


def test_hightech_report_year_and_latest_values_from_raw():
    raw = pd.read_csv(registry.fetch(world.HT_USD))
    raw = raw[raw["Country Code"].isin(["USA", "MEX", "CAN"])].pivot(index="Year", columns="Country Code",
                                                                        values="Value")
    k = world.key_numbers()
    assert k["world_ht_year"] == 2023 and k["world_ht_last_year"] == raw.index.max() == 2024
    for iso in ("USA", "MEX", "CAN"):
        assert k[f"world_ht_{iso.lower()}_report_year_bn"] == pytest.approx(raw.loc[2023, iso] / 1e9)
        assert k[f"world_ht_{iso.lower()}_last_bn"] == pytest.approx(raw.loc[2024, iso] / 1e9)
    assert k["world_ht_can_last_bn"] < k["world_ht_can_report_year_bn"], "Canada's fell in the latest year"


def test_lpi_weakest_component_of_mexico_from_raw():
    """By score Mexico is furthest below the best in infrastructure; by rank it is worst in customs."""
    with open(registry.fetch("worldbank_lpi_2023_scores_ranks.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    mex = next(r for r in rows if r["Economy"] == "Mexico")
    comps = ["Customs", "Infrastructure", "International Shipments", "Logistics Competence and Quality",
             "Timeliness", "Tracking and Tracing"]
    gap = {c: round(max(float(r[f"{c} Score"]) for r in rows) - float(mex[f"{c} Score"]), 6) for c in comps}
    rank_ = {c: int(mex[f"{c} Grouped Rank"]) for c in comps}
    k = world.key_numbers()
    assert k["world_lpi_economies"] == len(rows) == 139
    assert k["world_lpi_mex_gap_component"] == max(gap, key=gap.get).lower() == "infrastructure"
    assert k["world_lpi_mex_gap"] == pytest.approx(max(gap.values()))
    assert k["world_lpi_mex_worst_rank_component"] == max(rank_, key=rank_.get).lower() == "customs"
    assert k["world_lpi_mex_worst_rank"] == max(rank_.values()) == 84
    tied = world.lpi_mexico_weakest(pd.DataFrame({
        "component": ["Overall LPI", "A", "B"], "MEX": [1.0, 2.0, 2.0], "USA": 3.0, "CAN": 3.0, "best": 4.0,
        "MEX_rank": [9, 5, 7]}))
    assert tied["world_lpi_mex_gap_component"] == "a and b" and tied["world_lpi_mex_worst_rank_component"] == "b"


# --------------------------------------------------------------------------------------------------
# Years, counts and directions the prose and alt texts take from the data


def _wdi_raw(key: str, codes=("USA", "MEX", "CAN", "WLD")) -> pd.DataFrame:
    """A raw WDI long file as year x code (no northam code)."""
    raw = pd.read_csv(registry.fetch(key))
    return raw[raw["Country Code"].isin(codes)].pivot(index="Year", columns="Country Code", values="Value")


def test_coverage_years_from_raw():
    k = world.key_numbers()
    gdp = _wdi_raw(world.GDP).dropna()
    assert (k["world_gdp_first_year"], k["world_gdp_last_year"]) == (gdp.index.min(), gdp.index.max()) == (1960, 2023)
    with open(registry.fetch("unctad_wir2024_annex_tab01_fdi_inflows.csv"), encoding="utf-8-sig") as f:
        header = list(csv.reader(f))[2]
    years = [int(h) for h in header if h.strip().isdigit()]
    assert (k["world_fdi_first_year"], k["world_fdi_last_year"]) == (min(years), max(years)) == (1990, 2023)
    raw = pd.read_csv(registry.fetch("undp_hdr23-24_composite_indices_time_series.csv"), encoding="latin-1",
                      nrows=1)
    hdi_years = [int(m.group(1)) for c in raw.columns if (m := re.fullmatch(r"hdi_(\d{4})", c))]
    assert (k["world_hdi_first_year"], k["world_hdi_last_year"]) == (min(hdi_years), max(hdi_years)) == (1990, 2022)
    header, _ = _dots_sheet("MEX", "Exports, FOB")
    assert k["world_dots_first_year"] == min(int(h) for h in header if h.isdigit()) == 1960
    assert k["world_lpi_components_words"] == "six" and world.number_word(21) == "21"


def test_gdp_peak_is_the_first_year_as_the_prose_explains():
    """The page explains the peak by the world total's early coverage: it must be the first year."""
    gdp = _wdi_raw(world.GDP).dropna()
    share = (gdp["USA"] + gdp["MEX"] + gdp["CAN"]) / gdp["WLD"] * 100
    k = world.key_numbers()
    assert k["world_gdp_share_peak_year"] == share.idxmax() == gdp.index.min()
    assert k["world_gdp_share_last"] < k["world_gdp_share_peak"], "key findings: 'down from'"
    assert k["world_gdp_top_n_text"].startswith("all three are among the fifteen")


def test_hdi_gap_and_setback_from_raw():
    raw = pd.read_csv(registry.fetch("undp_hdr23-24_composite_indices_time_series.csv"), encoding="latin-1")
    raw.columns = [c.replace("ï»¿", "") for c in raw.columns]
    rows = raw.set_index("iso3")
    k = world.key_numbers()
    gap = {y: rows.loc["USA", f"hdi_{y}"] - rows.loc["MEX", f"hdi_{y}"] for y in (1990, 2022)}
    assert k["world_hdi_mex_gap_first"] == pytest.approx(gap[1990])
    assert k["world_hdi_mex_gap_last"] == pytest.approx(gap[2022])
    assert k["world_hdi_mex_gap_change"] == "narrowed" and gap[2022] < gap[1990]
    mex = [rows.loc["MEX", f"hdi_{y}"] for y in range(1990, 2023)]
    setback = [1990 + i for i, v in enumerate(mex) if i and v < max(mex[:i])]
    assert setback == [2020, 2021] and k["world_hdi_mex_dip_years"] == "2020–2021"


def test_years_text_and_direction():
    assert world.years_text([2020, 2015, 2016, 2017]) == "2015–2017 and 2020"
    assert world.years_text([2001, 2003, 2004, 2009]) == "2001, 2003–2004 and 2009"
    assert world.years_text([2019]) == "2019" and world.years_text([]) == ""
    assert [world.direction(2, 1), world.direction(1, 2), world.direction(1, 1)] == ["rose", "fell", "held level"]
    assert world.below_earlier_high(pd.Series([1, 3, 2, 2.5, 4, 3.9], index=range(6))) == [2, 3, 5]


def test_openness_and_remittances_from_raw():
    op = pd.read_csv(registry.fetch(world.TRADE_GDP), skiprows=4).set_index("Country Code")
    remit = _wdi_raw(world.REMIT, ("MEX",))["MEX"]
    fdi = _wdi_raw(world.FDI_WDI, ("MEX",))["MEX"]
    k = world.key_numbers()
    last = str(k["world_open_last_year"])
    assert k["world_open_base_year"] == 1993 and k["world_open_mex_base"] == pytest.approx(op.loc["MEX", "1993"])
    assert k["world_open_mex_change"] == "rose" and op.loc["MEX", last] > op.loc["MEX", "1993"]
    assert k["world_open_mex_vs_can"] == "above" and op.loc["MEX", last] > op.loc["CAN", last]
    assert k["world_open_mex_vs_wld"] == "above" and op.loc["MEX", last] > op.loc["WLD", last]
    both = pd.concat([remit, fdi], axis=1, keys=["r", "f"]).dropna()
    over = both[(both["r"] > both["f"]) & (both.index >= 1994)].index
    assert (k["world_remit_over_fdi_years"], k["world_remit_over_fdi_since"]) == (len(over), over.min()) == (10, 2006)
    y = both.index.max()
    assert k["world_remit_last_year"] == y and k["world_remit_vs_fdi_last"] == "more than" and both.loc[y, "r"] > both.loc[y, "f"]
    assert k["world_remit_fdi_ratio_last"] == pytest.approx(both.loc[y, "r"] / both.loc[y, "f"])
    assert k["world_remit_mex_base"] == pytest.approx(remit[1994] / 1e9)


def test_fx_check_year_and_agreement_from_raw():
    """The check year is the last year FRED's daily file covers to late December; the page says the two
    sources 'agree closely' there (within 1%)."""
    daily = pd.read_csv(registry.fetch("fred_DEXMXUS_daily.csv"), parse_dates=["DATE"], na_values=".")
    last = daily["DATE"].max()
    year = last.year if (last.month, last.day) >= (12, 28) else last.year - 1
    k = world.key_numbers()
    assert k["world_fx_check_year"] == year == 2022
    mean = daily.loc[daily["DATE"].dt.year == year, "DEXMXUS"].mean()
    wb = _wdi_raw(world.FX, ("MEX",))["MEX"]
    assert k["world_fx_check_mxn_fred"] == pytest.approx(mean)
    assert abs(mean / wb[year] - 1) < 0.01, "the page says the two sources agree closely"
    assert (k["world_fx_before_crisis_year"], k["world_fx_after_crisis_year"], k["world_fx_crisis"]) == (
        1993, 1996, "1994–95")
    assert k["world_fx_mxn_after_crisis"] == pytest.approx(wb[1996])


def test_fdi_sources_differ_and_mirror_gap_direction():
    """'Two FDI series': the gap between UNCTAD and the World Bank, recomputed from both raw files, and the
    ranks differ too; 'Mexico recorded only ... times less': Canada's side is the larger."""
    raw = _unctad_raw()
    wb = _wdi_raw(world.FDI_WDI, ("USA", "MEX", "CAN")).loc[2023] / 1e9
    gaps = [abs(float(re.sub(r"\s", "", raw[name]["2023"])) / 1e3 - wb[iso])
            for name, iso in [("United States", "USA"), ("Canada", "CAN"), ("Mexico", "MEX")]]
    k = world.key_numbers()
    assert k["world_fdi_source_gap_min"] == pytest.approx(min(gaps))
    assert k["world_fdi_source_gap_max"] == pytest.approx(max(gaps))
    assert any(k[f"world_fdi_rank_a_{c}"] != k[f"world_fdi_wdi_rank_a_{c}"] for c in ("usa", "can", "mex"))
    assert k["world_mirror_ratio"] > 1


def test_page_has_no_literal_year_outside_the_kept_ones():
    """Years in the page's prose come from glue roles, except the editions, the reports' years and named
    events it keeps on purpose."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "notebooks" / "world.md").read_text()
    prose = re.sub(r"\{(?:glue:text|cite:p)\}`[^`]*`", "", text)
    years = set(re.findall(r"(?<![\d.])(?:19|20)\d\d(?![\d])", prose))
    kept = {"2023", "2024", "2018", "2022"}  # LPI 2023 / WIR 2024 / HDR 2023/2024 editions; reports' years
    assert years <= kept, years - kept
