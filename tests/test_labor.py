"""Labor chapter: key numbers against values computed independently from the raw files; claims statuses."""

from __future__ import annotations

import pandas as pd
import pytest

from northam import registry
from northam.analysis import labor
from northam.sources import dhs, statedept
from raw import sheet_rows


@pytest.fixture(scope="module")
def numbers():
    return labor.key_numbers()


def _niv_mexico(sheet: str, headers: tuple[str, ...]) -> float:
    rows = sheet_rows(registry.fetch(statedept.KEY), sheet)
    col = next(i for i, h in enumerate(rows[0]) if h in headers)
    return float(next(r for r in rows if r[0] == "Mexico")[col])


def test_h2a_visas_to_mexicans_in_two_fiscal_years(numbers):
    assert numbers["labor_base_fy"] == 2010, "the reports' index base"
    assert numbers["labor_h2a_base"] == _niv_mexico("FY10", ("H-2A",))
    assert numbers["labor_h2a_last"] == _niv_mexico("FY24", ("H2A",))
    assert numbers["labor_h2a_change"] == ("rose" if _niv_mexico("FY24", ("H2A",)) > _niv_mexico("FY10", ("H-2A",))
                                           else "fell")
    assert numbers["labor_h1b_vs_base"] == ("below" if _niv_mexico("FY24", ("H1B",)) < _niv_mexico("FY10", ("H-1B",))
                                            else "above")
    assert numbers["labor_visa_last_fy"] == 2024
    assert numbers["labor_tn_last"] == _niv_mexico("FY24", ("TN",))
    assert numbers["labor_tntd_last"] == _niv_mexico("FY24", ("TN",)) + _niv_mexico("FY24", ("TD",))


def test_index_is_2010_based():
    idx = labor.visa_index()
    assert (idx.loc[2010] == 100).all()
    lv = labor.visas_mexico()
    assert idx.loc[2023, "TN"] == pytest.approx(lv.loc[2023, "TN"] / lv.loc[2010, "TN"] * 100)


def test_border_patrol_encounters_of_mexicans(numbers):
    raw = pd.read_excel(registry.fetch(dhs.USBP_KEY), sheet_name="Annual Rgn and Citp")
    raw.columns = ["fy", "region", "cit", "q"]
    sw = raw[raw["region"] == "Southwest Land Border"]
    assert numbers["labor_enc_last_fy"] == 2024, "FY2025 holds two months only and is left out"
    mex = sw[(sw["cit"] == "Mexico") & (sw["fy"] <= 2024)].groupby("fy")["q"].sum()
    share = mex / sw[sw["fy"] <= 2024].groupby("fy")["q"].sum() * 100
    assert numbers["labor_enc_first_fy"] == mex.index.min() == 2000
    assert numbers["labor_enc_first"] == mex.iloc[0] and numbers["labor_enc_share_first"] == pytest.approx(share.iloc[0])
    assert (numbers["labor_enc_min_fy"], numbers["labor_enc_min"]) == (mex.idxmin(), mex.min())
    t42 = mex.loc[2020:2023]  # Title 42: March 2020 (FY2020) to May 2023 (FY2023)
    assert (numbers["labor_enc_t42_peak_fy"], numbers["labor_enc_t42_peak"]) == (t42.idxmax(), t42.max())
    assert numbers["labor_enc_share_change"] == ("fell" if share.iloc[-1] < share.iloc[0] else "rose")
    share = sw[(sw["fy"] == 2024) & (sw["cit"] == "Mexico")]["q"].sum() / sw[sw["fy"] == 2024]["q"].sum() * 100
    assert numbers["labor_enc_share_last"] == pytest.approx(share)
    enc = labor.encounters_mexicans()
    assert enc["cbp_mexico"].first_valid_index() == 2022


def test_asylum_and_demography_numbers(numbers):
    assert numbers["labor_asylum_2021"] == pytest.approx(131418)
    assert numbers["labor_median_mex_last"] == 29.0
    raw = pd.read_csv(registry.fetch("owid_unwpp2022_population_by_age_group.csv")).set_index("Country")
    mex = raw.loc["Mexico"]
    assert numbers["labor_wa_mex"] == pytest.approx((mex["15-24 years"] + mex["25-64 years"]) / mex["Total"] * 100,
                                                    rel=1e-6)
    assert "117,052 in January–July 2021" in numbers["labor_segob_events_by_year"]


def test_stl_trend_interval_brackets_trend():
    d = labor.decompose_encounters()
    assert (d["uc_low"] <= d["uc_trend"]).all() and (d["uc_trend"] <= d["uc_high"]).all()
    assert len(d) == d["observed"].notna().sum()


def test_glue_keys_are_prefixed_and_formattable(numbers):
    for key, value in numbers.items():
        assert key.startswith("labor_")
        assert value is not None and not (isinstance(value, float) and pd.isna(value)), key


def test_every_glued_name_on_the_page_is_a_key_number(numbers):
    from page_text import check_glued_names

    check_glued_names("labor", numbers)


def test_tables_behind_the_charts():
    d = labor.visa_levels_and_index()
    assert (d.loc[2010, [f"{c}_index" for c in labor.VISA_CLASSES]] == 100).all()
    assert d.loc[2024, "TN"] == labor.visas_mexico().loc[2024, "TN"]
    a = labor.asylum_and_hosted()
    assert a.filter(like="apps_mex_").loc[2021].sum() == pytest.approx(labor.asylum_total("MEX").loc[2021])
    s = labor.encounters_seasonality()
    assert set(s["panel"]) == {"monthly", "seasonal profile"}
    assert (s.loc[s["panel"] == "seasonal profile"].groupby("span").size() == 12).all()
    m = labor.mexican_born_table()
    assert m.loc[2010, "reported_acs_million"] == 11.7 and m.loc[2021, "reported_acs_million"] == 10.7


def _undesa_total(dest: str) -> pd.Series:
    """Migrants living in ``dest`` by year: the raw UN DESA matrix summed over its origin columns ('..' = none)."""
    raw = pd.read_csv(registry.fetch("undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv"), dtype=str)
    rows = raw[raw["Dest"] == dest].set_index("Year").drop(columns=["Dest", dest], errors="ignore")
    vals = rows.apply(lambda col: pd.to_numeric(col.str.replace(",", ""), errors="coerce"))
    out = vals.sum(axis=1)
    out.index = out.index.astype(int)
    return out


def test_immigrant_stocks_match_raw_undesa():
    mex, usa = _undesa_total("Mexico"), _undesa_total("United States of America")
    assert max(mex.index) == 2019
    claims = {c.claim: c for c in labor.claims()}
    c = claims["About 1.2 million immigrants lived in Mexico in 2020"]
    assert c.value == pytest.approx(mex.loc[2019] / 1e6) and c.status == "other measure"
    c = claims["The immigrant population of Mexico grew by 20 percent since 2015"]
    assert c.value == pytest.approx(100 * (mex.loc[2019] / mex.loc[2015] - 1)) and c.status == "other measure"
    c = claims["45.3 million immigrants lived in the United States (2021)"]
    assert c.value == pytest.approx(usa.loc[2019] / 1e6) and c.status == "other measure"
    raw = pd.read_csv(registry.fetch("undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv"), dtype=str)
    mx_in_us = raw[(raw["Dest"] == "United States of America") & (raw["Year"] == "2019")]["Mexico"].iloc[0]
    c = claims["About 10.7 million Mexican immigrants lived in the US in 2021"]
    assert c.value == pytest.approx(float(mx_in_us.replace(",", "")) / 1e6) and c.status == "other measure"


def test_inm_daily_events_match_raw_segob():
    from northam.sources import segob

    year = max(segob.FILES)
    raw = pd.read_excel(registry.fetch(segob.FILES[year]))
    filled = [m for m in segob.MONTHS if m in raw.columns and raw[m].notna().any()]
    assert filled == list(segob.MONTHS[:len(filled)])  # the year's months with data are its first ones
    events = float(raw[filled].to_numpy().sum())
    days = sum(pd.Period(f"{year}-{i + 1:02d}").days_in_month for i in range(len(filled)))
    c = next(x for x in labor.claims() if x.claim == "INM apprehends about 1,500 migrants a day in 2023")
    assert c.value == pytest.approx(events / days) and c.status == "other measure"
    assert f"{events:,.0f} events / {days} days" in c.basis


# --------------------------------------------------------------------------------------------------
# Monthly Border Patrol series: DHS workbook, then CBP's later months (read here from the raw files)

_FISCAL = ["October", "November", "December", "January", "February", "March", "April", "May", "June", "July",
           "August", "September"]


def _month(fy: int, name: str) -> pd.Timestamp:
    """Calendar month of a fiscal year's month (October-December belong to the previous calendar year)."""
    cal = (_FISCAL.index(name) + 9) % 12 + 1
    return pd.Timestamp(year=fy - (cal >= 10), month=cal, day=1)


def _raw_dhs_monthly() -> pd.Series:
    raw = pd.read_excel(registry.fetch(dhs.USBP_KEY), sheet_name="Monthly Rgn and Citp", engine="calamine")
    raw.columns = ["fy", "month", "region", "cit", "q"]
    raw = raw[(raw["region"] == "Southwest Land Border") & (raw["cit"] == "Mexico")]
    dates = [_month(int(fy), str(m).split(" ", 1)[1].strip()) for fy, m in zip(raw["fy"], raw["month"], strict=True)]
    out = raw.assign(date=dates).groupby("date")["q"].sum().astype(float)
    return out.set_axis(out.index.astype("datetime64[ns]"))


def _raw_cbp_usbp_monthly() -> pd.Series:
    raw = pd.read_csv(registry.fetch(dhs.CBP_KEY), dtype=str)
    raw = raw[(raw["Component"] == "U.S. Border Patrol") & (raw["Citizenship Grouping"] == "Mexico")]
    names = {n[:3].upper(): n for n in _FISCAL}
    dates = [_month(int(fy[:4]), names[m]) for fy, m in zip(raw["Fiscal Year"], raw["Month (abbv)"], strict=True)]
    out = raw.assign(date=dates, n=raw["Encounter Count"].astype(float)).groupby("date")["n"].sum()
    return out.set_axis(out.index.astype("datetime64[ns]"))


def test_monthly_series_appends_cbp_months_after_the_dhs_series(numbers):
    d, c = _raw_dhs_monthly(), _raw_cbp_usbp_monthly()
    both = d.index.intersection(c.index)
    assert len(both) >= 12 and (d[both] - c[both]).abs().max() <= 5, "the files agree to DHS's rounding"
    m = labor.monthly_mexicans_by_source()
    old, new = m[m["source"] == "DHS OHSS"], m[m["source"] == "CBP"]
    assert old.index.max() == d.index.max() and new.index.min() == d.index.max() + pd.DateOffset(months=1)
    pd.testing.assert_series_equal(old["value"], d, check_names=False, check_freq=False)
    pd.testing.assert_series_equal(new["value"], c[c.index > d.index.max()], check_names=False, check_freq=False)
    assert m.index.max() == c.index.max() and len(m) == len(pd.date_range(m.index.min(), m.index.max(), freq="MS"))
    dec = labor.decompose_encounters()
    assert dec["source"].equals(m["source"]) and dec["observed"].equals(m["value"])
    later = c[c.index > d.index.max()]
    assert numbers["labor_stl_last_month"] == f"{c.index.max():%B %Y}"
    assert numbers["labor_monthly_dhs_last_month"] == f"{d.index.max():%B %Y}"
    assert numbers["labor_monthly_dhs_last"] == d.iloc[-1]
    assert numbers["labor_monthly_cbp_first"] == later.iloc[0] and numbers["labor_monthly_cbp_last"] == later.iloc[-1]
    assert numbers["labor_monthly_cbp_low"] == later.min()
    assert numbers["labor_monthly_cbp_low_month"] == f"{later.idxmin():%B %Y}"
    assert numbers["labor_monthly_cbp_months"] == len(later)
    assert numbers["labor_splice_months"] == len(both)
    assert numbers["labor_splice_max_diff"] == (d[both] - c[both]).abs().max()


@pytest.mark.parametrize("change", ["disagree", "short"])
def test_splice_is_refused_when_the_files_do_not_agree(monkeypatch, change):
    real = labor.cbp_usbp_monthly_mexicans()
    if change == "disagree":
        bad = real.copy()
        bad.iloc[5] += 100  # a month both files hold
    else:
        bad = real[real.index >= labor.dhs_monthly_mexicans().index.max() - pd.DateOffset(months=3)]
    monkeypatch.setattr(labor, "cbp_usbp_monthly_mexicans", lambda: bad)
    labor.monthly_mexicans_by_source.cache_clear()
    try:
        with pytest.raises(labor.SpliceError, match=fr"differ by \d+ in {real.index[5]:%B %Y}" if change == "disagree" else "share 4 months"):
            labor.monthly_mexicans_by_source()
    finally:
        labor.monthly_mexicans_by_source.cache_clear()


def test_trend_change_and_seasonal_spans(numbers):
    d = labor.decompose_encounters()
    before = d.index.max() - pd.DateOffset(years=1)
    assert numbers["labor_stl_year_before_month"] == f"{before:%B %Y}"
    assert numbers["labor_stl_trend_change_12m_pct"] == pytest.approx(
        (d["uc_trend"].iloc[-1] / d.loc[before, "uc_trend"] - 1) * 100)
    # the spans: the first and last ten fiscal years with all twelve months (fiscal year = calendar year + 1
    # from October), from the raw files
    months = _raw_dhs_monthly().index.union(_raw_cbp_usbp_monthly().index)
    fy = pd.Series(months.year + (months.month >= 10)).value_counts()
    full = sorted(fy.index[fy == 12])
    assert numbers["labor_stl_early_label"] == f"FY{full[0]}-FY{full[0] + 9}"
    assert numbers["labor_stl_late_label"] == f"FY{full[-1] - 9}-FY{full[-1]}"


def test_tn_peak_year_from_the_raw_sheets(numbers):
    tn = {2000 + int(s[2:]): _niv_mexico(s, ("TN",)) for s in [f"FY{y:02d}" for y in range(10, 25)]}
    peak = max(tn, key=tn.get)
    assert numbers["labor_tn_peak_fy"] == peak and numbers["labor_tn_peak"] == tn[peak]
    assert numbers["labor_tn_index_peak"] == pytest.approx(tn[peak] / tn[2010] * 100)
    assert numbers["labor_tn_fall_from_peak_pct"] == pytest.approx((1 - tn[2024] / tn[peak]) * 100)


def test_h2_rank_claim_uses_the_latest_sheet():
    rows = sheet_rows(registry.fetch(statedept.KEY), "FY24")
    ia, ib = rows[0].index("H2A"), rows[0].index("H2B")
    h2 = {r[0]: (r[ia] or 0) + (r[ib] or 0) for r in rows[1:] if r[0] and "total" not in str(r[0]).lower()}
    c = next(x for x in labor.claims() if x.claim == "No other nationality receives as many H-2 visas as Mexico")
    assert "FY2024" in c.basis
    assert c.value == 1 and max(h2, key=h2.get) == "Mexico" and c.status == "reproduced"


def test_immigrant_share_claim_is_not_scored_on_the_reports_own_figure():
    c = next(x for x in labor.claims() if x.claim == "Immigrants are 1 percent of Mexico's population (2020)")
    assert c.status == "other measure"
    mex = _undesa_total("Mexico")
    assert c.value * labor._conapo(2019) / 100 == pytest.approx(mex.loc[2019])


def test_seasonal_peak_and_trough_months(numbers):
    prof = labor.seasonal_profile()
    early, late = prof.columns
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    for span, col in (("early", early), ("late", late)):
        assert numbers[f"labor_stl_peak_month_{span}"] == names[prof[col].idxmax() - 1]
        assert numbers[f"labor_stl_trough_month_{span}"] == names[prof[col].idxmin() - 1]
        assert numbers[f"labor_stl_trough_{span}"] == -prof[col].min()


def test_coverage_years_and_peaks_from_the_raw_files(numbers):
    """The years the page types nowhere: from the raw files, without the loaders."""
    from python_calamine import CalamineWorkbook

    sheets = CalamineWorkbook.from_path(str(registry.fetch(statedept.KEY))).sheet_names
    fys = [2000 + int(s[2:]) if int(s[2:]) < 50 else 1900 + int(s[2:]) for s in sheets if s[:2] == "FY"]
    assert (numbers["labor_niv_first_fy"], numbers["labor_visa_last_fy"]) == (min(fys), max(fys)) == (1997, 2024)
    age = pd.read_csv(registry.fetch("owid_unwpp2022_median_age.csv"))
    mex = age[age["Country"] == "Mexico"].set_index("Year")["Median age"]
    assert (numbers["labor_median_first_year"], numbers["labor_median_last_year"]) == (mex.index.min(), mex.index.max())
    assert numbers["labor_median_mex_first"] == mex.iloc[0]
    assert numbers["labor_median_mex_change"] == ("rose" if mex.iloc[-1] > mex.iloc[0] else "fell")
    raw = pd.read_csv(registry.fetch("undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv"), dtype=str)
    us = raw[raw["Dest"] == "United States of America"].set_index("Year")["Mexico"]
    us = us.str.replace(",", "").astype(float).set_axis(us.index.astype(int)).sort_index()
    assert (numbers["labor_stock_first_year"], numbers["labor_stock_peak_year"], numbers["labor_stock_last_year"]) == (
        us.index.min(), us.idxmax(), us.index.max())
    assert numbers["labor_stock_peak_m"] == pytest.approx(us.max() / 1e6)


def test_asylum_peak_and_left_out_years_from_the_raw_file(numbers):
    import pyreadr

    from northam.sources import unhcr

    raw = pyreadr.read_r(str(registry.fetch(unhcr.APPLICATIONS_KEY)))["asylum_applications"]
    mex = raw[raw["coa_iso"] == "MEX"].groupby("year")["applied"].sum()
    span = mex.loc[2013:2024]
    assert (numbers["labor_asylum_peak_year"], numbers["labor_asylum_peak"]) == (span.idxmax(), span.max())
    assert numbers["labor_asylum_first"] == mex.loc[2013]
    later = sorted(int(y) for y in mex.index if y > 2024)  # rows the chapter leaves out (mid-year figures)
    assert numbers["labor_asylum_dropped_years"] == (str(later[0]) if len(later) == 1 else f"{later[0]}–{later[-1]}")
    assert numbers["labor_asylum_last_change"] == ("fell" if mex.loc[2024] < span.max() else "stayed")


def test_segob_years_and_the_reports_missing_years_from_the_raw_files(numbers):
    from northam.sources import segob

    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    periods, totals = [], {}
    for year in sorted(segob.FILES):
        raw = pd.read_excel(registry.fetch(segob.FILES[year]))
        filled = [m for m in segob.MONTHS if m in raw.columns and raw[m].notna().any()]
        periods.append(str(year) if len(filled) == 12 else f"January–{names[len(filled) - 1]} {year}")
        totals[year] = raw[filled].to_numpy().sum()
    assert numbers["labor_segob_coverage"] == ", ".join(periods[:-1]) + " and " + periods[-1]
    assert numbers["labor_segob_events_by_year"].startswith(f"{totals[min(totals)]:,.0f} in {min(totals)}, ")
    missing = [y for y in range(2014, 2024) if y not in segob.FILES]
    assert numbers["labor_segob_missing_years"] == "2014–2018 and 2022–2023" and missing == [
        *range(2014, 2019), 2022, 2023]


def test_months_either_side_of_the_end_of_title_42(numbers):
    d = _raw_dhs_monthly()
    before, after = d[pd.Timestamp("2023-04-01")], d[pd.Timestamp("2023-06-01")]
    assert (numbers["labor_t42_before_month"], numbers["labor_t42_after_month"]) == ("April 2023", "June 2023")
    assert (numbers["labor_t42_before"], numbers["labor_t42_after"]) == (before, after)
    assert numbers["labor_t42_change_noun"] == ("fall" if after < before else "rise")
    prof = labor.seasonal_profile()
    early, late = prof.columns
    wider = prof[late].max() - prof[late].min() > prof[early].max() - prof[early].min()
    assert numbers["labor_stl_season_change"] == ("grown" if wider else "flattened")


def test_age_shares_from_the_raw_file(numbers):
    raw = pd.read_csv(registry.fetch("owid_unwpp2022_population_by_age_group.csv")).set_index("Country")
    young = {c: (raw.loc[c, "0-4 years"] + raw.loc[c, "5-14 years"]) / raw.loc[c, "Total"] * 100
             for c in ("Mexico", "United States", "Canada")}
    wa = {c: (raw.loc[c, "15-24 years"] + raw.loc[c, "25-64 years"]) / raw.loc[c, "Total"] * 100 for c in young}
    assert numbers["labor_young_mex"] == pytest.approx(young["Mexico"], rel=1e-6)
    assert numbers["labor_young_can"] == pytest.approx(young["Canada"], rel=1e-6)
    assert numbers["labor_wa_spread"] == pytest.approx(max(wa.values()) - min(wa.values()), rel=1e-6)
