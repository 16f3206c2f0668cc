"""Labor chapter loaders: schema, quirks refused, renamed columns refused, values against the raw files."""

from __future__ import annotations

import functools

import openpyxl
import pandas as pd
import pytest

from northam import registry
from northam.schemas import SchemaError
from northam.sources import dhs, owid, segob, statedept, undesa, unhcr
from raw import sheet_rows

NIV = statedept.KEY


# --------------------------------------------------------------------------------------------------
# State Department NIV workbook


@functools.lru_cache(maxsize=8)
def _raw_rows(sheet: str) -> list:
    return sheet_rows(registry.fetch(NIV), sheet)


def _raw_cell(sheet: str, nationality: str, code_variants: tuple[str, ...]) -> float:
    """Value read from the raw sheet: the row whose column A is ``nationality``, the column headed by a variant."""
    rows = _raw_rows(sheet)
    header = list(rows[0])
    col = next(i for i, h in enumerate(header) if h in code_variants)
    row = next(r for r in rows if r[0] is not None and str(r[0]).strip().startswith(nationality)
               and (nationality != "Mexico" or str(r[0]).strip() == "Mexico"))
    return float(row[col])


@pytest.mark.parametrize("year,sheet", [(2010, "FY10"), (2018, "FY18"), (2019, "FY19"), (2021, "FY21"),
                                        (2024, "FY24")])
def test_niv_maps_class_columns_across_years(year, sheet):
    """Headers 'H-2A'/'H2A' and TN/TD order differ by year; FY19 precedes FY18 in the workbook."""
    mex = statedept.by_nationality("Mexico")
    for cls, variants in {"H2A": ("H-2A", "H2A"), "TN": ("TN",), "TD": ("TD",), "H2B": ("H-2B", "H2B")}.items():
        assert mex.loc[year, cls] == _raw_cell(sheet, "Mexico", variants), (year, cls)
    world = statedept.by_nationality(statedept.GRAND_TOTAL)
    assert world.loc[year, "H2A"] == _raw_cell(sheet, "Grand Total", ("H-2A", "H2A"))


def test_niv_schema_and_aggregates():
    df = statedept.niv()
    assert set(df["unit"]) == {"visas issued"} and set(df["source"]) == {NIV}
    assert set(df["year"]) == set(statedept.YEARS)
    assert df.loc[df["nationality"] == "Mexico", "iso3"].eq("MEX").all()
    assert df.loc[df["aggregate"], "iso3"].isna().all()
    assert df[df["nationality"] == "Mexico"].groupby("year").size().eq(len(statedept.CLASSES)).all()


def _tiny_workbook(path, sheets: dict[str, list[list]]):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def _sheet(year, codes=("TN", "TD", "H-1B", "H-2A", "H-2B", "Grand Total")):
    return [[f"Fiscal Year {year}", *codes], ["North America", *[None] * len(codes)],
            ["Mexico", *range(1, len(codes) + 1)], ["Grand Totals", *range(10, 10 + len(codes))]]


def test_niv_missing_fiscal_year_sheet_is_refused(tmp_path):
    path = tmp_path / "niv.xlsx"
    _tiny_workbook(path, {"FY10": _sheet(2010), "FY12": _sheet(2012)})
    with pytest.raises(SchemaError, match="'FY11'"):
        statedept.parse_workbook(path, years=range(2010, 2013))
    ok = statedept.parse_workbook(path, years=[2010, 2012])
    assert ok.query("nationality == 'Mexico' and visa_class == 'H2A'")["value"].tolist() == [4.0, 4.0]


def test_niv_renamed_class_column_names_sheet_and_column(tmp_path):
    path = tmp_path / "niv.xlsx"
    _tiny_workbook(path, {"FY10": _sheet(2010), "FY11": _sheet(2011, ("TN", "TD", "H-1B", "H-2 A (ag)", "H-2B",
                                                                       "Grand Total"))})
    with pytest.raises(SchemaError, match=r"sheet 'FY11'.*\['H2A'\]"):
        statedept.parse_workbook(path, years=[2010, 2011])


def test_niv_sheet_with_wrong_year_header_is_refused(tmp_path):
    path = tmp_path / "niv.xlsx"
    _tiny_workbook(path, {"FY10": _sheet(2011)})
    with pytest.raises(SchemaError, match="FY10"):
        statedept.parse_workbook(path, years=[2010])


def test_niv_text_or_negative_count_names_sheet_nationality_and_value(tmp_path):
    path = tmp_path / "niv.xlsx"
    sheet = _sheet(2010)
    sheet[2][4] = "12 (est.)"  # Mexico, H-2A
    _tiny_workbook(path, {"FY10": sheet})
    with pytest.raises(SchemaError, match=r"(?s)sheet 'FY10'.*should be a count of visas issued.*12 \(est\.\).*Mexico"):
        statedept.parse_workbook(path, years=[2010])
    sheet[2][4] = -4
    _tiny_workbook(path, {"FY10": sheet})
    with pytest.raises(SchemaError, match=r"(?s)should not be negative.*-4.*Mexico"):
        statedept.parse_workbook(path, years=[2010])


# --------------------------------------------------------------------------------------------------
# DHS / CBP


@pytest.fixture(scope="module")
def usbp_raw():
    return pd.read_excel(registry.fetch(dhs.USBP_KEY), sheet_name=["Annual Rgn and Citp", "Monthly Rgn and Citp"])


def test_usbp_annual_matches_raw_and_refuses_partial_year(usbp_raw):
    raw = usbp_raw["Annual Rgn and Citp"]
    raw.columns = ["fy", "region", "cit", "q"]
    a = dhs.usbp_annual(allow_partial=True)
    for fy in (2010, 2019, 2022):
        expected = raw[(raw["fy"] == fy) & (raw["region"] == "Southwest Land Border") & (raw["cit"] == "Mexico")]["q"]
        got = a[(a["year"] == fy) & (a["region"] == dhs.SOUTHWEST) & (a["iso3"] == "MEX")]["value"]
        assert got.sum() == expected.sum()
    with pytest.raises(dhs.PartialYearError, match="2025"):
        dhs.usbp_annual()
    assert dhs.latest_full_fiscal_year() == 2024


def test_usbp_monthly_dates_follow_fiscal_year():
    m = dhs.usbp_monthly()
    first = m[m["fiscal_year"] == 2000]["date"].min()
    assert first == pd.Timestamp("1999-10-01")
    assert m["date"].max() == pd.Timestamp("2024-11-01")


def test_usbp_bad_month_and_renamed_column_are_refused(usbp_raw):
    raw = usbp_raw["Monthly Rgn and Citp"].head(30).copy()
    bad = raw.astype({"Month": object})
    bad.loc[2, "Month"] = "13 Smarch"
    with pytest.raises(SchemaError, match="Smarch"):
        dhs.parse_usbp_monthly(bad)
    with pytest.raises(SchemaError, match="Citizenship"):
        dhs.parse_usbp_monthly(raw.rename(columns={"Citizenship": "Nationality"}))
    neg = raw.copy()
    neg.loc[0, "Quantity"] = -10
    with pytest.raises(SchemaError, match="Quantity"):
        dhs.parse_usbp_monthly(neg)


def test_cbp_pseudo_year_is_parsed_as_partial_and_junk_refused():
    fy, partial = dhs.parse_fiscal_year(pd.Series(["2024", "2025 (FYTD)"]))
    assert fy.tolist() == [2024, 2025] and partial.tolist() == [False, True]
    with pytest.raises(SchemaError, match="FY2025 est"):
        dhs.parse_fiscal_year(pd.Series(["2024", "FY2025 est"]))
    with pytest.raises(dhs.PartialYearError):
        dhs.cbp_annual()


def test_cbp_mexico_usbp_matches_raw():
    raw = pd.read_csv(registry.fetch(dhs.CBP_KEY), dtype={"Fiscal Year": str})
    sel = raw[(raw["Fiscal Year"] == "2023") & (raw["Citizenship Grouping"] == "Mexico")]
    c = dhs.cbp_annual(allow_partial=True)
    c = c[(c["year"] == 2023) & (c["citizenship"] == "Mexico")].set_index("component")["value"]
    assert c.sum() == sel["Encounter Count"].sum()
    assert c["U.S. Border Patrol"] == sel.loc[sel["Component"] == "U.S. Border Patrol", "Encounter Count"].sum()


# --------------------------------------------------------------------------------------------------
# UNHCR, SEGOB, UN DESA, OWID


def test_unhcr_read_with_pyreadr_and_filtered_to_north_america():
    import pyreadr

    raw = pyreadr.read_r(str(registry.fetch(unhcr.APPLICATIONS_KEY)))["asylum_applications"]
    expected = raw[(raw["coa_iso"] == "MEX") & (raw["year"] == 2021)]["applied"].sum()
    a = unhcr.asylum_applications()
    assert a[(a["iso3"] == "MEX") & (a["year"] == 2021)]["value"].sum() == expected
    assert (a["iso3"].isin(["USA", "MEX", "CAN"]) | a["origin_iso3"].isin(["USA", "MEX", "CAN"])).all()
    broken = raw.head(50).copy()
    broken.loc[broken.index[0], "coa_iso"] = "MEX"
    broken.loc[broken.index[0], "applied"] = -5
    with pytest.raises(SchemaError, match="applied"):
        unhcr.parse_applications(broken)
    with pytest.raises(SchemaError, match="year"):
        unhcr.parse_applications(raw.head(5).assign(year=float("nan")))


def test_segob_partial_year_and_refusals():
    from northam.analysis import labor

    s = labor.segob_annual()
    months = s.groupby("year")["months"].max()
    assert months.to_dict() == {2019: 12, 2020: 12, 2021: 7}
    assert s.loc[s["year"] == 2021, "partial"].all() and not s.loc[s["year"] < 2021, "partial"].any()
    raw = pd.read_excel(registry.fetch(segob.FILES[2020]))
    assert s[s["year"] == 2020]["value"].sum() == raw[segob.MONTHS].to_numpy().sum()
    with pytest.raises(SchemaError, match="expected only 2019"):
        segob.parse(raw, 2019, segob.FILES[2019])
    bad = raw.astype({"mar": object})
    bad.loc[4, "mar"] = "n.d."
    with pytest.raises(SchemaError, match=r"(?s)should be a count of events.*n\.d\..*/ mar"):
        segob.parse(bad, 2020, segob.FILES[2020])
    neg = raw.copy()
    neg.loc[4, "mar"] = -3
    with pytest.raises(SchemaError, match=r"(?s)should not be negative.*-3"):
        segob.parse(neg, 2020, segob.FILES[2020])
    with pytest.raises(SchemaError, match="entidad"):
        segob.parse(raw.rename(columns={"entidad": "estado"}), 2020, segob.FILES[2020])


def test_undesa_stock_matches_raw_and_refuses_junk():
    raw = pd.read_csv(registry.fetch(undesa.KEY), dtype=str)
    row = raw[(raw["Year"] == "2010") & (raw["Dest"] == "United States of America")]
    u = undesa.migrant_stock()
    got = u[(u["iso3"] == "USA") & (u["origin_iso3"] == "MEX") & (u["year"] == 2010)]["value"].iloc[0]
    assert got == float(row["Mexico"].iloc[0])
    bad = raw[raw["Dest"] == "Mexico"].head(2).copy()
    bad.loc[bad.index[0], "Canada"] = "x12"
    with pytest.raises(SchemaError, match="x12"):
        undesa.parse(bad)


def test_owid_median_age_and_age_groups():
    m = owid.median_age()
    assert m[(m["iso3"] == "MEX") & (m["year"] == 2021)]["value"].iloc[0] == 29.0
    raw = pd.read_csv(registry.fetch(owid.MEDIAN_AGE_KEY))
    bad = raw.head(5).copy()
    bad.loc[1, "Median age"] = 250
    with pytest.raises(SchemaError, match="impossible median age"):
        owid.parse_median_age(bad)
    with pytest.raises(SchemaError, match="Median age"):
        owid.parse_median_age(raw.rename(columns={"Median age": "Age"}))
    g = owid.population_by_age_group()
    assert set(g["year"]) == {2021}
    rawg = pd.read_csv(registry.fetch(owid.AGE_GROUPS_KEY))
    broken = rawg.head(3).copy()
    broken.loc[0, "65+"] = broken.loc[0, "65+"] + 1e6
    with pytest.raises(SchemaError, match="not the Total"):
        owid.parse_age_groups(broken)
