"""Water and energy chapter: loaders (quirks refused or dropped), drought aggregation, key numbers checked
against the raw files read independently (plain pandas / openpyxl / xlrd), claim statuses."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
import xlrd

from northam import registry
from northam.schemas import SchemaError
from northam.sources import aquastat, conagua, energy

# --------------------------------------------------------------------------------------------------
# AQUASTAT / OWID water stress


def test_water_stress_schema_and_aggregates():
    df = aquastat.water_stress()
    assert {"iso3", "year", "value", "unit", "source", "entity"} <= set(df.columns)
    assert set(df["unit"]) == {"percent of available freshwater"}
    assert df.loc[df["entity"] == "World", "iso3"].isna().all()
    assert df.loc[df["entity"] == "Mexico", "iso3"].eq("MEX").all()


def test_water_stress_2021_matches_raw_file(raw_path):
    raw = pd.read_csv(raw_path(aquastat.OWID_STRESS))
    col = [c for c in raw.columns if c.startswith("Level of water stress")][0]
    from northam.analysis import water

    s = water.water_stress()
    for entity, iso in [("Mexico", "MEX"), ("United States", "USA"), ("Canada", "CAN"), ("World", "WLD")]:
        expected = raw[(raw["Entity"] == entity) & (raw["Year"] == 2021)][col].iloc[0]
        assert s.loc[2021, iso] == pytest.approx(expected, abs=1e-9)
    last = int(raw.loc[raw["Entity"] == "Mexico", "Year"].max())
    for entity, iso in [("Mexico", "MEX"), ("United States", "USA"), ("Canada", "CAN"), ("World", "WLD")]:
        expected = raw[(raw["Entity"] == entity) & (raw["Year"] == last)][col].iloc[0]
        assert water.key_numbers()[f"water_stress_{iso.lower()}_last"] == pytest.approx(expected, abs=1e-9)
    k = water.key_numbers()
    assert k["water_stress_last_year"] == last
    assert k["water_stress_mex_2021"] == pytest.approx(45.02, abs=1e-9)
    assert k["water_stress_usa_2021"] == pytest.approx(28.16, abs=1e-9)
    assert k["water_stress_can_2021"] == pytest.approx(3.72, abs=1e-9)


def test_owid_renamed_column_is_refused(raw_path):
    raw = pd.read_csv(raw_path(aquastat.OWID_STRESS)).head(20)
    broken = raw.rename(columns={aquastat.OWID_STRESS_COLUMN: "Water stress (%)"})
    with pytest.raises(SchemaError, match="Level of water stress"):
        aquastat.parse_owid_stress(broken)


def test_owid_text_value_is_refused(raw_path):
    raw = pd.read_csv(raw_path(aquastat.OWID_STRESS)).head(20).astype({aquastat.OWID_STRESS_COLUMN: object})
    raw.loc[3, aquastat.OWID_STRESS_COLUMN] = "n/a"
    with pytest.raises(SchemaError, match="Afghanistan"):
        aquastat.parse_owid_stress(raw)


def test_aquastat_periods_are_labelled():
    df = aquastat.ddf("agriculture")
    assert set(df["year"]) <= {y for y in range(1962, 2018) if y % 5 == 2} | {2018}
    mex = df[df["iso3"] == "MEX"].set_index("year")
    assert mex.loc[2017, "period"] == "2013-2017" and mex.loc[2018, "period"] == "2018"
    assert aquastat.period_label(2015) is None


def test_aquastat_pseudo_year_is_refused():
    raw = pd.DataFrame({"area": ["mex", "mex"], "year": [2017, 2015],
                        "agricultural_water_withdrawal_as_pct_of_total_water_withdrawal": [76.0, 75.0]})
    with pytest.raises(aquastat.AquastatPeriodError, match="'mex', year 2015"):
        aquastat.parse_ddf(raw, "agriculture")


def test_aquastat_impossible_share_is_dropped_with_a_warning(raw_path):
    with pytest.warns(aquastat.DroppedRowsWarning, match="brn 2007"):
        df = aquastat.ddf("municipal")
    assert df["value"].max() <= 100
    assert "BRN" not in set(df.loc[df["year"] == 2007, "iso3"])


def test_aquastat_renamed_column_is_refused():
    raw = pd.DataFrame({"area": ["mex"], "year": [2017], "agri_pct": [76.0]})
    with pytest.raises(SchemaError, match="agricultural_water_withdrawal"):
        aquastat.parse_ddf(raw, "agriculture")


def test_sector_shares_match_raw_and_sum_to_100(raw_path):
    from northam.analysis import water

    sec = water.withdrawals_by_sector().set_index("iso3")
    for name in aquastat.SECTORS:
        key, col, _ = aquastat.DDF[name]
        raw = pd.read_csv(raw_path(key))
        expected = raw[(raw["area"] == "mex") & (raw["year"] == 2018)][col].iloc[0]
        assert sec.loc["MEX", name] == pytest.approx(expected)
    assert sec[list(aquastat.SECTORS)].sum(axis=1).to_numpy() == pytest.approx([100, 100, 100], abs=0.01)


# --------------------------------------------------------------------------------------------------
# CONAGUA basins and runoff


@pytest.fixture(scope="module")
def basins_raw():
    from northam import registry

    return conagua.read_basins_csv(registry.fetch(conagua.BASINS))


def test_basins_quirks_are_handled(basins_raw):
    b = conagua.basins()
    raw = basins_raw.dropna(how="all")
    years = raw["year"].astype(int)
    # every row of the file but those of the years that repeat the previous year's table (2014, 2017-2019)
    assert len(b) == len(raw) - int(years.isin([2014, 2017, 2018, 2019]).sum())
    full = b[b["year"] >= 2016]
    assert sorted(full["year"].unique()) == [2016, 2020]
    assert full.groupby("year").size().eq(757).all()
    garbled = full[full["status"] == "deficit (garbled cell)"]
    assert garbled["value"].isna().all() and len(garbled) > 0
    assert full.loc[full["status"] == "not determined", "value"].isna().all()


def test_basin_text_cell_is_refused(basins_raw):
    raw = basins_raw.head(30).copy()
    raw.loc[5, "dma"] = "s/d"
    with pytest.raises(SchemaError, match=r"(?s)dma.*non-numeric value.*s/d.*basin"):
        conagua.parse_basins(raw)


def test_basin_renamed_column_is_refused(basins_raw):
    with pytest.raises(SchemaError, match="dma"):
        conagua.parse_basins(basins_raw.head(30).rename(columns={"dma": "disponibilidad"}))


def test_basin_counts_match_raw_file(raw_path):
    raw = pd.read_csv(raw_path(conagua.BASINS), sep=";", encoding="latin-1", usecols=range(9))
    raw = raw.dropna(subset=["year"])
    from northam.analysis import water

    st = water.basin_status_counts()
    for year in (2016, 2020):
        r = raw[raw["year"] == year]
        dma = pd.to_numeric(r["dma"], errors="coerce")
        garbled = r["dma"].astype(str).str.contains(r"^0\.0?-", regex=True)
        assert len(r) == 757
        assert st.loc[year, "no availability (incl. garbled deficits)"] == int((dma <= 0).sum() + garbled.sum())


def _raw_tables(raw_path) -> dict[int, pd.DataFrame]:
    """Each year's basin table as published (text cells, all columns but the year), rows in basin-key order:
    plain pandas, none of northam's code."""
    raw = pd.read_csv(raw_path(conagua.BASINS), sep=";", encoding="latin-1", dtype=str, usecols=range(9))
    raw = raw.dropna(how="all")
    cols = [c for c in raw.columns if c not in ("year", "n")]
    return {int(y): g[cols].assign(clv=g["clv"].astype(int)).sort_values("clv").reset_index(drop=True)
            for y, g in raw.groupby(raw["year"].astype(int))}


def test_repeated_basin_years_are_one_publication(raw_path):
    """The file prints the 2016 table again for 2017, 2018 and 2019 (and 2013's for 2014): the loader keeps
    the first year of each run, with the run's last year in ``repeated_through``; the chapter compares the
    distinct publications 2016 and 2020."""
    from northam.analysis import water

    tables = _raw_tables(raw_path)
    years = sorted(tables)
    repeats = [y for prev, y in zip(years, years[1:], strict=False) if tables[y].equals(tables[prev])]
    assert repeats == [2014, 2017, 2018, 2019]
    b = conagua.basins()
    assert sorted(b["year"].unique()) == [y for y in years if y not in repeats]
    through = b.groupby("year")["repeated_through"].agg(["min", "max"])
    assert (through["min"] == through["max"]).all()
    assert through.loc[2016, "max"] == 2019 and through.loc[2013, "max"] == 2014
    assert (through.drop([2013, 2016])["max"] == through.drop([2013, 2016]).index).all()
    st = water.basin_status_counts()
    assert list(st.index) == [2016, 2020] and list(st["repeated_through"]) == [2019, 2020]
    k = water.key_numbers()
    assert (k["water_basins_first_year"], k["water_basins_first_through"], k["water_basins_last_year"]) == (
        2016, 2019, 2020)


def _toy_basins(tables: dict[int, list[str]]) -> pd.DataFrame:
    """A raw basin table in the file's layout: two basins, one ``dma`` text cell per basin and year."""
    rows = []
    for year, dma in tables.items():
        for i, cell in enumerate(dma, start=1):
            rows.append({"n": str(i), "clv": str(i), "nom_cue": f"Basin {i}", "vmae": "10", "vaeas": "2",
                         "dma": cell, "a": "100", "year": str(year), "RHA": "VI Río Bravo"})
    return pd.DataFrame(rows, columns=conagua.BASIN_COLUMNS)


def test_repeated_years_on_a_hand_made_table():
    """2002 repeats 2001 and 2004 repeats 2003: folded into 2001 (through 2002) and 2003 (through 2004). 2005
    equals 2001 but not 2004, the year before it: a table coming back is a new publication, kept. A repeated
    '-' (not determined) is still a repeat."""
    raw = _toy_basins({2001: ["5", "-"], 2002: ["5", "-"], 2003: ["0", "3"], 2004: ["0", "3"],
                       2005: ["5", "-"]})
    out = conagua.parse_basins(raw)
    assert conagua.repeated_years(out) == {}  # nothing left to fold
    kept = out.drop_duplicates("year").set_index("year")["repeated_through"].to_dict()
    assert kept == {2001: 2002, 2003: 2004, 2005: 2005}
    assert len(out) == 6
    # one changed cell makes a year its own publication
    changed = _toy_basins({2001: ["5", "-"], 2002: ["5", "4"]})
    assert sorted(conagua.parse_basins(changed)["year"].unique()) == [2001, 2002]


def test_basin_rise_is_newly_assessed_basins(raw_path):
    """Like-for-like: among basins determined in both the 2016 and 2020 publications, those without
    availability fell; all of the rise in the count is basins not determined in 2016. Recomputed from the raw
    text cells ('-' not determined; a number <= 0 or a garbled deficit such as '0.-40' no availability)."""
    from northam.analysis import water

    tables = _raw_tables(raw_path)
    first, last = (tables[y].set_index("clv")["dma"].str.strip() for y in (2016, 2020))
    assert first.index.equals(last.index)

    def none(cell: pd.Series) -> pd.Series:
        number = pd.to_numeric(cell, errors="coerce")
        return (number <= 0) | (number.isna() & (cell != "-"))

    both = (first != "-") & (last != "-")
    newly = (first == "-") & (last != "-")
    k = water.key_numbers()
    assert k["water_basins_noavail_first"] == none(first).sum() == 82
    assert k["water_basins_noavail_last"] == none(last).sum() == 103
    assert k["water_basins_both_determined"] == both.sum()
    assert (k["water_basins_like_first"], k["water_basins_like_last"]) == ((none(first) & both).sum(),
                                                                           (none(last) & both).sum()) == (82, 78)
    assert k["water_basins_newly_determined"] == newly.sum() == 25
    assert k["water_basins_newly_noavail"] == (newly & none(last)).sum() == 25
    st = water.basin_status_counts()
    assert list(st[water.LIKE_FOR_LIKE]) == [82, 78] and list(st["no availability, other basins"]) == [0, 25]
    # Río Bravo in 2016: not determined, of its basins
    rha = tables[2016].set_index("clv")["RHA"].str.strip()
    bravo = rha == "VI Río Bravo"
    assert k["water_basins_undetermined_top_region"] == "VI Río Bravo"
    assert k["water_basins_undetermined_top_n"] == (bravo & (first == "-")).sum() == 25
    assert k["water_basins_undetermined_top_total"] == bravo.sum() == 59
    assert k["water_basins_undetermined_top_pct"] == pytest.approx(100 * 25 / 59)


def _published(monkeypatch, draw) -> dict:
    """The keyword arguments a figure function passes to ``charts.publish`` (nothing is written)."""
    import matplotlib.pyplot as plt

    from northam import charts

    seen = {}
    monkeypatch.setattr(charts, "publish", lambda fig, name, **kw: seen.update(kw, name=name))
    draw()
    plt.close("all")
    return seen


def test_surface_water_chart_states_the_like_for_like_count(monkeypatch):
    from northam.figures import water as figures

    out = _published(monkeypatch, figures.surface_water)
    assert "25 of the 59 basins of VI Río Bravo (42%) were not determined" in out["caption"]
    assert "2016 (the file repeats its table for 2017-2019) and 2020" in out["caption"]
    assert "most Río Bravo" not in out["caption"]
    assert "went from 82 to 78" in out["alt"] and "basins first determined in 2020 (all 25)" in out["alt"]


def test_runoff_matches_raw_file(raw_path):
    raw = pd.read_csv(raw_path(conagua.RUNOFF), encoding="utf-8")
    from northam.analysis import water

    tot = water.runoff_totals()
    exp = raw[raw["anio"] == 2019]
    assert tot.loc[2019, "runoff"] == pytest.approx(exp["EscurrimientoNaturalMedioSuperficialTotal"].sum())
    assert tot.loc[2019, "basins"] == 757


def test_runoff_region_names_are_decoded_as_utf8(raw_path):
    """The runoff file is UTF-8 (its notes say Latin-1): 'Pánuco', never the mojibake 'PÃ¡nuco'."""
    from northam.analysis import water
    from northam.text import find_mojibake

    assert b"P\xc3\xa1nuco" in raw_path(conagua.RUNOFF).read_bytes()  # the bytes really are UTF-8
    regions = set(conagua.runoff()["region"])
    assert {"Pánuco", "Costa de Michoacán", "Yucatán Norte", "Mapimí", "Armería-Coahuayana"} <= regions
    assert not [bad for r in regions for bad in find_mojibake(r)]
    chart = water.runoff_by_region()  # the table behind the runoff chart and its CSV
    assert "Pánuco" in chart.columns and not [bad for c in chart.columns for bad in find_mojibake(c)]


# --------------------------------------------------------------------------------------------------
# Drought monitor: aggregation on a hand-made table, and the loader's refusals


def _toy_drought():
    rows = []
    d1, d2 = pd.Timestamp("2020-01-31"), pd.Timestamp("2020-02-29")
    # state 2: four municipalities; state 26: two
    for date, cats in [(d1, ["none", "D0", "D2", "D4"]), (d2, ["D1", "D1", "D3", "none"])]:
        for i, c in enumerate(cats):
            rows.append({"date": date, "cve_ent": 2, "state": "BC", "cve_mun": 2001 + i, "category": c})
    for date, cats in [(d1, ["D2", "D2"]), (d2, ["none", "D0"])]:
        for i, c in enumerate(cats):
            rows.append({"date": date, "cve_ent": 26, "state": "SON", "cve_mun": 26001 + i, "category": c})
    rows.append({"date": d1, "cve_ent": 5, "state": "COA", "cve_mun": 5001, "category": "D4"})
    return pd.DataFrame(rows)


def test_state_drought_shares_on_a_hand_made_table():
    from northam.analysis import water

    out = water.state_drought_shares(_toy_drought(), {2: "Baja California", 26: "Sonora"})
    assert set(out["cve_ent"]) == {2, 26}  # Coahuila filtered out
    bc1 = out[(out["cve_ent"] == 2) & (out["date"] == "2020-01-31")].iloc[0]
    assert bc1["state"] == "Baja California" and bc1["municipalities"] == 4
    assert [bc1[c] for c in conagua.ALL_CATEGORIES] == [25, 25, 0, 25, 0, 25]
    assert bc1["drought"] == 50 and bc1["severe"] == 50
    son2 = out[(out["cve_ent"] == 26) & (out["date"] == "2020-02-29")].iloc[0]
    assert son2["none"] == 50 and son2["D0"] == 50 and son2["drought"] == 0
    cats = out[list(conagua.ALL_CATEGORIES)].sum(axis=1)
    assert cats.to_numpy() == pytest.approx([100] * len(out))


def test_pooled_drought_shares_weight_municipalities_equally():
    from northam.analysis import water

    out = water.pooled_drought_shares(_toy_drought(), {2: "BC", 26: "SON"})
    jan = out[out["date"] == "2020-01-31"].iloc[0]
    # six municipalities: D2, D4 in BC and D2, D2 in Sonora -> 4 of 6 severe or worse
    assert jan["municipalities"] == 6 and jan["severe"] == pytest.approx(400 / 6)


def _toy_sheet():
    return pd.DataFrame({
        "CVE_CONCATENADA": [2001, 2002], "CVE_ENT": [2, 2], "CVE_MUN": [1, 2], "NOMBRE_MUN": ["A", "B"],
        "ENTIDAD": ["Baja California"] * 2, "ORG_CUENCA": ["x"] * 2, "CLV_OC": [1, 1], "CON_CUENCA": ["y"] * 2,
        "CVE_CONC": [1, 1], pd.Timestamp("2021-01-15"): ["D1", None], pd.Timestamp("2021-01-31"): ["D4", "D0"],
    })


def test_drought_parser_on_a_small_sheet():
    out = conagua.parse_drought(_toy_sheet())
    assert len(out) == 4 and set(out["category"]) == {"D1", "none", "D4", "D0"}
    assert out.loc[out["category"] == "D4", "value"].iloc[0] == 5


def test_a_date_blank_in_every_municipality_is_a_month_without_a_monitor():
    """Blank means no drought in a municipality, but a date blank everywhere is a Monitor that was not issued:
    it is dropped, not read as no drought anywhere (the real file has two such dates, and then no month is
    missing from the tidy table's span but those two)."""
    sheet = _toy_sheet().assign(**{"2021-02-15": [None, None]})
    sheet = sheet.rename(columns={"2021-02-15": pd.Timestamp("2021-02-15")})
    out = conagua.parse_drought(sheet)
    assert set(out["date"]) == {pd.Timestamp("2021-01-15"), pd.Timestamp("2021-01-31")}
    from northam.analysis import water

    dates = pd.Series(conagua.drought_monitor()["date"].unique())
    assert pd.Timestamp("2003-08-31") not in set(dates) and pd.Timestamp("2004-02-29") not in set(dates)
    assert water.key_numbers()["water_drought_missing_months"] == "August 2003 or February 2004"
    monthly = water.border_drought_monthly()
    assert not ((monthly["drought"] == 0) & (monthly["D0"] == 0)).any(), "a month read as no drought anywhere"


def test_drought_unknown_category_is_refused():
    sheet = _toy_sheet()
    sheet[pd.Timestamp("2021-01-31")] = ["D5", "D0"]
    with pytest.raises(SchemaError, match=r"(?s)category.*D5.*2001"):
        conagua.parse_drought(sheet)


def test_drought_non_date_column_is_refused():
    sheet = _toy_sheet().rename(columns={pd.Timestamp("2021-01-15"): "quincena 1"})
    with pytest.raises(SchemaError, match="quincena"):
        conagua.parse_drought(sheet)


def test_drought_monitor_loaded_and_border_states():
    from northam.analysis import water

    d = water.border_drought()
    assert set(d["cve_ent"]) == set(conagua.BORDER_STATES)
    assert d.groupby("cve_ent")["municipalities"].first().to_dict() == {2: 5, 5: 38, 8: 67, 19: 51, 26: 72, 28: 43}
    apr = d[d["date"] == "2021-04-30"].set_index("cve_ent")
    assert apr.loc[8, "drought"] == 100 and apr.loc[26, "drought"] >= 98


def test_drought_trend_has_an_interval():
    from northam.analysis import water

    tr = water.drought_trend()
    assert tr["ci_low"] < tr["slope_per_decade"] < tr["ci_high"]
    assert tr["n_months"] > 200


# --------------------------------------------------------------------------------------------------
# Energy


def test_ei_mexico_2004_peak_matches_raw_workbook(raw_path):
    wb = openpyxl.load_workbook(raw_path(energy.EI), read_only=True, data_only=True)
    rows = list(wb["Crude+cond production - barrels"].iter_rows(values_only=True))
    wb.close()
    header = next(r for r in rows if r[0] == "Thousand barrels daily")
    mex = next(r for r in rows if r[0] == "Mexico")
    col = list(header).index(2004)
    from northam.analysis import water

    k = water.key_numbers()
    assert k["water_oil_peak_year"] == 2004
    assert k["water_oil_peak_kbd"] == pytest.approx(mex[col])
    years = [c for c in header[1:] if isinstance(c, int)]
    assert max(zip(mex[1:len(years) + 1], years, strict=True))[1] == 2004


def test_ei_text_cell_is_refused():
    rows = [("Title", None, None), (None, None, None), ("Thousand barrels daily", 2022, 2023),
            ("Mexico", 1.0, "12 kb/d")]
    with pytest.raises(SchemaError, match=r"Mexico 2023"):
        energy.parse_ei_rows(rows, "Sheet", "thousand barrels per day", "x")


def test_ei_share_column_with_repeated_year_is_left_out():
    rows = [("Thousand barrels daily", 2022, 2023, 2023, "2013-23"), ("Mexico", 1.0, 2.0, 0.05, -0.02),
            ("Total World", 10.0, "^", 1, 0)]
    out = energy.parse_ei_rows(rows, "Sheet", "thousand barrels per day", "x")
    assert sorted(out["year"].unique()) == [2022, 2023]
    assert out.loc[out["country"] == "Total World", "iso3"].isna().all()
    assert out.loc[(out["country"] == "Total World") & (out["year"] == 2023), "value"].iloc[0] == 0.0


def test_bp2021_units_from_column_names_and_unknown_refused(raw_path):
    b = energy.bp2021()
    assert set(b["unit"]) == {"thousand barrels per day"}
    raw = pd.read_csv(raw_path(energy.BP2021), usecols=["Entity", "Year", "Oil Production - Crude Conds"])
    exp = raw[(raw["Entity"] == "Mexico") & (raw["Year"] == 2004)]["Oil Production - Crude Conds"].iloc[0]
    got = b[(b["iso3"] == "MEX") & (b["year"] == 2004) & (b["series"] == "Oil Production - Crude Conds")]
    assert got["value"].iloc[0] == pytest.approx(exp)
    with pytest.raises(SchemaError, match="no known unit"):
        energy.parse_bp2021(raw.assign(**{"Oil Reserves - Gb": 1.0}), ["Oil Reserves - Gb"])


def test_elec_shares_gap_rules():
    cols = list(energy.ELEC_SOURCES)
    base = {c: 0.0 for c in cols} | {"Coal - % electricity": 60.0, "Hydro - % electricity": 36.0}
    ok = pd.DataFrame([{"Entity": "Mexico", "Code": "MEX", "Year": 1990, **base,
                        "Bioenergy - % electricity": None, energy.OTHER_RENEWABLES_COL: None}])
    out = energy.parse_elec_shares(ok)
    assert out.loc[out["fuel"] == "other renewables", "value"].isna().all(), "the loader leaves blanks blank"
    bad = ok.assign(**{"Coal - % electricity": 40.0})
    with pytest.raises(SchemaError, match=r"(?s)do not sum to 100.*Mexico 1990"):
        energy.parse_elec_shares(bad)
    text = ok.astype({"Coal - % electricity": object}).assign(**{"Coal - % electricity": "60%"})
    with pytest.raises(SchemaError, match=r"(?s)should be a percentage.*60%.*Mexico 1990"):
        energy.parse_elec_shares(text)


def test_unsplit_gap_before_2000_is_other_renewables():
    """Mexico 1990: bioenergy and other renewables are blank; the chapter reads the gap to 100 as other
    renewables (EI's unsplit 'geothermal, biomass and other'), so every year's shares sum to 100."""
    from northam.analysis import water

    mix = water.electricity_mix()
    totals = mix.groupby(["iso3", "year"])["value"].sum()
    assert totals.to_numpy() == pytest.approx(100, abs=1.0)
    raw = pd.read_csv(registry.fetch(energy.OWID_ELEC))
    row = raw[(raw["Code"] == "MEX") & (raw["Year"] == 1990)].iloc[0]
    gap = 100 - sum(row[c] for c in energy.ELEC_SOURCES if pd.notna(row[c]))
    got = mix[(mix["iso3"] == "MEX") & (mix["year"] == 1990) & (mix["fuel"] == "other renewables")]["value"]
    assert gap > 1 and got.iloc[0] == pytest.approx(gap + (row[energy.OTHER_RENEWABLES_COL]
                                                           if pd.notna(row[energy.OTHER_RENEWABLES_COL]) else 0))


def test_clean_shares_match_raw_file(raw_path):
    raw = pd.read_csv(raw_path(energy.OWID_ELEC))
    can = raw[(raw["Code"] == "CAN") & (raw["Year"] == 2023)].iloc[0]
    ren = ["Hydro - % electricity", "Solar - % electricity", "Wind - % electricity", "Bioenergy - % electricity",
           energy.OTHER_RENEWABLES_COL]
    expected = sum(can[c] for c in ren if pd.notna(can[c])) + can["Nuclear - % electricity"]
    from northam.analysis import water

    assert water.key_numbers()["water_elec_can_clean"] == pytest.approx(expected)


def test_pemex_monthly_matches_raw_xls(raw_path):
    book = xlrd.open_workbook(raw_path(energy.PEMEX))
    sh = book.sheet_by_index(0)
    total_row = next(r for r in range(sh.nrows) if str(sh.cell_value(r, 0)).strip() == "Totalb")
    p = energy.pemex_crude()
    tot = p[p["level"] == "total"].set_index("date")["value"]
    assert tot.iloc[0] == pytest.approx(sh.cell_value(total_row, 1))
    assert tot.iloc[-1] == pytest.approx(sh.cell_value(total_row, sh.ncols - 1))
    assert tot.index.min() == pd.Timestamp("2010-01-01") and tot.index.max() == pd.Timestamp("2023-02-01")
    assert p[(p["level"] == "asset")]["value"].isna().sum() >= 1  # the 'N/D' cell


def test_pemex_annual_mean_is_weighted_by_days_and_equals_ei(raw_path):
    """A year's barrels a day is its barrels over its days: PEMEX's monthly totals weighted by the days in each
    month give the EI's crude + condensate to the rounding of PEMEX's figures (a plain 12-month mean is off by
    up to 0.02%)."""
    book = xlrd.open_workbook(raw_path(energy.PEMEX))
    sh = book.sheet_by_index(0)
    header = next(r for r in range(sh.nrows) if str(sh.cell_value(r, 1)).startswith("Ene/"))
    total_row = next(r for r in range(sh.nrows) if str(sh.cell_value(r, 0)).strip() == "Totalb")
    months = "Ene Feb Mar Abr May Jun Jul Ago Sep Oct Nov Dic".split()
    barrels, days = {}, {}
    for c in range(1, sh.ncols):
        mon, year = str(sh.cell_value(header, c)).split("/")
        n = pd.Timestamp(int(year), months.index(mon) + 1, 1).days_in_month
        barrels[int(year)] = barrels.get(int(year), 0.0) + sh.cell_value(total_row, c) * n
        days[int(year)] = days.get(int(year), 0) + n
    wb = openpyxl.load_workbook(raw_path(energy.EI), read_only=True, data_only=True)
    rows = list(wb["Crude+cond production - barrels"].iter_rows(values_only=True))
    wb.close()
    ei_header = next(r for r in rows if r[0] == "Thousand barrels daily")
    mex = next(r for r in rows if r[0] == "Mexico")
    from northam.analysis import water

    annual = water.mexico_oil_annual()
    full = [y for y in days if days[y] >= 365]
    gaps = []
    for y in full:
        mean = barrels[y] / days[y]
        assert annual.loc[y, "pemex"] == pytest.approx(mean, rel=1e-12)
        gaps.append(abs(mean - mex[list(ei_header).index(y)]) * 1e3)
    assert max(gaps) < 1  # under one barrel a day; the plain monthly mean is off by up to ~400
    k = water.key_numbers()
    assert k["water_oil_pemex_max_abs_diff_bpd"] == pytest.approx(max(gaps))
    assert (k["water_oil_pemex_first_full_year"], k["water_oil_pemex_last_full_year"]) == (min(full), max(full))


def test_pemex_missing_total_and_bad_month_are_refused():
    rows = [["", "Ene/2010", "Feb/2010"], ["Totalb", 2615.2, "N/D"]]
    with pytest.raises(SchemaError, match="national total missing"):
        energy.parse_pemex_rows(rows)
    with pytest.raises(SchemaError, match="Jan/2010"):
        energy.parse_pemex_rows([["", "Jan/2010"], ["Totalb", 1.0]])
    with pytest.raises(SchemaError, match=r"(?s)non-numeric cell.*12 kb/d.*Cantarell 2010-02"):
        energy.parse_pemex_rows([["", "Ene/2010", "Feb/2010"], ["Totalb", 2615.2, 2600.0],
                                 [" Cantarell", 500.0, "12 kb/d"]])


def test_gas_exports_bcf_per_day_match_raw_xls(raw_path):
    book = xlrd.open_workbook(raw_path(energy.EIA_GAS), on_demand=True)
    sh = book.sheet_by_name("Data 1")
    j = sh.row_values(1).index("N9132MX2")
    total, days = 0.0, 0
    for r in range(3, sh.nrows):
        d = xlrd.xldate_as_datetime(sh.cell_value(r, 0), book.datemode)
        if d.year == 2015:
            total += sh.cell_value(r, j)
            days += pd.Timestamp(d).days_in_month
    from northam.analysis import water

    assert water.gas_exports_annual().loc[2015] == pytest.approx(total / days / 1000)


def test_ei_pipeline_us_to_mexico(raw_path):
    wb = openpyxl.load_workbook(raw_path(energy.EI), read_only=True, data_only=True)
    rows = list(wb["Gas trade - pipeline"].iter_rows(values_only=True))
    wb.close()
    header = next(r for r in rows if r[0] == "To")
    mex = next(r for r in rows if r[0] == "Mexico")
    from northam.analysis import water

    ei = water.ei_us_to_mexico_2023()
    assert ei["bcm"] == pytest.approx(mex[list(header).index("US")])
    # the volumes are standardized to a calorific value stated in a note under the table
    note = next(r[0] for r in rows if r[0] and str(r[0]).startswith("Note:"))
    assert "gross calorific value (GCV) of 40 MJ/m3" in note
    assert ei["gcv_mj_per_m3"] == 40 and ei["year"] == 2023
    assert ei["bcf_per_day"] == pytest.approx(ei["bcm"] * 35.3147 / 365)


def _toy_pipeline(note: str | None) -> list[tuple]:
    rows = [("Natural Gas: Trade movements 2023 by pipeline ", None, None), ("Billion cubic metres", None, None),
            ("To", "Canada", "US"), ("Mexico", None, 61.1), (None, None, None)]
    return rows + ([(note, None, None)] if note else [])


def test_pipeline_sheet_without_its_calorific_value_note_is_refused():
    note = ("Note: As far as possible, the data above represents standard cubic metres (measured at 15C and "
            "1013 mbar) and has been standardized using a gross calorific value (GCV) of 40 MJ/m3.")
    out = energy.parse_pipeline_rows(_toy_pipeline(note))
    assert list(out["gcv_mj_per_m3"]) == [40.0] and list(out["year"]) == [2023]
    with pytest.raises(SchemaError, match="gross calorific value"):
        energy.parse_pipeline_rows(_toy_pipeline(None))
    with pytest.raises(SchemaError, match="gross calorific value"):
        energy.parse_pipeline_rows(_toy_pipeline("Note: volumes in physical cubic metres."))


def test_gas_chart_says_the_two_sources_differ_in_measure(monkeypatch):
    from northam.figures import water as figures

    out = _published(monkeypatch, figures.gas)
    assert "measure the same flow" not in out["caption"]
    assert "not the same measure" in out["caption"] and "40 MJ" in out["caption"]
    assert "ends in January 2023" in out["caption"]  # the last month of the EIA file (raw test above)


# --------------------------------------------------------------------------------------------------
# Key numbers and the tables behind the figures


def test_key_numbers_are_prefixed_and_plain():
    from northam.analysis import water

    k = water.key_numbers()
    assert all(key.startswith("water_") for key in k)
    assert all(isinstance(v, (int, float, str)) for v in k.values())
    assert water.CHAPTER == "water"


def test_gas_exports_text_cell_is_refused():
    rows = [["Back to Contents", "Data 1"], ["Sourcekey", energy.EIA_MEXICO_PIPELINE], ["Date", "Exports to Mexico"],
            [36526.0, 1000.0], [36557.0, "W"]]
    with pytest.raises(SchemaError, match=r"(?s)not a volume.*W.*N9132MX2 2000-02"):
        energy.parse_eia_rows(rows, 0)


def test_tables_behind_the_charts():
    from northam.analysis import water

    band = water.drought_trend_band()
    assert (band["lower"] < band["trend"]).all() and (band["trend"] < band["upper"]).all()
    tr = water.drought_trend()
    years = (band["month"].iloc[-1] - band["month"].iloc[0]).days / 365.25
    assert (band["trend"].iloc[-1] - band["trend"].iloc[0]) / years * 10 == pytest.approx(tr["slope_per_decade"])
    assert list(water.trend_table()["estimate"])[0] == "Trend, points per decade"
    comp = water.oil_comparison_table()
    assert comp["BP 2021 vs EI 2024, %"].abs().max() < 1
    el = water.electricity_table()
    assert el[list(dict.fromkeys(water.FUEL_GROUPS.values()))].sum(axis=1).to_numpy() == pytest.approx(100, abs=1.0)
    gas = water.gas_table()
    assert gas["bcf_per_day"].notna().all() and set(gas["source"]) == {"EIA N9132MX2",
                                                                       "EI 2024 pipeline trade, 2023 annual"}


def test_every_glued_name_on_the_page_is_a_key_number():
    from northam.analysis import water
    from page_text import check_glued_names

    check_glued_names("water", water.key_numbers())


# --------------------------------------------------------------------------------------------------
# Gas proved reserves (EI 2024; the BP 2021 column states no unit)


def _ei_reserves_raw(raw_path) -> tuple[list, dict]:
    wb = openpyxl.load_workbook(raw_path(energy.EI), read_only=True, data_only=True)
    rows = list(wb["Gas - Proved reserves history "].iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Trillion cubic metres")
    mex = next(r for r in rows if r[0] == "Mexico")
    years = {}
    for i, y in enumerate(header[1:], start=1):
        if not isinstance(y, int) or y in years:
            break
        years[y] = float(mex[i])
    return header, years


def test_gas_reserves_claims_match_raw_workbook_and_bp(raw_path):
    from northam.analysis import water

    _, tcm = _ei_reserves_raw(raw_path)
    tcf = {y: v * 35.3147 for y, v in tcm.items()}  # EI's conversion factor (its tcf column for end 2020)
    last = max(tcm)
    assert last == 2020
    # the BP 2021 column without a unit holds the same values: the EI sheet states their unit
    bp = pd.read_csv(raw_path(energy.BP2021), usecols=["Entity", "Year", "Gas - Proved reserves"])
    bp = bp[bp["Entity"] == "Mexico"].set_index("Year")["Gas - Proved reserves"]
    assert bp.loc[2017] == pytest.approx(tcm[2017]) and bp.loc[2020] == pytest.approx(tcm[2020])
    claims = {c.claim: c for c in water.claims()}
    c2017 = claims["Proven natural gas reserves fell from 12 tcf in 2017"]
    assert c2017.value == pytest.approx(tcf[2017]) and c2017.status == "differs"
    near = min((y for y in tcf if 2000 <= y <= 2017), key=lambda y: abs(tcf[y] - 12))
    assert f"near 12 tcf in {near} ({tcf[near]:.1f})" in c2017.reason
    c2021 = claims["to 6.4 tcf in 2021"]
    assert c2021.value == pytest.approx(tcf[last]) and c2021.status == "other measure"
    assert f"ends in {last}" in c2021.reason


def test_gas_reserves_unit_label_is_checked():
    rows = [("Natural Gas: Proved reserves", None, None), ("Trillion cubic feet", 2019, 2020),
            ("Mexico", 6.3, 6.3)]
    with pytest.raises(SchemaError, match="Trillion cubic feet"):
        energy.parse_ei_rows(rows, "Gas - Proved reserves history ", "trillion cubic metres", "gas_reserves",
                             energy.EI_UNIT_LABELS["gas_reserves"])
    ok = [("Trillion  cubic metres", 2019, 2020), ("Mexico", 0.178, 0.178)]
    out = energy.parse_ei_rows(ok, "s", "trillion cubic metres", "gas_reserves", "Trillion cubic metres")
    assert list(out["value"]) == [0.178, 0.178]
    # the BP 2021 column names no unit: still refused
    with pytest.raises(SchemaError, match="no known unit"):
        energy.parse_bp2021(pd.DataFrame({"Entity": ["Mexico"], "Year": [2020], "Gas - Proved reserves": [0.18]}),
                            ["Gas - Proved reserves"])


def test_fuel_colours_stay_apart_from_each_other_and_the_countries_for_deuteranopes():
    from northam import charts, countries
    from northam.figures.water import FUEL_COLORS, MEMBERS

    fuels = list(FUEL_COLORS.values())
    country = [countries.color(iso) for iso in MEMBERS]
    assert not {c.upper() for c in fuels} & {c.upper() for c in countries.COLORS.values()}  # countries only
    assert charts.cvd_close_pairs(fuels + country) == []


def test_the_year_the_monitor_went_twice_monthly_matches_the_raw_header():
    """The prose's "twice a month from ..." year: the first year with more than twelve Monitor dates, counted
    here from the date headers of the raw sheet (calamine, none of northam's code)."""
    import datetime

    from northam.analysis import water
    from raw import sheet_rows

    header = sheet_rows(registry.fetch(conagua.DROUGHT), "MUNICIPIOS")[0]
    years = pd.Series([c.year for c in header if isinstance(c, (datetime.date, datetime.datetime))]).value_counts()
    assert years.sum() > 200
    assert water.key_numbers()["water_drought_twice_monthly_from"] == years[years > 12].index.min()


def test_coverage_keys_match_the_raw_files(raw_path):
    """The data section's first years, recomputed from the raw files: water stress (OWID), the first year in which
    every country's bioenergy share is given (OWID electricity), and the Monitor's span in years."""
    from northam.analysis import water

    k = water.key_numbers()
    stress = pd.read_csv(raw_path(aquastat.OWID_STRESS))
    assert k["water_stress_first_year"] == stress.loc[stress["Entity"] == "Mexico", "Year"].min()
    elec = pd.read_csv(raw_path(energy.OWID_ELEC))
    bio = elec[elec["Code"].isin(["USA", "MEX", "CAN"]) & elec["Bioenergy - % electricity"].notna()]
    assert k["water_elec_split_from"] == bio.groupby("Code")["Year"].min().max()
    assert k["water_drought_n_years"] == k["water_drought_last_year"] - k["water_drought_first_year"] + 1
    assert k["water_drought_n_states"] == 6
    assert k["water_renew_last_5y_period"] == water.renewable_per_capita()["period"].iloc[-2]
    assert "-" in k["water_renew_last_5y_period"]


def test_gas_keys_are_the_reports_year_and_the_year_before():
    from northam.analysis import water

    k, annual = water.key_numbers(), water.gas_exports_annual()
    assert (k["water_gas_year_before"], k["water_gas_report_year"]) == (2014, 2015)
    assert k["water_gas_2014"] == annual.loc[2014] and k["water_gas_2015"] == annual.loc[2015]


def test_the_monitor_copy_stops_before_the_2022_drought():
    """The page says, in words, that the 2022-2024 drought is not in this copy of the Monitor: a copy that reaches
    2022 must change that sentence (notebooks/water.md, two places)."""
    from northam.analysis import water

    assert water.key_numbers()["water_drought_last_year"] < 2022


def test_newly_assessed_basins_without_availability_read_as_prose():
    from northam.analysis import water

    assert water.newly_noavail_text({"newly_determined": 25, "newly_noavail": 25}) == "all 25"
    assert water.newly_noavail_text({"newly_determined": 25, "newly_noavail": 20}) == "20 of those"
    assert water.newly_noavail_text({"newly_determined": 3, "newly_noavail": 0}) == "none"
