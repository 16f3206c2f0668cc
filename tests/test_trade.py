"""Trade chapter: new loaders (Census API compilation, USA Trade Online), key numbers against values
computed independently from the raw files, and the claims' statuses."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from northam import registry
from northam.analysis import trade
from northam.schemas import SchemaError
from northam.sources import census, census_api, usatrade
from raw import read_excel

COUNTRY = census.COUNTRY_XLSX[census.LATEST]
OLD = census.COUNTRY_XLSX["2024-08"]


@pytest.fixture(scope="module")
def raw(raw_workbook):
    return raw_workbook(COUNTRY)


@pytest.fixture(scope="module")
def raw_api():
    return pd.read_excel(registry.fetch(census_api.KEY), sheet_name="full data", keep_default_na=False,
                         na_values=[""])


@pytest.fixture(scope="module")
def numbers():
    return trade.key_numbers()


def _row(raw, code, year):
    return raw[(raw["CTY_CODE"] == code) & (raw["year"] == year)].iloc[0]


# ------------------------------------------------------------------ census_api loader

def test_api_schema_units_and_quirks():
    df = census_api.goods_trade_by_country()
    assert set(df["unit"]) == {"million USD"} and set(df["source"]) == {census_api.KEY}
    assert set(df["flow"]) == {"imports", "exports", "balance"}
    assert df["year"].min() == 2013 and df["year"].max() == 2024
    assert df.loc[df["cty_code"] == 0, "iso3"].isna().all(), "world total has no ISO3"
    assert df.loc[df["cty_code"] == 2010, "iso3"].eq("MEX").all()
    nam = df[df["cty_code"] == 7920]
    assert nam["iso2"].isna().all() and nam["iso3"].eq("NAM").all(), "ISO3 comes from the name, not the ISO2 column"
    assert not (df["cty_code"] == 8220).any(), "nameless rows are dropped"


def test_api_values_match_raw(raw_api):
    w = trade.api_wide(2024).set_index("iso3")
    r = raw_api[(raw_api["CTY_CODE"] == "2010") & (raw_api["YEAR"] == 2024)].iloc[0]
    assert w.loc["MEX", "imports"] == pytest.approx(r["imports"] / 1e6, rel=1e-12)
    assert w.loc["MEX", "balance"] == pytest.approx(r["deficit"] / 1e6, rel=1e-12)


def _api_frame():
    return pd.DataFrame({
        "CTY_CODE": ["-", "1220", "8220"], "CTY_NAME": ["TOTAL FOR ALL COUNTRIES", "CANADA", None],
        "YEAR": [2024, 2024, 2024], "imports": [300, 100, 0], "exports": [200, 90, 5],
        "deficit": [-100, -10, 5], "ISO Code": [None, "CA", None], "Region": ["Total", "Canada", "Other"],
    })


def test_api_parse_handmade_frame():
    out = census_api.parse(_api_frame())
    assert len(out) == 6 and set(out["cty_code"]) == {0, 1220}


def test_api_refuses_wrong_deficit():
    bad = _api_frame()
    bad.loc[1, "deficit"] = 10
    with pytest.raises(SchemaError, match="deficit.*CANADA.*2024"):
        census_api.parse(bad)


def test_api_refuses_unexpected_nameless_row():
    bad = _api_frame()
    bad.loc[1, "CTY_NAME"] = None
    with pytest.raises(SchemaError, match="CTY_NAME.*1220"):
        census_api.parse(bad)


def test_api_refuses_renamed_column_and_text_value():
    with pytest.raises(SchemaError, match="exports"):
        census_api.parse(_api_frame().rename(columns={"exports": "Exports"}))
    bad = _api_frame().astype({"imports": object})
    bad.loc[1, "imports"] = "(D)"
    with pytest.raises(SchemaError, match="imports.*CANADA"):
        census_api.parse(bad)


# ------------------------------------------------------------------ usatrade loader

@pytest.fixture(scope="module")
def raw_report():
    return pd.read_excel(registry.fetch(usatrade.KEY), sheet_name="REPORT", header=None)


def test_usatrade_schema_and_values(raw_report):
    df = usatrade.hs87_usmca_imports()
    assert set(df["measure"]) == {"all", "usmca"} and set(df["unit"]) == {"million USD"}
    assert set(df["partner"]) == {"World Total", "Canada", "Mexico"}
    wb = openpyxl.load_workbook(registry.fetch(usatrade.KEY))
    ws = wb["REPORT"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "All Commodities")
    got = df[(df["partner"] == "Mexico") & (df["year"] == 2024) & (df["hs4"] == "TOTAL")].set_index("measure")["value"]
    assert got["all"] == pytest.approx(row[17] / 1e6) and got["usmca"] == pytest.approx(row[18] / 1e6)
    assert not df["commodity"].str.contains("&gt;").any(), "HTML entities are unescaped"
    blank = df[(df["hs4"] == "8705") & (df["measure"] == "usmca")]
    assert (blank["value"] == 0).all(), "blank USMCA cells mean no claims"


def test_usatrade_ignores_formula_columns(raw_report):
    bad = raw_report.astype(object)
    bad.iloc[:, 19:] = "garbage"
    out = usatrade.parse(bad)
    assert len(out) == len(usatrade.hs87_usmca_imports())


def test_usatrade_refuses_shifted_header(raw_report):
    bad = raw_report.astype(object)
    row = bad.index[bad.iloc[:, 0] == "Time"][0]
    bad.iloc[row, 1] = "2021"
    with pytest.raises(SchemaError, match="column B"):
        usatrade.parse(bad)


def test_usatrade_refuses_blank_total(raw_report):
    bad = raw_report.astype(object)
    row = bad.index[bad.iloc[:, 0] == "All Commodities"][0]
    bad.iloc[row, 7] = None
    with pytest.raises(SchemaError, match="column H.*Canada 2022"):
        usatrade.parse(bad)


def test_usmca_claim_shares_match_sources_yml():
    s = trade.usmca_claim_shares().set_index(["year", "partner"])["share"]
    assert s[(2024, "Canada")] == pytest.approx(37.5, abs=0.05)
    assert s[(2024, "Mexico")] == pytest.approx(48.6, abs=0.05)


# ------------------------------------------------------------------ key numbers vs raw

def test_latest_full_year_excludes_partial(numbers):
    assert numbers["trade_latest_year"] == 2025 and numbers["trade_partial_year"] == 2026
    with pytest.raises(census.PartialYearError):
        trade.ytd_trade(years=(2026,), through_month=7)


def test_flows_and_balances_match_raw(raw, numbers):
    r = _row(raw, 2010, 2025)
    assert numbers["trade_mex_exports_bn"] == pytest.approx(r["EYR"] / 1e3, rel=1e-9)
    assert numbers["trade_mex_balance_bn"] == pytest.approx((r["EYR"] - r["IYR"]) / 1e3, rel=1e-9)
    c = raw[(raw["CTY_CODE"] == 5700) & raw["year"].between(1990, 2025)].set_index("year")
    bal = c["EYR"] - c["IYR"]
    assert numbers["trade_chn_deficit_peak_year"] == bal.idxmin()
    assert numbers["trade_chn_deficit_peak_bn"] == pytest.approx(-bal.min() / 1e3, rel=1e-9)


def test_tdr_latest_matches_raw(raw, numbers):
    r = _row(raw, 5700, 2025)
    assert numbers["trade_tdr_chn_latest"] == pytest.approx(100 * (r["IYR"] - r["EYR"]) / r["EYR"], rel=1e-9)
    top = trade.top_partners_tdr()
    y = raw[(raw["year"] == 2025) & (raw["CTY_CODE"] >= 1000)].assign(t=lambda d: d["IYR"] + d["EYR"])
    assert list(top["iso3"]) == ["MEX", "CAN", "CHN", "TWN", "DEU"]
    assert top["total"].iloc[0] == pytest.approx(y["t"].max(), rel=1e-9)


def test_atp_matches_raw(raw, numbers):
    a = raw[raw["CTY_CODE"] == 7].set_index("year")
    bal = (a["EYR"] - a["IYR"]).loc[:2025]
    assert numbers["trade_atp_balance_2024_bn"] == pytest.approx(bal.loc[2024] / 1e3, rel=1e-9)
    assert numbers["trade_atp_first_deficit_year"] == 2002
    assert (bal.loc[2002:] < 0).all() and bal.loc[2001] > 0


def test_ytd_matches_raw(raw, numbers):
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL"]
    for code, iso in [(2010, "mex"), (5700, "chn")]:
        for year in (2018, 2023):
            r = _row(raw, code, year)
            expected = sum(r["I" + m] + r["E" + m] for m in months) / 1e3
            assert numbers[f"trade_ytd_{iso}_{year}_bn"] == pytest.approx(expected, rel=1e-9)


def test_shares_and_overtake_years_match_raw(raw, numbers):
    tot = raw.assign(t=raw["IYR"] + raw["EYR"]).pivot_table(index="year", columns="CTY_CODE", values="t")
    tot = tot.loc[1987:2025]
    share = {c: 100 * tot[c] / tot[15] for c in (2010, 1220, 5700)}
    assert numbers["trade_share_mex_latest"] == pytest.approx(share[2010].loc[2025], rel=1e-9)
    assert numbers["trade_share_mex_peak"] == pytest.approx(share[2010].max(), rel=1e-9)
    assert numbers["trade_share_mex_peak_year"] == share[2010].idxmax() == 2024, "prose: the 2025 share is a dip"
    # Mexico against China, year by year: ahead 1987-2005, behind 2006-2018, ahead 2019, behind 2020, ahead since
    ahead = {y: share[2010][y] > share[5700][y] for y in share[2010].index}
    years = sorted(ahead)
    changes = [y for y in years[1:] if ahead[y] != ahead[y - 1]]
    assert ahead[years[0]] and changes == [2006, 2019, 2020, 2021]
    assert share[2010][2020] < share[5700][2020], "2020: China ahead again (14.25% against 14.81%)"
    assert numbers["trade_mex_over_chn_lost"] == changes[0] and numbers["trade_mex_over_chn_lost_prev"] == 2005
    assert numbers["trade_mex_over_chn_first"] == changes[1]
    assert numbers["trade_mex_over_chn_lapses"] == "2020" and numbers["trade_mex_over_chn_since"] == changes[-1]
    ahead_can = share[2010] > share[1220]
    changes_can = [y for y in years[1:] if ahead_can[y] != ahead_can[y - 1]]
    assert not ahead_can[years[0]] and changes_can == [2019, 2021, 2023]
    assert (numbers["trade_mex_over_can_first"], numbers["trade_mex_over_can_lapses"],
            numbers["trade_mex_over_can_since"]) == (2019, "2021", 2023)


def test_leader_changes_on_a_hand_made_series():
    """Several crossings, a tie and a lapse of more than one year; the first year is not a crossing."""
    s = pd.DataFrame({"A": [5, 5, 3, 3, 4, 2, 2, 6, 6], "B": [4, 4, 4, 3, 3, 3, 3, 3, 3]},
                     index=range(2000, 2009))
    ch = trade.leader_changes(s, "A", "B")
    assert ch.to_dict("list") == {"year": [2000, 2002, 2004, 2005, 2007], "leader": ["A", "B", "A", "B", "A"]}
    o = trade.overtake_year("A", "B", shares=s)
    assert o == {"start": 2000, "ahead_at_start": True, "lost": 2002, "first": 2004, "lapses": [2005],
                 "since": 2007, "crossings": 4}
    b = trade.overtake_year("B", "A", shares=s)
    # a tie counts for the other partner: 2003 is a lapse of B, not a year of A's lead
    assert (b["ahead_at_start"], b["lost"], b["first"], b["lapses"], b["since"]) == (False, None, 2002, [2003, 2007],
                                                                                     None)
    never = trade.overtake_year("B", "A", shares=s.assign(A=10))
    assert never["first"] is None and never["since"] is None and never["crossings"] == 0


def test_atp_deficit_is_glued_as_a_positive_amount(numbers):
    for when in ("2024", "latest"):
        assert numbers[f"trade_atp_deficit_{when}_bn"] > 0
        assert numbers[f"trade_atp_deficit_{when}_bn"] == pytest.approx(-numbers[f"trade_atp_balance_{when}_bn"])


def test_trend_break_has_intervals(numbers):
    assert numbers["trade_chn_slope_before_lo"] < numbers["trade_chn_slope_before"] < numbers["trade_chn_slope_before_hi"]
    assert numbers["trade_chn_slope_after_hi"] < 0 < numbers["trade_chn_slope_before_lo"], "China's trend reverses"
    assert numbers["trade_mex_slope_before_hi"] > numbers["trade_mex_slope_after_lo"], "prose: Mexico's intervals overlap"
    fits = trade.trend_break_fits()
    assert (fits["lo"] <= fits["fit"]).all() and (fits["fit"] <= fits["hi"]).all()


def test_revisions_match_both_raw_files(raw, numbers):
    old = read_excel(registry.fetch(OLD))
    # the older release's last full year: every month of 2023 published, December 2024 not yet
    assert (_row(old, 2010, 2023)[["IDEC", "EDEC"]] > 0).all() and not _row(old, 2010, 2024)["IDEC"] > 0
    assert numbers["trade_rev_year"] == trade.revision_year() == 2023
    rev = trade.revisions().set_index(["iso3", "flow"])
    r_new, r_old = _row(raw, 2010, 2023), _row(old, 2010, 2023)
    assert rev.loc[("MEX", "imports"), "revision"] == pytest.approx(r_new["IYR"] - r_old["IYR"], rel=1e-9)


def test_all_glue_keys_prefixed_and_plain(numbers):
    assert all(k.startswith("trade_") for k in numbers)
    assert all(v is not None and v == v for v in numbers.values()), "no None/NaN glued"


# ------------------------------------------------------------------ claims


def test_mexico_imports_from_us_vs_five_partners_match_raw():
    """Mexico's own records (IMF DOTS, raw workbook read with openpyxl), last year 2020."""
    from northam.analysis import world

    wb = openpyxl.load_workbook(registry.fetch(world.imf_dots.FILES["MEX"]), read_only=True)
    rows = list(wb["Imports, CIF"].iter_rows(values_only=True))
    header, rows = [str(h) for h in rows[6]], rows[7:]
    col = header.index("2020")
    val = {r[1]: r[col] for r in rows}
    us = val["United States"] / 1e3
    five = sum(val[p] for p in ("United Kingdom", "Japan", "Germany", "Korea, Rep. of", "India")) / 1e3
    got = world.mexico_imports_us_vs_rivals(2020)
    assert got["us_bn"] == pytest.approx(us) and got["rivals_bn"] == pytest.approx(five)
    c = next(x for x in trade.claims() if x.claim.startswith("Mexico's imports from the US exceed"))
    assert c.status == "other measure" and c.value == float(us > five)
    assert f"{us:.1f} billion dollars from the US and {five:.1f} billion" in c.reason


def test_coverage_keys_match_the_raw_files(raw, raw_api, raw_report, numbers):
    """The data section's coverage years, recomputed from the raw files: country.xlsx's first year, the API
    compilation's first and last year, and the USMCA-claims report's years (the latest year is the one quoted)."""
    assert numbers["trade_first_year"] == raw["year"].min()
    years = pd.to_numeric(raw_api["YEAR"], errors="coerce").dropna()
    assert (numbers["trade_api_first_year"], numbers["trade_api_last_year"]) == (years.min(), years.max())
    claims = trade.usmca_claim_shares()
    assert (numbers["trade_usmca_claim_first_year"], numbers["trade_usmca_claim_year"]) == (
        claims["year"].min(), claims["year"].max())
    latest = claims[claims["year"] == claims["year"].max()].set_index("partner")["share"]
    assert numbers["trade_usmca_claim_mex_latest"] == latest["Mexico"]
    assert numbers["trade_usmca_claim_both_latest"] == latest["Canada+Mexico"]
    time = raw_report[raw_report[0] == "Time"].iloc[0, 1:].dropna().astype(int)  # the report's row of years
    assert numbers["trade_usmca_claim_year"] == time.max() and numbers["trade_usmca_claim_first_year"] == time.min()


def test_trend_counts_its_points_and_pre_nafta_year(raw, numbers):
    """The trend's span and number of annual points; the 'year before NAFTA' flows are 1993's."""
    n = numbers
    assert n["trade_trend_n_years"] == n["trade_trend_end"] - n["trade_trend_start"] + 1
    assert n["trade_trend_end"] == n["trade_latest_year"] and n["trade_break_year"] == 2018
    r = _row(raw, 2010, 1993)
    assert n["trade_mex_exports_1993_bn"] == pytest.approx(r["EYR"] / 1e3, rel=1e-9)


def test_a_census_vintage_is_named_from_its_registry_key():
    from northam.sources import census

    assert census.release_name("2026-01") == "release with data to January 2026"
    assert census.release_name("2024-08") == "release with data to August 2024"
