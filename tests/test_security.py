"""Security chapter: loaders refuse bad input; key values against values recomputed from the raw files
with plain ``csv``/``bz2`` reading (independently of the loaders and the analysis); claims statuses."""

from __future__ import annotations

import bz2
import calendar
import csv
import io

import pandas as pd
import pytest

from northam import claims, registry
from northam.analysis import security
from northam.schemas import SchemaError
from northam.sources import cbp_drugs, cdc_vsrr, cpj, global_witness, owid, sesnsp


@pytest.fixture(scope="module")
def numbers():
    return security.key_numbers()


def _rows(key: str) -> list[dict]:
    """Every row of a registered CSV (bz2 or plain) as a dict of strings, read with the csv module."""
    path = registry.fetch(key)
    opener = bz2.open if str(path).endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def sesnsp_annual_rows():
    return _rows(sesnsp.ANNUAL_KEY)


# --------------------------------------------------------------------------------------------------
# Bad input: SESNSP


MONTHLY_HEADER = ("date_year_month,n_year,n_month,cve_ent,nombre_estado,bien_juridico_afectado,tipo_de_delito,"
                  "subtipo_de_delito,modalidad,genero,rango_de_edad,n_victimas\n")
GOOD_MONTH = ("2015-01-15,2015,01,01,Aguascalientes,La vida y la Integridad corporal,Homicidio,Homicidio doloso,"
              "Con arma de fuego,Mujer,Adultos (18 y más),3\n")


def _monthly_file(tmp_path, *rows: str):
    path = tmp_path / "victims.csv.bz2"
    with bz2.open(path, "wt", encoding="utf-8") as f:
        f.write(MONTHLY_HEADER + "".join(rows))
    return path


def test_monthly_reader_reads_a_good_bz2_file_and_sums_age_groups(tmp_path):
    other_age = GOOD_MONTH.replace("Adultos (18 y más)", "Menores de edad (0-17)").replace(",3\n", ",2\n")
    df = sesnsp.read_monthly(_monthly_file(tmp_path, GOOD_MONTH, other_age))
    assert len(df) == 1 and df["value"].iloc[0] == 5
    assert df["date"].iloc[0] == pd.Timestamp("2015-01-01") and df["cve_ent"].iloc[0] == "01"


def test_monthly_reader_maps_estado_de_mexico_to_its_code(tmp_path):
    row = GOOD_MONTH.replace(",01,Aguascalientes,", ",15,Estado de México,")
    df = sesnsp.read_monthly(_monthly_file(tmp_path, row))
    assert df["cve_ent"].iloc[0] == "15" and df["state"].iloc[0] == "México"


def test_unknown_state_name_is_refused_naming_file_and_name(tmp_path):
    row = GOOD_MONTH.replace("Aguascalientes", "Aguas Calientes")
    with pytest.raises(SchemaError, match=r"(?s)sesnsp_victimas_ent_mensual_long\.csv\.bz2.*Aguas Calientes"):
        sesnsp.read_monthly(_monthly_file(tmp_path, row))


def test_code_that_is_not_the_states_code_is_refused(tmp_path):
    row = GOOD_MONTH.replace(",01,Aguascalientes,", ",02,Aguascalientes,")
    with pytest.raises(SchemaError, match="cve_ent is not the INEGI code of nombre_estado"):
        sesnsp.read_monthly(_monthly_file(tmp_path, row))


def test_month_outside_the_stated_coverage_is_refused(tmp_path):
    row = GOOD_MONTH.replace("2015-01-15", "2025-07-15")  # the files end in June 2025
    with pytest.raises(SchemaError, match=r"(?s)mensual_long\.csv\.bz2.*in_range.*2025-07-01"):
        sesnsp.read_monthly(_monthly_file(tmp_path, row))


def test_negative_or_fractional_count_is_refused(tmp_path):
    with pytest.raises(SchemaError, match=r"(?s)n_victimas.*-3"):
        sesnsp.read_monthly(_monthly_file(tmp_path, GOOD_MONTH.replace(",3\n", ",-3\n")))
    with pytest.raises(SchemaError, match="'2.5' is not a whole number"):
        sesnsp.read_monthly(_monthly_file(tmp_path, GOOD_MONTH.replace(",3\n", ",2.5\n")))


def test_annual_parser_refuses_year_outside_coverage_and_unknown_state(tmp_path):
    header = ",".join(sesnsp.ANNUAL_COLUMNS) + "\n"
    good = "2015,01,Aguascalientes,La vida,Homicidio,Homicidio doloso,Con arma de fuego,Total,4,0.3,NA\n"
    path = tmp_path / "annual.csv"
    path.write_text(header + good, encoding="utf-8")
    ok = sesnsp.parse_annual(pd.read_csv(path, dtype={"cve_ent": str, "n_year": str, "n_victimas": str}))
    assert ok["value"].tolist() == [4.0] and not ok["partial"].any()
    for bad, pattern in [(good.replace("2015,", "2026,", 1), r"(?s)n_year.*2026"),
                         (good.replace("Aguascalientes", "Nacionall"), r"(?s)nombre_estado.*Nacionall"),
                         (good.replace(",4,", ",-4,"), r"(?s)n_victimas.*-4")]:
        path.write_text(header + bad, encoding="utf-8")
        with pytest.raises(SchemaError, match=pattern):
            sesnsp.parse_annual(pd.read_csv(path, dtype={"cve_ent": str, "n_year": str, "n_victimas": str}))


# --------------------------------------------------------------------------------------------------
# Bad input: CBP fiscal years, CDC, CPJ, Global Witness, OWID


CBP_HEADER = ",".join(f'"{c}"' if "," in c else c for c in cbp_drugs.COLUMNS) + "\n"


def _cbp_file(tmp_path, fy_months: dict[str, list[str]], lbs: str = "1.5") -> pd.DataFrame:
    rows = [f"{fy},{m},Office of Field Operations,Southwest Border,Land Only,SAN DIEGO FIELD OFFICE,Fentanyl,1,{lbs}\n"
            for fy, months in fy_months.items() for m in months]
    path = tmp_path / "cbp.csv"
    path.write_text(CBP_HEADER + "".join(rows), encoding="utf-8")
    return pd.read_csv(path, dtype={"FY": str})


FULL_YEAR = ["OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP"]


def test_fytd_label_is_parsed_as_a_partial_fiscal_year(tmp_path):
    raw = _cbp_file(tmp_path, {"2025": FULL_YEAR, "2026 (FYTD)": ["OCT", "NOV", "DEC"]})
    df = cbp_drugs.parse_seizures(raw, cbp_drugs.FY23_26)
    part = df[df["partial_year"]]
    assert set(part["fiscal_year"]) == {2026} and part["date"].min() == pd.Timestamp("2025-10-01")
    assert not df.loc[df["fiscal_year"] == 2025, "partial_year"].any()


@pytest.mark.parametrize("fy_months, pattern", [
    ({"2026 (partial)": ["OCT"]}, r"column 'FY': unreadable fiscal year\(s\) \['2026 \(partial\)'\]"),
    ({"FY2025": FULL_YEAR}, r"column 'FY': unreadable fiscal year"),
    ({"2025": FULL_YEAR[:11]}, r"fiscal year 2025 holds 11 months but is not labelled '2025 \(FYTD\)'"),
    ({"2025 (FYTD)": FULL_YEAR, "2026 (FYTD)": ["OCT"]}, "only the last fiscal year may be year-to-date"),
    ({"2026 (FYTD)": ["OCT", "NOV", "DEC", "JAN"]}, r"(?s)in_range.*2026-01-01"),  # coverage ends Dec 2025
    ({"2026 (FYTD)": ["OCT", "NOX"]}, r"unknown month\(s\) \['NOX'\]"),
])
def test_cbp_bad_fiscal_years_and_months_are_refused(tmp_path, fy_months, pattern):
    with pytest.raises(SchemaError, match=pattern) as err:
        cbp_drugs.parse_seizures(_cbp_file(tmp_path, fy_months), cbp_drugs.FY23_26)
    assert cbp_drugs.FY23_26 in str(err.value)


def test_cbp_negative_pounds_are_refused(tmp_path):
    with pytest.raises(SchemaError, match=r"(?s)cbp_nationwide-drugs-fy23-fy26-dec\.csv.*-1\.5"):
        cbp_drugs.parse_seizures(_cbp_file(tmp_path, {"2026 (FYTD)": ["OCT"]}, lbs="-1.5"), cbp_drugs.FY23_26)


def _csv_frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_cdc_annual_refuses_negative_counts_years_outside_coverage_and_impossible_nesting():
    head = "state_code,state_name,year,total_overdose_deaths,all_opioids_deaths,psychostimulant_deaths," \
           "synthetic_opioid_deaths\n"
    ok = cdc_vsrr.parse_annual(_csv_frame(head + "US,United States,2022,100,80,30,NA\n"))
    assert ok["value"].isna().sum() == 1
    for row, pattern in [("US,United States,2022,-100,NA,NA,NA\n", r"(?s)total_overdose_deaths.*-100"),
                         ("US,United States,2026,100,80,30,70\n", r"(?s)year.*2026"),
                         ("US,United States,2022,100,60,30,70\n", "synthetic opioid deaths above all opioid"),
                         ("US,United States,2022,100,n/a,30,70\n", "'n/a' is not a number")]:
        with pytest.raises(SchemaError, match=pattern):
            cdc_vsrr.parse_annual(_csv_frame(head + row))


def test_cdc_monthly_refuses_unknown_month_and_period_outside_coverage():
    head = ("state,year,month,period,indicator,percent_complete,percent_pending_investigation,state_name,"
            "footnote,footnote_symbol,data_value,predicted_value\n")
    row = 'US,2022,December,12 month-ending,"Synthetic opioids, excl. methadone (T40.4)",100,0,United States,,,10,11\n'
    assert cdc_vsrr.parse_monthly(_csv_frame(head + row))["value"].tolist() == [10.0]
    with pytest.raises(SchemaError, match=r"unknown month name\(s\) \['Decembre'\]"):
        cdc_vsrr.parse_monthly(_csv_frame(head + row.replace("December", "Decembre")))
    with pytest.raises(SchemaError, match=r"(?s)in_range.*2026-02-01"):
        cdc_vsrr.parse_monthly(_csv_frame(head + row.replace("2022,December", "2026,February")))


def test_cpj_drops_tally_rows_and_refuses_unknown_countries_and_years():
    head = "year,combinedStatus,fullName,type,typeOfDeath,country,gender\n"
    ok = cpj.parse(pd.read_csv(io.StringIO(head + "2021,Confirmed,A B,Journalist,Murder,Mexico,Male\n,,,,,,1585\n")))
    assert len(ok) == 1 and ok["iso3"].iloc[0] == "MEX"
    with pytest.raises(SchemaError, match=r"\['Atlantis'\] not known"):
        cpj.parse(pd.read_csv(io.StringIO(head + "2021,Confirmed,A B,Journalist,Murder,Atlantis,Male\n")))
    with pytest.raises(SchemaError, match=r"(?s)year.*2023"):
        cpj.parse(pd.read_csv(io.StringIO(head + "2023,Confirmed,A B,Journalist,Murder,Mexico,Male\n")))
    with pytest.raises(SchemaError, match="is not a year"):
        cpj.parse(pd.read_csv(io.StringIO(head + ",Confirmed,A B,Journalist,Murder,Mexico,Male\n")))


def test_global_witness_refuses_unknown_country_code_and_negative_victims():
    head = "date,country,country_numeric,continent,number_of_victims\n"
    assert global_witness.parse(pd.read_csv(io.StringIO(head + "2021-03-01,Mexico,484,Americas,1\n")))[
        "iso3"].tolist() == ["MEX"]
    with pytest.raises(SchemaError, match="999 is not an ISO 3166 numeric"):
        global_witness.parse(pd.read_csv(io.StringIO(head + "2021-03-01,Nowhere,999,Americas,1\n")))
    with pytest.raises(SchemaError, match=r"(?s)value.*-1"):
        global_witness.parse(pd.read_csv(io.StringIO(head + "2021-03-01,Mexico,484,Americas,-1\n")))


def test_owid_homicide_refuses_text_and_negative_rates():
    head = 'Entity,Code,Year,"Homicide rate per 100,000 population",World region according to OWID\n'
    with pytest.raises(SchemaError, match="'n.a.' for Mexico, 2022 is not a number"):
        owid.parse_homicide(pd.read_csv(io.StringIO(head + "Mexico,MEX,2022,n.a.,North America\n")))
    with pytest.raises(SchemaError, match=r"(?s)value.*-1"):
        owid.parse_homicide(pd.read_csv(io.StringIO(head + "Mexico,MEX,2022,-1,North America\n")))


# --------------------------------------------------------------------------------------------------
# Schemas and rules on the real files


def test_loaded_tables_pass_their_schemas_and_flag_partial_periods():
    a = sesnsp.victims_annual()
    assert set(a.loc[a["partial"], "year"]) == {2025} and (a.loc[a["partial"], "months"] == 6).all()
    assert a["cve_ent"].nunique() == 33
    fy = security.fentanyl_seizures()
    assert fy.index[fy["partial"]].tolist() == [2026] and fy.loc[2026, "months"] == 3
    assert (fy.loc[~fy["partial"], "months"] == 12).all()
    j = security.journalists_killed()
    assert j.index[j["partial"]].tolist() == [2022]
    assert security.latest_full_year() == 2024
    assert len(security.homicide_by_state()) == 32


def test_monthly_file_adds_up_to_the_annual_file_by_state():
    """Two files of the same vintage: monthly victims summed over the year equal the annual rows."""
    m = sesnsp.victims_monthly()
    m = m.assign(year=m["date"].dt.year.astype("int64")).groupby(["year", "cve_ent", "subtype"])["value"].sum()
    a = sesnsp.victims_annual()
    a = a[a["subtype"].isin(sesnsp.SUBTYPES) & (a["cve_ent"] != "00")
          & (a["sex"] == a["subtype"].map({sesnsp.HOMICIDE: "all", sesnsp.FEMICIDE: "female"}))]
    a = a.groupby(["year", "cve_ent", "subtype"])["value"].sum()
    pd.testing.assert_series_equal(m.sort_index(), a.sort_index(), check_names=False)


def test_tidy_cache_round_trip_gives_the_same_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NORTHAM_DATA_CACHE", str(tmp_path))
    monkeypatch.delenv("NORTHAM_NO_TIDY_CACHE", raising=False)
    first = sesnsp._monthly()  # parsed, written to the cache
    assert list((tmp_path / "tidy").glob("sesnsp._monthly-*.parquet"))
    second = sesnsp.victims_monthly()  # read back from Parquet
    pd.testing.assert_frame_equal(first.assign(date=first["date"].astype("datetime64[ns]")), second,
                                  check_dtype=False)


# --------------------------------------------------------------------------------------------------
# Key values, recomputed from the raw files


def test_homicide_rates_from_the_owid_file(numbers):
    rows = _rows(owid.HOMICIDE_KEY)
    rate = {(r["Entity"], int(r["Year"])): float(r[owid.HOMICIDE_VALUE]) for r in rows}
    assert numbers["security_homicide_mex_2022"] == pytest.approx(rate[("Mexico", 2022)])
    assert numbers["security_homicide_mex_2021"] == pytest.approx(rate[("Mexico", 2021)])
    last = max(y for (e, y) in rate if e == "Mexico")
    assert numbers["security_homicide_last_year"] == last
    # the report's WHO averages are set against its 2022 rate: drawn and compared at that one year
    assert numbers["security_homicide_who_year"] == 2022
    assert numbers["security_homicide_americas_who_year"] == pytest.approx(rate[("Americas (UN)", 2022)])
    assert numbers["security_homicide_world_who_year"] == pytest.approx(rate[("World", 2022)])
    pts = security.report_homicide_points()
    assert set(pts.loc[pts["series"].isin(["Americas", "World"]), "year"]) == {2022}
    who_claims = [c for c in security.claims() if "(WHO)" in c.claim]
    assert len(who_claims) == 2 and all("2022" in c.basis and "2021" not in c.basis for c in who_claims)
    h = security.homicide_rates()
    assert h.loc[2021, "Latin America and the Caribbean"] == pytest.approx(
        rate[("Latin America and the Caribbean (UN)", 2021)])
    assert h.loc[2010, "World"] == pytest.approx(rate[("World", 2010)])
    assert pd.isna(h.loc[2004, "United States"]) and ("United States", 2004) not in rate


def _national(rows, year, subtype, sex, field="n_victimas"):
    return sum(float(r[field]) for r in rows if r["cve_ent"] == "00" and r["n_year"] == str(year)
               and r["subtipo_de_delito"] == subtype and r["genero"] == sex)


def test_national_homicide_victims_and_firearm_share(numbers, sesnsp_annual_rows):
    rows = sesnsp_annual_rows
    victims = _national(rows, 2022, "Homicidio doloso", "Total") + _national(rows, 2022, "Feminicidio", "Mujer")
    assert numbers["security_report_year"] == 2022
    assert numbers["security_homicide_victims_report"] == victims
    gun = sum(float(r["n_victimas"]) for r in rows if r["cve_ent"] == "00" and r["n_year"] == "2022"
              and r["modalidad"] == "Con arma de fuego" and (r["subtipo_de_delito"], r["genero"]) in
              {("Homicidio doloso", "Total"), ("Feminicidio", "Mujer")})
    assert numbers["security_firearm_share_report"] == pytest.approx(gun / victims * 100)
    years = sorted({int(r["n_year"]) for r in rows if r["cve_ent"] == "00"})
    full = [y for y in years if y < max(years)]  # the file's last year is held in part (January-June)
    share = {y: sum(float(r["n_victimas"]) for r in rows if r["cve_ent"] == "00" and r["n_year"] == str(y)
                    and r["modalidad"] == "Con arma de fuego" and (r["subtipo_de_delito"], r["genero"]) in
                    {("Homicidio doloso", "Total"), ("Feminicidio", "Mujer")})
             / (_national(rows, y, "Homicidio doloso", "Total") + _national(rows, y, "Feminicidio", "Mujer")) * 100
             for y in (full[0], full[-1])}
    assert (numbers["security_firearm_first_year"], numbers["security_firearm_last_year"]) == (full[0], full[-1])
    assert numbers["security_firearm_share_first"] == pytest.approx(share[full[0]])
    assert numbers["security_firearm_share_change"] == ("rose" if share[full[-1]] > share[full[0]] else "fell")
    common = numbers["security_sesnsp_common_year"]
    rate = (_national(rows, common, "Homicidio doloso", "Total", "n_victimas_x100khab")
            + _national(rows, common, "Feminicidio", "Mujer", "n_victimas_x100khab"))
    assert numbers["security_sesnsp_common"] == pytest.approx(rate)


def test_state_rates_equal_victims_over_the_registered_conapo_population(sesnsp_annual_rows):
    """The third party's rates use CONAPO's mid-year population: the book's own CONAPO file gives the same."""
    pop = {(r["cve_ent"], r["n_year"]): float(r["pob_mid_year"]) for r in _rows("conapo2023_pob_ent_gender_1950_2070.csv")
           if r["genero"] == "Total"}
    st = security.homicide_by_state().set_index("cve_ent")
    year = str(int(st["year"].iloc[0]))
    for cve in ["06", "31", "09"]:  # Colima, Yucatán, Ciudad de México
        victims = sum(float(r["n_victimas"]) for r in sesnsp_annual_rows if r["cve_ent"] == cve and r["n_year"] == year
                      and (r["subtipo_de_delito"], r["genero"]) in {("Homicidio doloso", "Total"),
                                                                     ("Feminicidio", "Mujer")})
        assert st.loc[cve, "victims"] == victims
        assert st.loc[cve, "rate_per_100k"] == pytest.approx(victims / pop[(cve, year)] * 1e5, rel=1e-9)


def test_femicides_and_women_killed_per_day(numbers, sesnsp_annual_rows):
    rows = sesnsp_annual_rows
    fem = {y: _national(rows, y, "Feminicidio", "Mujer") for y in range(2015, 2025)}
    # the report's years: "increased by 137% between 2015 and 2021"; "since 2018 ... 10 women a day" (to 2022)
    assert (numbers["security_fem_growth_first_year"], numbers["security_fem_growth_last_year"]) == (2015, 2021)
    assert numbers["security_fem_growth_first"] == fem[2015] and numbers["security_fem_growth_last"] == fem[2021]
    assert numbers["security_fem_growth_pct"] == pytest.approx((fem[2021] / fem[2015] - 1) * 100)
    assert numbers["security_fem_growth_change"] == ("rose" if fem[2021] > fem[2015] else "fell")

    def per_day(y):
        return (fem[y] + _national(rows, y, "Homicidio doloso", "Mujer")) / (366 if calendar.isleap(y) else 365)

    mean = sum(per_day(y) for y in range(2018, 2023)) / 5
    assert numbers["security_women_period"] == "2018–2022"
    assert numbers["security_women_per_day_report"] == pytest.approx(mean)
    assert numbers["security_women_per_day_last"] == pytest.approx(per_day(2024))
    assert numbers["security_women_per_day_vs_report"] == ("below" if per_day(2024) < mean else "above")
    killed = sum(fem[y] + _national(rows, y, "Homicidio doloso", "Mujer") for y in range(2018, 2023))
    assert numbers["security_fem_share_report"] == pytest.approx(sum(fem[y] for y in range(2018, 2023)) / killed * 100)


def test_femicides_after_the_report_words_follow_the_data(numbers, sesnsp_annual_rows):
    """The page says how femicides moved after the report's latest year (2022): the counts and the verbs."""
    fem = {y: _national(sesnsp_annual_rows, y, "Feminicidio", "Mujer") for y in range(2022, 2025)}
    assert numbers["security_fem_report_year"] == 2022 and numbers["security_fem_report"] == fem[2022]
    assert numbers["security_fem_after_year"] == 2023 and numbers["security_fem_after"] == fem[2023]
    assert numbers["security_fem_last_year"] == 2024 and numbers["security_fem_last"] == fem[2024]
    assert fem[2023] < 0.95 * fem[2022] and numbers["security_fem_after_change"] == "fell"
    assert abs(fem[2024] - fem[2023]) <= 0.01 * fem[2023] and numbers["security_fem_last_change"] == "held level"


def test_partial_year_labels_of_the_women_killed_chart_come_from_the_data():
    from northam.figures.security import _months_span

    t = security.femicides()
    months = int(t.loc[t["partial"], "months"].iloc[-1])
    assert months == 6
    assert _months_span(months) == "January-June" and _months_span(months, short=True) == "Jan–Jun"
    assert _months_span(1) == "January"


def test_fentanyl_pounds_by_region_and_fiscal_year(numbers):
    sw, total = {}, {}
    for key in (cbp_drugs.FY19_22, cbp_drugs.FY23_26):
        for r in _rows(key):
            if r["Drug Type"] == "Fentanyl":
                total[r["FY"]] = total.get(r["FY"], 0) + float(r["Sum Qty (lbs)"])
                if r["Region"] == "Southwest Border":
                    sw[r["FY"]] = sw.get(r["FY"], 0) + float(r["Sum Qty (lbs)"])
    assert numbers["security_fent_peak_fy"] == 2023 and numbers["security_fent_peak"] == pytest.approx(total["2023"])
    assert numbers["security_fent_last_full_fy"] == 2025, "FY2026 (FYTD) is partial and left out"
    assert numbers["security_fent_partial"] == pytest.approx(total["2026 (FYTD)"])
    full = [fy for fy in total if fy.isdigit()]
    assert numbers["security_fent_sw_share_all"] == pytest.approx(
        sum(sw[fy] for fy in full) / sum(total[fy] for fy in full) * 100)
    peak = max(full, key=total.get)  # the page gives the southwest border's part of the peak year's seizures
    assert numbers["security_fent_peak_fy"] == int(peak) and numbers["security_fent_sw_peak"] == pytest.approx(sw[peak])
    # the last month of the files: the latest fiscal year's latest month (fiscal years start in October)
    order = ["OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP"]
    rows = _rows(cbp_drugs.FY23_26)
    fy = max(int(r["FY"][:4]) for r in rows)
    month = max((r["Month (abbv)"] for r in rows if int(r["FY"][:4]) == fy), key=order.index)
    cal = order.index(month) + 10 if order.index(month) < 3 else order.index(month) - 2
    assert numbers["security_fent_last_month"] == f"{calendar.month_name[cal]} {fy - (cal >= 10)}"
    assert numbers["security_fent_partial_fy"] == fy and numbers["security_fent_partial_months"] == len(
        {r["Month (abbv)"] for r in rows if int(r["FY"][:4]) == fy})


def test_overdose_deaths_2022_from_both_cdc_files(numbers):
    us = {r["year"]: r for r in _rows(cdc_vsrr.ANNUAL_KEY) if r["state_code"] == "US"}
    assert numbers["security_od_report"] == float(us["2022"]["total_overdose_deaths"])
    assert numbers["security_od_synth_report"] == float(us["2022"]["synthetic_opioid_deaths"])
    assert numbers["security_od_synth_share_report"] == pytest.approx(
        float(us["2022"]["synthetic_opioid_deaths"]) / float(us["2022"]["total_overdose_deaths"]) * 100)
    dec = next(r for r in _rows(cdc_vsrr.MONTHLY_KEY) if r["state"] == "US" and r["year"] == "2022"
               and r["month"] == "December")
    assert float(dec["data_value"]) == numbers["security_od_synth_report"], "the two extracts agree"
    peak = max(us, key=lambda y: float(us[y]["total_overdose_deaths"] or 0))  # the synthetic part of the peak year
    assert numbers["security_od_peak_year"] == int(peak)
    assert numbers["security_od_synth_peak"] == float(us[peak]["synthetic_opioid_deaths"])
    assert numbers["security_od_synth_share_peak"] == pytest.approx(
        float(us[peak]["synthetic_opioid_deaths"]) / float(us[peak]["total_overdose_deaths"]) * 100)
    assert numbers["security_roll_pred_report"] == float(dec["predicted_value"])


def test_overdose_counts_cdc_flags_as_underreported_are_marked_incomplete(numbers):
    """The footnote "Underreported due to incomplete data" of the monthly file marks the periods and the
    calendar years (12 months ending December) that the page and charts call provisional and incomplete."""
    us_m = [r for r in _rows(cdc_vsrr.MONTHLY_KEY) if r["state"] == "US"]
    flagged = [r for r in us_m if "Underreported due to incomplete data" in r["footnote"]]
    assert flagged, "the extract has underreported periods"
    months = {m: i for i, m in enumerate(calendar.month_name) if m}
    key = lambda r: (int(r["year"]), months[r["month"]])  # noqa: E731
    first = min(flagged, key=key)
    assert numbers["security_roll_under_first_month"] == f"{first['month']} {first['year']}"
    last = max(us_m, key=key)
    assert last in flagged and numbers["security_roll_last_incomplete"] == "provisional and incomplete"
    assert numbers["security_roll_last"] == float(last["data_value"])
    assert numbers["security_roll_last_pred"] == float(last["predicted_value"])
    roll = security.synthetic_opioid_rolling()
    assert roll["underreported"].sum() == len(flagged)
    # calendar years: flagged where the 12 months ending December are
    dec_flag = {int(r["year"]): r in flagged for r in us_m if r["month"] == "December"}
    od = security.overdose_deaths()
    assert od["incomplete"].to_dict() == {y: dec_flag.get(y, True) for y in od.index}
    us = {int(r["year"]): r for r in _rows(cdc_vsrr.ANNUAL_KEY) if r["state_code"] == "US"}
    last_year = max(us)
    assert dec_flag[last_year], "the page calls the yearly file's last year incomplete"
    assert numbers["security_od_last_incomplete"] == "provisional and incomplete"
    complete = max(y for y in us if not dec_flag.get(y, True))
    assert numbers["security_od_complete_year"] == complete
    assert numbers["security_od_complete"] == float(us[complete]["total_overdose_deaths"])
    peak = max(float(r["total_overdose_deaths"]) for r in us.values())
    assert numbers["security_od_complete_fall_pct"] == pytest.approx(
        (1 - float(us[complete]["total_overdose_deaths"]) / peak) * 100)
    # the yearly file is the later extract: its last year is at least the monthly file's December
    dec_last = next(r for r in us_m if r["year"] == str(last_year) and r["month"] == "December")
    assert numbers["security_roll_dec_last"] == float(dec_last["data_value"])
    assert float(us[last_year]["synthetic_opioid_deaths"]) >= float(dec_last["data_value"])


def test_over_75000_synthetic_opioid_claim_rests_on_the_predicted_count():
    """"Over 75,000" holds for CDC's predicted 2022 count without any revision allowance; the reported count
    is below it, and the claim says so."""
    dec = next(r for r in _rows(cdc_vsrr.MONTHLY_KEY) if r["state"] == "US" and r["year"] == "2022"
               and r["month"] == "December")
    c = next(c for c in security.claims() if c.claim.startswith("Over 75,000"))
    assert c.value == float(dec["predicted_value"]) > c.reported
    assert float(dec["data_value"]) < c.reported and f"{float(dec['data_value']):,.0f}" in c.basis
    assert "predicted" in c.basis and c.status == "reproduced"


def test_journalists_and_defenders_against_the_raw_files(numbers):
    cpj_rows = [r for r in _rows(cpj.KEY) if r["year"]]
    partial = max(int(r["year"][:4]) for r in cpj_rows)  # the export's year, held in part
    assert numbers["security_j_partial_year"] == partial
    assert numbers["security_j_mex_partial"] == sum(1 for r in cpj_rows if r["country"] == "Mexico"
                                                    and r["year"].startswith(str(partial)))
    # rest of the Americas, by OWID's region of each country (names matched to OWID's; CPJ writes "USA")
    region = {r["Entity"]: r["World region according to OWID"] for r in _rows(owid.HOMICIDE_KEY)}
    j = security.journalists_killed()
    for year in (2010, 2016, 2021):
        rest = sum(1 for r in cpj_rows if r["year"].startswith(str(year)) and r["country"] != "Mexico"
                   and region.get({"USA": "United States"}.get(r["country"], r["country"])) in
                   ("North America", "South America"))
        assert j.loc[year, "rest_of_americas"] == rest, year
    gw = _rows(global_witness.KEY)
    years = sorted({int(r["date"][:4]) for r in gw})
    first, last = years[0], years[-1]
    assert (numbers["security_d_first_year"], numbers["security_d_last_year"]) == (first, last) == (2012, 2021)
    mex = {y: sum(float(r["number_of_victims"]) for r in gw if r["country_numeric"] == "484"
                  and r["date"].startswith(str(y))) for y in (first, last)}
    assert numbers["security_d_mex_first"] == mex[first] and numbers["security_d_mex_last"] == mex[last]
    assert numbers["security_d_mex_change"] == ("rose" if mex[last] > mex[first] else "fell")
    assert numbers["security_d_world_last"] == sum(float(r["number_of_victims"]) for r in gw
                                                   if r["date"].startswith(str(last)))
    assert numbers["security_j_export_month"] == "August 2022" and numbers["security_j_partial_to"] == "early August"


# --------------------------------------------------------------------------------------------------
# Claims and glue


def test_claims_statuses():
    table = claims.table(security.claims())
    assert (table["chapter"] == "security").all() and (table["report_key"] == "WILSON2023").all()
    assert table["id"].is_unique
    assert list(table["status"]) == [
        "reproduced", "reproduced", "reproduced",  # overdoses: nearly 110,000, two-thirds, over 75,000
        "reproduced", "differs",  # Mexico's homicide rate 2021, 2022 (INEGI preliminary vs UNODC)
        "other measure", "other measure",  # WHO's Americas and world averages: another source
        "other measure",  # firearm share: INEGI death certificates vs SESNSP victims
        "no open data", "no open data", "no open data",  # guns smuggled, ATF traces, Mexico's tracing
        "other measure", "reproduced",  # 10 women a day "because of their gender"; femicide growth
        "no open data", "other measure", "no open data",  # missing persons; journalists 2022 (CPJ partial); 2023
        *["no open data"] * 6,  # ENCADE, Etellekt (2021: 91, 22, 14; 2018: 152, 48)
        "reproduced",  # defenders 2021
        *["no open data"] * 7,  # INAI, databases (2), cyberattacks, cybercrime, Guacamaya, Sembrando Vida
    ]
    for _, row in table.iterrows():
        if row["status"] in ("differs", "other measure"):
            assert row["reason"], row["claim"]
        if row["status"] == "no open data":
            assert row["needed"], row["claim"]


def test_glue_keys_are_prefixed_and_formattable(numbers):
    for key, value in numbers.items():
        assert key.startswith("security_")
        assert value is not None and not (isinstance(value, float) and pd.isna(value)), key


def test_every_glued_name_on_the_page_is_a_key_number(numbers):
    from page_text import glued_names

    names = glued_names("security")
    assert len(names) > 50
    for name, spec in names:
        assert name in numbers, name
        if spec:
            format(numbers[name], spec)


def test_coverage_of_the_homicide_and_sesnsp_files_from_the_raw_files(numbers, sesnsp_annual_rows):
    rows = _rows(owid.HOMICIDE_KEY)
    years = {}
    for r in rows:
        if r[owid.HOMICIDE_VALUE]:
            years.setdefault(r["Entity"], set()).add(int(r["Year"]))
    span = lambda names: f"{min(min(years[n]) for n in names)}–{max(max(years[n]) for n in names)}"  # noqa: E731
    assert numbers["security_homicide_countries_years"] == span(["Mexico", "United States", "Canada"])
    assert numbers["security_homicide_regions_years"] == span(
        ["Latin America and the Caribbean (UN)", "Americas (UN)", "World"])
    usa = years["United States"]
    gap = sorted(set(range(min(usa), max(usa) + 1)) - usa)
    assert numbers["security_homicide_usa_gap_years"] == f"{gap[0]}–{gap[-1]}" and gap == [2003, 2004, 2005]
    # prosecutors' victims against UNODC's rate in every year both cover
    rate = {int(r["Year"]): float(r[owid.HOMICIDE_VALUE]) for r in rows if r["Entity"] == "Mexico"}
    police = {y: _national(sesnsp_annual_rows, y, "Homicidio doloso", "Total", "n_victimas_x100khab")
              + _national(sesnsp_annual_rows, y, "Feminicidio", "Mujer", "n_victimas_x100khab")
              for y in range(2015, max(rate) + 1)}
    assert numbers["security_sesnsp_common_year"] == max(rate)
    below = all(police[y] < rate[y] for y in police)
    assert numbers["security_sesnsp_vs_unodc"].startswith("below" if below else ("above", "close"))
    # the monthly file's months and the yearly file's partial year
    with bz2.open(registry.fetch(sesnsp.MONTHLY_KEY), "rb") as f:  # 0.9 million rows: the first field only
        assert next(f).startswith(b"date_year_month,")
        months = {line[:7].decode() for line in f}
    first, last = (pd.Timestamp(m + "-01") for m in (min(months), max(months)))
    assert numbers["security_sesnsp_first_month"] == f"{first:%B %Y}"
    assert numbers["security_sesnsp_last_month"] == f"{last:%B %Y}"
    assert last.month < 12 and numbers["security_sesnsp_partial_years"] == str(last.year)


def test_homicide_comparison_words_follow_the_rates():
    rates = pd.DataFrame({"Mexico": [20.0], "Latin America and the Caribbean": [25.0], "Americas": [15.0],
                          "United States": [10.0], "World": [5.0], "Canada": [2.0]}, index=[2030])
    assert security.homicide_comparison(rates, 2030) == (
        "below Latin America and the Caribbean (25.0), above the Americas as a whole (15.0) and far above the "
        "United States (10.0), the world (5.0) and Canada (2.0)")
    h = security.homicide_rates()
    year = int(h["Mexico"].last_valid_index())
    text = security.homicide_comparison(h, year)
    assert text.startswith("above Latin America") and "far above the Americas as a whole" in text


def test_cpj_reach_into_its_last_year(monkeypatch):
    for date, words in (("2022-08-08", "early August"), ("2022-08-15", "mid August"), ("2022-09-28", "late September")):
        monkeypatch.setattr(cpj, "EXPORT_DATE", pd.Timestamp(date))
        assert security.cpj_partial_to() == words
