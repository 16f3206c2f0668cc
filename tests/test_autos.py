"""Autos chapter: OICA/IEA loaders (quirks refused), key numbers checked against the raw files, claims."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from northam import registry
from northam.analysis import autos
from northam.schemas import SchemaError
from northam.sources import iea, oica
from raw import read_excel


@pytest.fixture(scope="module")
def numbers():
    """The chapter's key numbers, computed once for the module (tests only read them)."""
    return autos.key_numbers()


@pytest.fixture(scope="module")
def raw_oica():
    return pd.read_csv(registry.fetch(oica.KEY))


def _raw_total(raw, iso, year):
    rows = raw[(raw["code_iso_alpha3"] == iso) & (raw["year"] == year)]
    assert set(rows["type"]) == {"pv", "cv"}
    return float(rows["n"].sum())


# --- OICA loader -----------------------------------------------------------------------------------


def test_oica_schema_and_units():
    df = oica.production()
    assert {"iso3", "year", "country", "type", "value", "unit", "source"} <= set(df.columns)
    assert set(df["unit"]) == {"vehicles"} and set(df["source"]) == {oica.KEY}
    assert set(df["type"]) == {"pv", "cv"}
    assert df.loc[df["country"] == "Others", "iso3"].isna().all(), "the 'Others' aggregate has no ISO3"
    assert df["value"].notna().all(), "missing values are dropped, not zero-filled"


def test_oica_corrupt_rows_of_the_real_file_are_dropped():
    df = oica.production()
    assert 2023 not in set(df["year"]), "every 2023 value is corrupt"
    can = df[(df["iso3"] == "CAN") & (df["year"] == 2021)]
    assert list(can["type"]) == ["cv"], "Canada 2021 passenger cars (288) must be dropped"
    bad = oica.dropped()
    msg = bad[(bad["country"] == "Canada") & (bad["year"] == 2021)]["message"].iloc[0]
    assert "Canada 2021 pv" in msg and oica.KEY in msg and "288" in msg
    # other truncated values named in SOURCES.yml
    for country, year, typ in [("Czech Republic", 2021, "pv"), ("Austria", 2019, "pv"), ("Germany", 2017, "cv"),
                               ("Uzbekistan", 2021, "pv"), ("Egypt", 2019, "cv")]:
        assert ((bad["country"] == country) & (bad["year"] == year) & (bad["type"] == typ)).any(), (country, year)
    # US and Mexico are clean 2006-2022
    na = df[df["iso3"].isin(["USA", "MEX"])]
    assert len(na) == 2 * 2 * 17


def test_oica_strict_refuses_the_file_naming_country_year_type():
    with pytest.raises(oica.ImplausibleValueError, match=r"Canada 2021 pv \(passenger cars\) = 288"):
        oica.production(strict=True)


def test_oica_corrupted_copy_is_refused(tmp_path, raw_oica):
    """A copy with a value that lost its thousands separator (USA 2015 pv) is caught by the checks."""
    broken = raw_oica.copy()
    sel = (broken["country"] == "USA") & (broken["year"] == 2015) & (broken["type"] == "pv")
    broken.loc[sel, "n"] = 4163.0
    path = tmp_path / "production.csv"
    broken.to_csv(path, index=False)
    df = oica.production(path=path)
    assert not ((df["iso3"] == "USA") & (df["year"] == 2015) & (df["type"] == "pv")).any()
    with pytest.raises(oica.ImplausibleValueError, match=r"USA 2015 pv \(passenger cars\) = 4,163 fell"):
        oica.production(path=path, strict=True)


def test_oica_checks_on_a_hand_made_frame():
    rows = []
    for c, base in [("A", 1_000_000), ("B", 500_000), ("C", 200_000)]:
        for y in range(2010, 2016):
            rows.append({"country": c, "year": y, "type": "pv", "value": float(base)})
    df = pd.DataFrame(rows)
    # a real collapse that persists is NOT flagged; a dip that rebounds is; a tiny value is (floor)
    df.loc[(df["country"] == "A") & (df["year"] >= 2013), "value"] = 100_000.0
    df.loc[(df["country"] == "B") & (df["year"] == 2012), "value"] = 50.0
    bad = oica.check_production(df)
    assert list(zip(bad["country"], bad["year"], bad["check"], strict=True)) == [("B", 2012, "yoy_fall")]
    # a year where every series is broken is dropped whole
    df.loc[df["year"] == 2015, "value"] = 7.0
    bad = oica.check_production(df)
    assert set(bad.loc[bad["year"] == 2015, "country"]) == {"A", "B", "C"}
    assert "check yoy_fall" in bad["message"].iloc[-1]


def test_oica_renamed_column_is_refused(tmp_path, raw_oica):
    path = tmp_path / "production.csv"
    raw_oica.rename(columns={"n": "value"}).to_csv(path, index=False)
    with pytest.raises(SchemaError, match="'n'"):
        oica.production(path=path)


def test_oica_text_in_value_column_is_refused(tmp_path, raw_oica):
    broken = raw_oica.astype({"n": object})
    broken.loc[5, "n"] = "1,234"
    path = tmp_path / "production.csv"
    broken.to_csv(path, index=False)
    with pytest.raises(SchemaError, match=r"(?s)oica_production.*should be a number of vehicles.*1,234"):
        oica.production(path=path)


def test_2024_table_only_for_the_three_countries():
    df = oica.production_2024()
    raw = json.loads(registry.fetch(oica.KEY_2024).read_text())["data"]
    got = df.set_index("iso3")["value"].to_dict()
    assert got == {"USA": raw["United States"]["value"], "MEX": raw["Mexico"]["value"],
                   "CAN": raw["Canada"]["value"]}
    with pytest.raises(ValueError, match="Iran and Turkey"):
        oica.production_2024(("USA", "TUR"))


# --- key numbers against the raw files --------------------------------------------------------------


def test_production_matches_raw(raw_oica, numbers):
    p = autos.production().set_index("year")
    for iso in ("USA", "MEX"):
        for year in (2020, 2022):
            assert p.loc[year, iso] == pytest.approx(_raw_total(raw_oica, iso, year), rel=1e-12)
    assert p.loc[2020, "total"] == 13_375_622  # SOURCES.yml cross-check
    assert np.isnan(p.loc[2023, "total"]) and np.isnan(p.loc[2021, "CAN"])
    raw24 = json.loads(registry.fetch(oica.KEY_2024).read_text())["data"]
    assert p.loc[2024, "total"] == sum(raw24[c]["value"] for c in ("United States", "Mexico", "Canada"))
    k = numbers
    assert k["autos_mex_pandemic_m"] == pytest.approx(_raw_total(raw_oica, "MEX", 2020) / 1e6)
    assert k["autos_growth_last_vs_pandemic_pct"] == pytest.approx(100 * (16_085_250 / 13_375_622 - 1))
    assert (k["autos_growth_last_vs_pandemic_word"], k["autos_pandemic_year"]) == ("more", 2020)
    assert k["autos_dropped_years"] == "2023"


def test_mexico_trend_against_numpy():
    t = autos.mexico_share_trend()
    fit = t["fit"]
    slope = np.polyfit(fit["year"], fit["share"], 1)[0]
    assert t["slope"] == pytest.approx(slope)
    assert t["slope_lo"] < t["slope"] < t["slope_hi"]
    assert 2021 not in set(fit["year"]) and 2023 not in set(fit["year"])


def test_employment_matches_raw(numbers):
    a = pd.read_csv(registry.fetch(autos.AUTOS_JOBS), parse_dates=["date"])
    m = pd.read_csv(registry.fetch(autos.MANUF_JOBS), parse_dates=["date"])
    ea = autos.employment_annual().set_index("year")
    assert ea.loc[2024, "autos"] == pytest.approx(a[a["date"].dt.year == 2024]["value"].mean())
    share = 100 * a[a["date"].dt.year == 1990]["value"].mean() / m[m["date"].dt.year == 1990]["value"].mean()
    assert ea.loc[1990, "autos_share"] == pytest.approx(share, rel=1e-3)
    assert ea.index.max() == 2025, "2026 is a partial year"
    k = numbers
    assert k["autos_jobs_peak_year"] == 2000 and k["autos_jobs_trough_year"] == 2009


def test_auto_imports_match_raw():
    raw = read_excel(registry.fetch("census_enduse_imports_by_country_2016-2025.xlsx"), sheet_name="EnduseImp")
    group3 = raw["END_USE"].between(30000, 39999)
    mex = raw[raw["CTY_CODE"] == 2010]
    imp = autos.auto_imports().set_index("year")
    assert imp.loc[2024, "MEX"] == pytest.approx(mex.loc[group3, "value_24"].sum() / 1e9)
    sh = autos.auto_share_of_imports().set_index("year")
    both = raw[raw["CTY_CODE"].isin([2010, 1220])]
    expected = 100 * both.loc[group3, "value_24"].sum() / both["value_24"].sum()
    assert sh.loc[2024, "USMCA"] == pytest.approx(expected)


def test_ev_shares_match_raw(numbers):
    raw = read_excel(registry.fetch(iea.KEY), sheet_name=iea.SHEET)
    sel = raw[(raw["parameter"] == "EV sales share") & (raw["mode"] == "Cars") & (raw["year"] == 2024)
              & (raw["category"] == "Historical")].set_index("region_country")["value"]
    k = numbers
    assert k["autos_ev_share_last_usa"] == sel["USA"]
    assert k["autos_ev_share_last_mex"] == sel["Mexico"]
    assert k["autos_ev_share_last_chn"] == sel["China"]


def test_ev_numbers_are_for_the_files_last_historical_year(numbers):
    raw = read_excel(registry.fetch(iea.KEY), sheet_name=iea.SHEET)
    hist = raw[(raw["category"] == "Historical") & (raw["mode"] == "Cars")]
    share = hist[hist["parameter"] == "EV sales share"]
    last = int(share["year"].max())
    k = numbers
    assert k["autos_ev_last_year"] == last
    can = share[(share["region_country"] == "Canada") & (share["year"] == last)]["value"]
    assert k["autos_ev_share_last_can"] == can.iloc[0]
    stock = hist[(hist["parameter"] == "EV stock") & hist["powertrain"].isin(["BEV", "PHEV"])
                 & (hist["region_country"] == "Mexico") & (hist["year"] == last)]["value"].sum()
    assert k["autos_ev_stock_last_mex_k"] == pytest.approx(stock / 1e3)


def test_iea_refuses_renamed_column_and_unknown_region():
    good = pd.DataFrame({"region_country": ["USA"], "category": ["Historical"], "parameter": ["EV sales"],
                         "mode": ["Cars"], "powertrain": ["BEV"], "year": [2024], "unit": ["Vehicles"],
                         "value": [1.0]})
    assert iea.tidy(good)["iso3"].tolist() == ["USA"]
    with pytest.raises(SchemaError, match="powertrain"):
        iea.tidy(good.rename(columns={"powertrain": "fuel"}))
    with pytest.raises(SchemaError, match="Atlantis"):
        iea.tidy(good.assign(region_country="Atlantis"))


def test_2024_table_with_a_wrong_unit_is_refused(tmp_path):
    raw = json.loads(registry.fetch(oica.KEY_2024).read_text())
    raw["data"]["Mexico"]["unit"] = "thousand vehicles"
    path = tmp_path / "oica2024.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(SchemaError, match=r"(?s)oica_production_2024.*thousand vehicles.*Mexico"):
        oica.production_2024(path=path)


def test_dropped_rows_outside_whole_years_are_listed():
    t = autos.dropped_outside_whole_years()
    assert list(t.columns) == ["country", "year", "type", "value", "check"]
    assert 2023 not in set(t["year"]) and ((t["country"] == "Canada") & (t["year"] == 2021)).any()


def test_production_shares_table_behind_the_chart():
    t = autos.production_shares().set_index("year")
    assert t.loc[2010:2020, ["share_USA", "share_MEX", "share_CAN"]].sum(axis=1).to_numpy() == pytest.approx(100)
    fit = t["mex_trend_fitted"].dropna()
    assert fit.index.min() == 2010 and 2021 not in fit.index
    assert (t["mex_trend_lower"].dropna() < fit).all() and (fit < t["mex_trend_upper"].dropna()).all()


def test_every_glued_name_on_the_page_is_a_key_number(numbers):
    from page_text import check_glued_names

    check_glued_names("autos", numbers)


def test_production_claims_use_2024_from_raw(raw_oica):
    raw24 = json.loads(registry.fetch(oica.KEY_2024).read_text())["data"]
    total24 = sum(raw24[c]["value"] for c in ("United States", "Mexico", "Canada"))
    total20 = sum(_raw_total(raw_oica, iso, 2020) for iso in ("USA", "MEX", "CAN"))
    c16, c21 = autos.claims()[:2]
    assert c16.value == pytest.approx(total24 / 1e6) and c16.status == "other measure"
    assert c21.value == pytest.approx(100 * (total24 / total20 - 1)) and c21.status == "other measure"


# --- derived years and directions (no typed years in the prose) -------------------------------------


def _raw_annual_autos_jobs() -> pd.Series:
    """Annual averages of the raw FRED motor vehicle and parts series, full years only (thousands)."""
    a = pd.read_csv(registry.fetch(autos.AUTOS_JOBS), parse_dates=["date"])
    g = a.groupby(a["date"].dt.year)["value"]
    return g.mean()[g.size() == 12]


def _raw_us_production(raw_oica) -> pd.Series:
    """US production (pv + cv) per year from the raw files: the R package file (years whose US total is at least
    a million vehicles: the 2023 values lost their thousands separators) and the 2024 Wikipedia table."""
    us = raw_oica[raw_oica["code_iso_alpha3"] == "USA"].groupby("year")["n"].sum()
    us = us[us >= 1e6]
    raw24 = json.loads(registry.fetch(oica.KEY_2024).read_text())["data"]
    us.loc[2024] = raw24["United States"]["value"]
    return us


def test_jobs_trough_is_the_low_since_the_peak(numbers):
    ea = _raw_annual_autos_jobs()
    peak = ea.idxmax()
    after = ea[ea.index > peak]
    k = numbers
    assert (k["autos_jobs_peak_year"], k["autos_jobs_trough_year"]) == (peak, after.idxmin())
    assert k["autos_jobs_trough_k"] == pytest.approx(after.min())
    assert k["autos_jobs_first_year"] == ea.index.min() == 1990
    m = pd.read_csv(registry.fetch(autos.MANUF_JOBS), parse_dates=["date"])
    first = ea.index.min()
    share = 100 * ea[first] / m[m["date"].dt.year == first]["value"].mean()
    assert k["autos_jobs_share_first"] == pytest.approx(share)


def test_jobs_per_vehicle_rebound_from_raw(raw_oica, numbers):
    """The index's low, its high since the low, and the direction since that high, recomputed from raw."""
    jobs = _raw_annual_autos_jobs()
    us = _raw_us_production(raw_oica)
    jpv = (jobs.reindex(us.index) * 1000 / (us / 1000)).dropna()
    base = jpv.index.min()
    idx = 100 * jpv / jpv[base]
    low = idx.idxmin()
    high = idx[idx.index > low].idxmax()
    last = idx.index.max()
    k = numbers
    assert (k["autos_jpv_base_year"], k["autos_jpv_base"]) == (base, pytest.approx(jpv[base]))
    assert (k["autos_jpv_index_min_year"], k["autos_jpv_index_high_year"], k["autos_jpv_last_year"]) == (
        low, high, last)
    assert k["autos_jpv_index_high"] == pytest.approx(idx[high])
    assert k["autos_jpv_index_last"] == pytest.approx(idx[last])
    assert k["autos_jpv_last"] == pytest.approx(jpv[last])
    assert k["autos_jpv_since_high"] == ("has eased since" if idx[last] < idx[high] else "has held since")
    # the published CSV's story: low 2013, high 2021, lower in 2024
    assert (low, high, last) == (2013, 2021, 2024) and k["autos_jpv_since_high"] == "has eased since"
    # the prose's explanation of the rebound: output fell from its peak while employment held up
    out_peak = us[us.index <= high].idxmax()
    assert k["autos_jpv_output_peak_year"] == out_peak and us[high] < us[out_peak]
    assert k["autos_jpv_jobs_held"] == ("held up" if jobs[high] >= jobs[out_peak] else "fell less") == "held up"


def test_jobs_per_vehicle_rebound_rule_on_hand_made_frames():
    j = pd.DataFrame({"year": [2000, 2001, 2002, 2003], "jobs": [10.0, 9.0, 9.5, 9.8],
                      "vehicles": [100.0, 120.0, 110.0, 100.0]}).set_index("year")
    j["index"] = [100.0, 80.0, 95.0, 90.0]
    r = autos.jpv_turning_points(j)
    assert (r["index_min_year"], r["index_high_year"], r["since_high"]) == (2001, 2002, "has eased since")
    assert r["output_peak_year"] == 2001 and r["jobs_held"] == "held up"
    assert (r["index_peak_year"], r["drop_why"]) == (2000, "as output grew while payrolls shrank")
    j.loc[2003, "index"] = 99.0
    r = autos.jpv_turning_points(j)
    assert r["index_high_year"] == 2003 and r["since_high"].startswith("is at that high in 2003")
    # a later record of output does not become the peak the rebound is explained by
    j.loc[2004] = {"jobs": 9.0, "vehicles": 500.0, "index": 85.0}
    assert autos.jpv_turning_points(j)["output_peak_year"] == 2001


def test_why_the_jobs_per_vehicle_index_moved():
    j = pd.DataFrame({"jobs": [10.0, 8.0, 12.0, 9.0], "vehicles": [100.0, 50.0, 110.0, 120.0],
                      "index": [100.0, 160.0, 109.0, 75.0]}, index=[2000, 2001, 2002, 2003])
    assert autos._why_index_moved(j, 2000, 2001) == "when output fell faster than payrolls"
    assert autos._why_index_moved(j, 2001, 2002) == "as output recovered faster than hiring"
    assert autos._why_index_moved(j, 2002, 2003) == "as output grew while payrolls shrank"
    j2 = pd.DataFrame({"jobs": [10.0, 12.0], "vehicles": [100.0, 105.0], "index": [100.0, 114.0]}, index=[0, 1])
    assert autos._why_index_moved(j2, 0, 1) == "when payrolls grew faster than output"


def test_jobs_per_vehicle_peak_from_raw(raw_oica, numbers):
    """The index's spike before its low (the crash year with the mirror's files) and why it rose, from raw."""
    jobs = _raw_annual_autos_jobs()
    us = _raw_us_production(raw_oica)
    jpv = (jobs.reindex(us.index) * 1000 / (us / 1000)).dropna()
    idx = 100 * jpv / jpv.iloc[0]
    low = idx.idxmin()
    peak = idx[idx.index < low].idxmax()
    prev = idx.index[idx.index < peak].max()
    k = numbers
    assert (k["autos_jpv_index_peak_year"], k["autos_jpv_index_peak"]) == (peak, pytest.approx(idx[peak]))
    assert us[peak] < us[prev] and k["autos_jpv_peak_why"] == "when output fell faster than payrolls"
    assert peak == 2009


def test_usmca_claim_compares_its_year_and_the_text_gives_the_latest(numbers):
    raw = read_excel(registry.fetch("census_enduse_imports_by_country_2016-2025.xlsx"), sheet_name="EnduseImp")
    both = raw[raw["CTY_CODE"].isin([2010, 1220])]
    group3 = both["END_USE"].between(30000, 39999)
    cols = sorted(c for c in raw.columns if str(c).startswith("value_"))
    share = {2000 + int(c[-2:]): 100 * both.loc[group3, c].sum() / both[c].sum() for c in cols}
    last = max(share)
    k = numbers
    assert (k["autos_trade_first_year"], k["autos_trade_last_year"]) == (min(share), last)
    assert k["autos_share_usmca_last"] == pytest.approx(share[last])
    year = k["autos_usmca_claim_year"]
    assert year == 2024 < last, "the report (2025) can describe 2024 at the latest"
    assert k["autos_share_usmca_claim_year"] == pytest.approx(share[year])
    assert k["autos_share_usmca_change"] == ("down from" if round(share[last], 1) < round(share[year], 1)
                                             else "up from" if round(share[last], 1) > round(share[year], 1)
                                             else "the same as")
    c = next(c for c in autos.claims() if "USMCA trade" in c.claim)
    assert c.value == pytest.approx(share[year])
    assert f"{year}, not the latest year ({last})" in c.basis and "gives no year" in c.basis
    assert f"In {last}, the latest year, the share was {share[last]:.1f}%" in c.reason


def test_coverage_years_come_from_the_raw_files(raw_oica, numbers):
    k = numbers
    assert (k["autos_oica_file_first"], k["autos_oica_file_last"]) == (raw_oica["year"].min(), raw_oica["year"].max())
    doc = json.loads(registry.fetch(oica.KEY_2024).read_text())
    assert str(k["autos_oica_table_year"]) in doc["title"]
    assert k["autos_prod_first_year"] == raw_oica["year"].min()


def test_source_lines_follow_the_table(raw_oica):
    from northam.figures import autos as figures

    us = _raw_us_production(raw_oica)
    from_file = us.index[us.index != 2024]
    expected = (f"OICA production statistics via the 'oica' R package ({from_file.min()}–{from_file.max()}) and "
                "via Wikipedia's OICA table (2024, US/Mexico/Canada only)")
    assert figures.oica_source(autos.production(), list(autos.NA)) == expected
    assert figures.oica_source(autos.production_shares(), ["share_MEX"]) == expected
    cut = autos.production()
    cut = cut[cut["year"] <= 2015]
    assert figures.oica_source(cut, list(autos.NA)) == "OICA production statistics via the 'oica' R package (2006–2015)"
    assert figures.census_source(autos.auto_imports()["year"]).endswith(", 2016–2025")
    assert figures.census_source([2018, 2019, 2020], " (group 3)") == (
        "US Census Bureau, End-Use imports by country (group 3), 2018–2020")


# --- latest years, directions and the report's year, from the raw files -------------------------------------


def _raw_na_totals(raw_oica) -> pd.DataFrame:
    """Year x (USA, MEX, CAN) production from the raw files: the R package file where both types of a country are
    at least 1,000 vehicles (lost thousands separators leave a few hundred), and the Wikipedia table's year."""
    na = raw_oica[raw_oica["code_iso_alpha3"].isin(["USA", "MEX", "CAN"])]
    good = na.groupby(["year", "code_iso_alpha3"])["n"].agg(lambda v: v.sum() if len(v) == 2 and v.min() >= 1000
                                                             else np.nan)
    wide = good.unstack()
    doc = json.loads(registry.fetch(oica.KEY_2024).read_text())
    year = int(doc["title"].split()[-1])
    wide.loc[year] = [doc["data"][n]["value"] for n in ("Canada", "Mexico", "United States")]
    return wide[["USA", "MEX", "CAN"]].sort_index()


def test_production_years_shares_and_directions_from_raw(raw_oica, numbers):
    w = _raw_na_totals(raw_oica).dropna()
    first, last = int(w.index.min()), int(w.index.max())
    share = 100 * w.div(w.sum(axis=1), axis=0)
    k = numbers
    assert (k["autos_prod_first_year"], k["autos_prod_last_year"]) == (first, last) == (2006, 2024)
    assert k["autos_total_last_m"] == pytest.approx(w.loc[last].sum() / 1e6)
    assert k["autos_total_crisis_m"] == pytest.approx(w.loc[autos.CRISIS_YEAR].sum() / 1e6)
    for iso in ("MEX", "CAN"):
        a, b = share.loc[first, iso], share.loc[last, iso]
        assert k[f"autos_{iso.lower()}_share_last"] == pytest.approx(b)
        assert k[f"autos_{iso.lower()}_share_dir"] == ("rose" if b > a else "fell")
    assert (k["autos_mex_share_dir"], k["autos_can_share_dir"]) == ("rose", "fell")


def test_the_crisis_year_is_the_low_of_the_crash(raw_oica):
    """The named event years are context, but the chart marks them on the data: the crash year is the lowest
    output of the years around the 2008-09 crisis, and the pandemic year is below the year before it."""
    total = _raw_na_totals(raw_oica).dropna().sum(axis=1)
    assert total.loc[2007:2011].idxmin() == autos.CRISIS_YEAR
    assert total.loc[autos.PANDEMIC_YEAR] < total.loc[autos.PANDEMIC_YEAR - 1]


def test_growth_word_follows_the_sign(monkeypatch):
    p = autos.production().copy()
    p.loc[p["year"] == autos.PANDEMIC_YEAR, "total"] = 2 * p["total"].max()
    monkeypatch.setattr(autos, "production", lambda: p)
    k = autos._production_numbers()
    assert k["growth_last_vs_pandemic_word"] == "fewer"
    assert k["growth_last_vs_pandemic_pct"] < 0 < k["growth_last_vs_pandemic_abs_pct"]


def test_report_year_status_and_table_years_from_raw(raw_oica, numbers):
    w = _raw_na_totals(raw_oica)
    rep = autos.REPORT_PROD_YEAR
    assert w.loc[rep].isna().all(), "every value of the report's year is corrupt in the mirror's file"
    before = int(w.loc[:rep - 1].dropna().index.max())
    last = int(w.dropna().index.max())
    k = numbers
    assert k["autos_report_prod_status"] == f"cannot be rebuilt: every {rep} value in the open OICA file is corrupt"
    assert k["autos_report_table_years"] == f"{autos.PANDEMIC_YEAR}, {before} and {last}" == "2020, 2022 and 2024"
    t = autos.production_around_2023()
    assert list(t["year"]) == [str(y) for y in (autos.PANDEMIC_YEAR, before, rep, last)]
    c16 = autos.claims()[0]
    assert f"so the value is {last}'s ({before}: " in c16.reason and c16.basis.endswith(f"{last} (OICA)")


def test_jobs_directions_from_raw(numbers):
    ea = _raw_annual_autos_jobs()
    m = pd.read_csv(registry.fetch(autos.MANUF_JOBS), parse_dates=["date"])
    g = m.groupby(m["date"].dt.year)["value"]
    manuf = g.mean()[g.size() == 12]
    first, last = ea.index.min(), ea.index.max()
    k = numbers
    a = 100 * (ea[last] / ea[first] - 1)
    b = 100 * (manuf[last] / manuf[first] - 1)
    assert k["autos_jobs_autos_change_pct"] == pytest.approx(abs(a))
    assert k["autos_jobs_manuf_change_pct"] == pytest.approx(abs(b))
    assert (k["autos_jobs_autos_dir"], k["autos_jobs_manuf_dir"]) == ("rose" if a > 0 else "fell",
                                                                      "rose" if b > 0 else "fell")
    share_up = ea[last] / manuf[last] > ea[first] / manuf[first]
    assert k["autos_jobs_share_dir"] == ("rose" if share_up else "fell") == "rose"
    assert k["autos_jobs_ustr_year_k"] == pytest.approx(ea[autos.USTR_JOBS_YEAR])


def test_import_leader_followers_and_direction_from_raw(numbers):
    from northam.figures import autos as figures

    raw = read_excel(registry.fetch("census_enduse_imports_by_country_2016-2025.xlsx"), sheet_name="EnduseImp")
    group3 = raw[raw["END_USE"].between(30000, 39999)]
    codes = {"MEX": 2010, "CAN": 1220, "JPN": 5880, "KOR": 5800, "DEU": 4280, "CHN": 5700}
    cols = sorted(c for c in raw.columns if str(c).startswith("value_"))
    d = pd.DataFrame({iso: [group3.loc[group3["CTY_CODE"] == code, c].sum() / 1e9 for c in cols]
                      for iso, code in codes.items()}, index=[2000 + int(c[-2:]) for c in cols])
    leaders = d.idxmax(axis=1)
    assert (leaders == "MEX").all()
    assert figures.largest_partner_text(d) == "Mexico is largest every year"
    d2 = d.copy()
    d2.loc[d2.index[0], "CAN"] = 1e6
    assert figures.largest_partner_text(d2) == f"Mexico is largest in {len(d) - 1} of the {len(d)} years"
    last = d.iloc[-1].sort_values(ascending=False)
    text = figures._followers(d.iloc[-1])
    assert text.startswith(f"Mexico ({last.iloc[0]:.0f} billion) leads, followed by Canada ({last['CAN']:.0f}),")
    k = numbers
    expected = "up from" if round(d["MEX"].iloc[-1]) > round(d["MEX"].iloc[0]) else "down from"
    assert k["autos_imp_mex_change"] == expected == "up from"


def test_the_wikipedia_tables_year_comes_from_its_title(tmp_path):
    raw = json.loads(registry.fetch(oica.KEY_2024).read_text())
    assert oica.table_year(raw) == 2024
    assert set(oica.production_2024()["year"]) == {2024}
    later = dict(raw, title="Motor Vehicle Production by Country in 2025",
                 description="Total number of motor vehicles produced by country in 2025")
    path = tmp_path / "oica.json"
    path.write_text(json.dumps(later))
    assert set(oica.production_2024(path=path)["year"]) == {2025}
    for title in ("Motor vehicle production by country", "Production in 2024 and 2025"):
        path.write_text(json.dumps(dict(raw, title=title, description="")))
        with pytest.raises(SchemaError, match="one year"):
            oica.production_2024(path=path)


def test_trend_words_agree_with_the_fits(numbers):
    t = autos.mexico_share_trend()
    k = numbers
    step_wins = t["aic_step"] < t["aic_linear"]
    assert k["autos_trend_step_better"] == ("better" if step_wins else "worse")
    assert k["autos_trend_steady_clause"].startswith("But") == step_wins
    assert autos.TREND_START == autos.CRISIS_YEAR + 1 == k["autos_trend_first"]
