"""Energy files: Energy Institute Statistical Review 2024, BP Statistical Review 2021 (OWID input), OWID
electricity shares, PEMEX crude production by asset (SENER SIE) and EIA natural gas exports by country.

Units: thousand barrels per day (oil), billion cubic metres (EI gas trade), million cubic feet per month
(EIA), percent of electricity generation (OWID).

Quirks handled here:

- EI workbook (94 sheets, 3.7 MB): only the sheets needed are parsed, each cached as Parquet. Year
  headers repeat the last year for the share column, so year columns are taken by position up to the
  first repeat. ``n/a`` and ``-`` cells are missing; ``^`` (less than 0.05) is kept as 0; any other text is
  refused. Regional totals and "Other ..." rows get iso3 None. The gas proved-reserves history sheet (its
  name ends in a space) states its unit in the header row: it is checked (:data:`EI_UNIT_LABELS`).
- BP 2021 (OWID input): units are written in the column names; :data:`BP_UNITS` maps each column used to
  its unit, and a column whose unit is not known is refused. 'Gas - Proved reserves' names no unit and is
  refused: the same series (identical values) is read from the EI workbook, which states it.
- OWID electricity shares: a blank source share may mean no generation from it only when the other
  shares still sum to 100 (within 1 point). Before 2000 bioenergy and other renewables are blank and the
  itemised shares sum to 95-99 %: a gap of at most :data:`MAX_UNSPLIT` points (EI's unsplit 'geothermal,
  biomass and other') is accepted. Any other gap is refused. Blanks stay missing here; the water chapter
  (:func:`northam.analysis.water.electricity_mix`) reads them as zero and the gap as other renewables.
- EI pipeline trade sheet: its volumes are not physical volumes. A note under the table says they are
  "standard cubic metres ... standardized using a gross calorific value (GCV) of 40 MJ/m3": energy expressed
  as cubic metres of a reference gas, unlike EIA's measured cubic feet. The loader reads that value from the
  note into ``gcv_mj_per_m3`` (and the trade year from the sheet's title) and refuses the sheet if either is
  missing, so the basis can be stated wherever the figure is compared with EIA's.
- PEMEX/SENER ``.xls`` (BIFF, read with xlrd): wide layout with Spanish month labels ('Ene/2010'); ``N/D``
  cells are missing; the national total row ('Totalb') must be complete.
- EIA ``.xls``: only sheet 'Data 1' is read (``on_demand``; the Contents sheet has a malformed
  hyperlink record); series are found by their source key (row 2), dates are Excel serials.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, is_number, require_columns, tidy_schema, validate

EI = "ei_statistical_review_2024_all_data.xlsx"
BP2021 = "bp_statistical_review_2021_owid_input.csv"
OWID_ELEC = "owid_share_elec_by_source.csv"
PEMEX = "sener_sie_pemex_crude_production_by_asset_PMXB1C05_2010_2023.xls"
EIA_GAS = "eia_ng_exports_by_country_monthly_1973_2023jan.xls"

#: EI sheets used: short name -> (sheet, unit).
EI_SHEETS = {
    "crude_cond": ("Crude+cond production - barrels", "thousand barrels per day"),
    "oil_total": ("Oil Production - barrels", "thousand barrels per day"),
    # proved reserves at the end of each year, 1980-2020 (the sheet name ends in a space, as in the workbook)
    "gas_reserves": ("Gas - Proved reserves history ", "trillion cubic metres"),
}
#: Sheets whose header row states the unit in its first cell: that label must read as given (case and spacing
#: ignored), else the sheet is refused (a sheet in another unit must not be read as this one).
EI_UNIT_LABELS = {"gas_reserves": "Trillion cubic metres"}
EI_PIPELINE_SHEET = "Gas trade - pipeline"
EI_NAMES = {"US": "USA", "Total North America": None, "Total World": None}
#: Unit conversion: billion cubic feet per billion cubic metres (EI 'Approximate conversion factors').
BCF_PER_BCM = 35.3147

# --------------------------------------------------------------------------------------------------
# Energy Institute Statistical Review 2024

EI_SCHEMA = tidy_schema({"country": pa.Column(str), "series": pa.Column(str)}, nullable_value=True,
                        name="ei_wide_sheet")


def _ei_iso3(name: str) -> str | None:
    if name in EI_NAMES:
        return EI_NAMES[name]
    if name.startswith(("Total", "Other", "Central America", "of which")):
        return None
    return to_iso3(name)


def _ei_cell(value, sheet: str, country: str, year: int) -> float:
    if value is None:
        return float("nan")
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text in ("n/a", "-", ""):
        return float("nan")
    if text == "^":
        return 0.0
    raise SchemaError(f"{EI}: sheet {sheet!r}, {country} {year}: non-numeric cell {value!r}")


def parse_ei_rows(rows: list[tuple], sheet: str, unit: str, series: str,
                  unit_label: str | None = None) -> pd.DataFrame:
    """Tidy an EI wide sheet given its rows (as from openpyxl ``iter_rows(values_only=True)``). With
    ``unit_label``, the first cell of the header row must state that unit (else refused)."""
    header_at = next((i for i, r in enumerate(rows[:10]) if r and isinstance(r[1], int) and 1900 < r[1] < 2100),
                     None)
    if header_at is None:
        raise SchemaError(f"{EI}: sheet {sheet!r}: no header row of years found in the first 10 rows")
    header = rows[header_at]
    if unit_label is not None and " ".join(str(header[0]).split()).lower() != unit_label.lower():
        raise SchemaError(f"{EI}: sheet {sheet!r}: the header row states the unit {header[0]!r}, expected "
                          f"{unit_label!r}")
    years: list[int] = []
    for cell in header[1:]:
        if not isinstance(cell, int) or (years and cell <= years[-1]):
            break  # the share column repeats the last year
        years.append(cell)
    records = []
    for row in rows[header_at + 1:]:
        name = row[0]
        if name is None or not str(name).strip():
            continue
        name = str(name).strip()
        cells = row[1:1 + len(years)]
        if all(c is None for c in cells):
            continue  # a footnote or section line
        if name.startswith(("Source", "Note", "*", "^", "#")):
            continue
        for year, cell in zip(years, cells, strict=True):
            records.append((_ei_iso3(name), year, _ei_cell(cell, sheet, name, year), name))
    out = pd.DataFrame(records, columns=["iso3", "year", "value", "country"])
    if out.empty:
        raise SchemaError(f"{EI}: sheet {sheet!r}: no data rows found")
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    out = out.assign(year=out["year"].astype(int), unit=unit, source=EI, series=series)
    return validate(out, EI_SCHEMA, EI)


def _sheet_rows(path, sheet: str) -> list[tuple]:
    # openpyxl, not calamine: calamine reads error cells ('#N/A') as blank, so _ei_cell could not refuse them
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet not in wb.sheetnames:
            raise SchemaError(f"{EI}: sheet {sheet!r} not found; sheets: {wb.sheetnames[:10]}...")
        return list(wb[sheet].iter_rows(values_only=True))
    finally:
        wb.close()


@cached(EI)
def _ei_sheet(path, name: str) -> pd.DataFrame:
    sheet, unit = EI_SHEETS[name]
    return parse_ei_rows(_sheet_rows(path, sheet), sheet, unit, name, EI_UNIT_LABELS.get(name))


def ei(name: str) -> pd.DataFrame:
    """One EI 2024 country-by-year sheet (see :data:`EI_SHEETS`), tidy: iso3, country, year, value, unit."""
    if name not in EI_SHEETS:
        raise KeyError(f"unknown EI sheet {name!r}; known: {list(EI_SHEETS)}")
    return _ei_sheet(name=name)


PIPELINE_SCHEMA = tidy_schema({"importer": pa.Column(str), "exporter": pa.Column(str),
                               "exporter_iso3": pa.Column(str, nullable=True),
                               "gcv_mj_per_m3": pa.Column(float, pa.Check.gt(0))}, name="ei_gas_pipeline")
#: The sheet's note on its standard: volumes standardized to a gross calorific value, in MJ per cubic metre.
PIPELINE_GCV_NOTE = re.compile(r"gross calorific value\s*\(GCV\)\s*of\s*(\d+(?:\.\d+)?)\s*MJ/m3", re.IGNORECASE)
PIPELINE_TITLE = re.compile(r"trade movements\s+(\d{4})\s+by pipeline", re.IGNORECASE)


def _pipeline_text(rows: list[tuple], pattern: re.Pattern, what: str) -> str:
    """The first group of ``pattern`` in the first cell of a row of the pipeline sheet, else refuse."""
    for row in rows:
        found = pattern.search(str(row[0])) if row and row[0] is not None else None
        if found:
            return found.group(1)
    raise SchemaError(f"{EI}: sheet {EI_PIPELINE_SHEET!r}: {what} not found; the sheet's layout or notes changed")


def parse_pipeline_rows(rows: list[tuple]) -> pd.DataFrame:
    """Tidy the EI pipeline gas trade matrix (rows: importer 'To'; columns: exporter), bcm standardized to the
    gross calorific value of the sheet's note (``gcv_mj_per_m3``); ``year`` from the sheet's title."""
    header_at = next((i for i, r in enumerate(rows[:10]) if r and str(r[0]).strip() == "To"), None)
    if header_at is None:
        raise SchemaError(f"{EI}: sheet {EI_PIPELINE_SHEET!r}: header row starting 'To' not found")
    year = int(_pipeline_text(rows[:header_at], PIPELINE_TITLE, "title 'Trade movements <year> by pipeline'"))
    gcv = float(_pipeline_text(rows[header_at + 1:], PIPELINE_GCV_NOTE,
                               "note on the gross calorific value (GCV, MJ/m3) of the volumes"))
    exporters = [str(c).strip() if c is not None else None for c in rows[header_at][1:]]
    records = []
    for row in rows[header_at + 1:]:
        if row[0] is None or not str(row[0]).strip():
            continue
        importer = str(row[0]).strip()
        for exporter, cell in zip(exporters, row[1:], strict=False):
            if exporter is None or exporter.startswith("Total") or cell is None:
                continue
            records.append((_ei_iso3(importer), importer, exporter, _ei_iso3(exporter),
                            _ei_cell(cell, EI_PIPELINE_SHEET, importer, year)))
    out = pd.DataFrame(records, columns=["iso3", "importer", "exporter", "exporter_iso3", "value"])
    for col in ("iso3", "exporter_iso3"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out = out.assign(year=year, unit=f"billion cubic metres (standardized at {gcv:g} MJ/m3)", gcv_mj_per_m3=gcv,
                     source=EI)
    return validate(out, PIPELINE_SCHEMA, EI)


@cached(EI)
def _pipeline(path) -> pd.DataFrame:
    return parse_pipeline_rows(_sheet_rows(path, EI_PIPELINE_SHEET))


def ei_pipeline_trade() -> pd.DataFrame:
    """EI 2024 natural gas trade by pipeline in 2023: importer (iso3), exporter, value in bcm standardized to the
    gross calorific value ``gcv_mj_per_m3`` of the sheet's note (an energy measure, not a physical volume)."""
    return _pipeline()


# --------------------------------------------------------------------------------------------------
# BP Statistical Review 2021 (OWID input)

#: Units of the BP-2021 columns used, as stated by their names (thousand barrels daily for 'Barrels').
#: 'Gas - Proved reserves' states no unit in its name and stays refused: read the same series from the EI 2024
#: workbook, whose sheet states its unit (``ei("gas_reserves")``, trillion cubic metres; identical values).
BP_UNITS = {
    "Oil Production - Barrels": "thousand barrels per day",
    "Oil Production - Crude Conds": "thousand barrels per day",
    "Oil Production - NGLs": "thousand barrels per day",
    "Gas Production - Bcm": "billion cubic metres",
    "Gas Consumption - Bcm": "billion cubic metres",
    "Electricity Generation": "TWh",
}
BP_SCHEMA = tidy_schema({"entity": pa.Column(str), "series": pa.Column(str)}, name="bp2021")
#: The selected columns, melted (rows labelled "Entity Year, column"): numbers or blank, never text.
BP_RAW_SCHEMA = pa.DataFrameSchema({"value": pa.Column(checks=is_number("a number"), nullable=True)},
                                   name="bp2021_columns")


def parse_bp2021(raw: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Tidy selected BP-2021 columns: one row per entity, year and column (missing values dropped)."""
    unknown = [c for c in columns if c not in BP_UNITS]
    if unknown:
        raise SchemaError(f"{BP2021}: no known unit for column(s) {unknown}; add them to BP_UNITS with the unit "
                          f"their name states")
    require_columns(raw, ["Entity", "Year", *columns], BP2021)
    long = raw.melt(id_vars=["Entity", "Year"], value_vars=columns, var_name="series", value_name="value")
    long.index = long["Entity"].astype(str) + " " + long["Year"].astype(str) + ", " + long["series"]
    long = validate(long, BP_RAW_SCHEMA, BP2021).reset_index(drop=True)
    long = long.assign(value=pd.to_numeric(long["value"])).dropna(subset=["value"])
    iso = {e: to_iso3(e) for e in long["Entity"].unique()}
    out = pd.DataFrame({
        "iso3": long["Entity"].map(iso),
        "year": long["Year"].astype(int),
        "value": long["value"].astype(float),
        "unit": long["series"].map(BP_UNITS),
        "source": BP2021,
        "entity": long["Entity"].astype(str),
        "series": long["series"].astype(str),
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out.reset_index(drop=True), BP_SCHEMA, BP2021)


def bp2021(columns=("Oil Production - Barrels", "Oil Production - Crude Conds")) -> pd.DataFrame:
    """BP Statistical Review 2021 series (OWID input), tidy, units from the column names."""
    raw = pd.read_csv(registry.fetch(BP2021), usecols=lambda c: c in ("Entity", "Year", *columns))
    return parse_bp2021(raw, list(columns))


# --------------------------------------------------------------------------------------------------
# OWID share of electricity by source

ELEC_SOURCES = {
    "Coal - % electricity": "coal", "Gas - % electricity": "gas", "Oil - % electricity": "oil",
    "Nuclear - % electricity": "nuclear", "Hydro - % electricity": "hydro", "Wind - % electricity": "wind",
    "Solar - % electricity": "solar", "Bioenergy - % electricity": "bioenergy",
    "Other renewables excluding bioenergy - % electricity": "other renewables",
}
OTHER_RENEWABLES_COL = "Other renewables excluding bioenergy - % electricity"
#: Before 2000 the file has no bioenergy / other-renewables split (EI's 'geothermal, biomass and other'):
#: a gap of up to this many points is assigned to 'other renewables'; a larger gap is refused.
MAX_UNSPLIT = 6.0
RENEWABLES = ("hydro", "wind", "solar", "bioenergy", "other renewables")
FOSSIL = ("coal", "gas", "oil")
ELEC_SCHEMA = tidy_schema({"entity": pa.Column(str), "fuel": pa.Column(str, pa.Check.isin(list(ELEC_SOURCES.values())))},
                          nullable_value=True, name="owid_elec_shares")


def _shares_add_up(wide: pd.DataFrame) -> pd.Series:
    """Per row (country-year): the itemised shares sum to 100 within 1 point, or fall short of it by at most
    :data:`MAX_UNSPLIT` points where bioenergy or other renewables are blank (not split before 2000)."""
    shares = wide[list(ELEC_SOURCES)].apply(pd.to_numeric, errors="coerce")
    text = (shares.isna() & wide[list(ELEC_SOURCES)].notna()).any(axis=1)  # refused by the column check
    gap = 100 - shares.sum(axis=1, min_count=1)
    blank_other = shares[[OTHER_RENEWABLES_COL, "Bioenergy - % electricity"]].isna().any(axis=1)
    return text | (gap.abs() <= 1) | ((gap > 1) & (gap <= MAX_UNSPLIT) & blank_other)


#: The download as published (rows labelled "Entity Year"): numeric shares that add up (see
#: :func:`_shares_add_up`); a blank share may only be read as zero when the others still make 100.
ELEC_RAW_SCHEMA = pa.DataFrameSchema(
    {col: pa.Column(checks=is_number("a percentage"), nullable=True) for col in ELEC_SOURCES},
    checks=pa.Check(_shares_add_up, error="shares do not sum to 100; blank shares cannot be read as zero"),
    name="owid_elec_shares_download")


def parse_elec_shares(raw: pd.DataFrame, iso3s=None) -> pd.DataFrame:
    """Tidy OWID shares (percent of generation) by fuel, checked to add up; blank shares stay missing
    (the chapter reads them as zero, and the pre-2000 gap as other renewables)."""
    require_columns(raw, ["Entity", "Code", "Year", *ELEC_SOURCES], OWID_ELEC)
    if iso3s is not None:
        raw = raw[raw["Code"].isin(iso3s)]
    raw = validate(raw.set_axis(raw["Entity"].astype(str) + " " + raw["Year"].astype(str)), ELEC_RAW_SCHEMA,
                   OWID_ELEC).reset_index(drop=True)
    long = raw.melt(id_vars=["Entity", "Code", "Year"], value_vars=list(ELEC_SOURCES), var_name="col",
                    value_name="value")
    out = pd.DataFrame({
        "iso3": long["Code"].where(long["Code"].astype(str).str.fullmatch(r"[A-Z]{3}"), None),
        "year": long["Year"].astype(int),
        "value": pd.to_numeric(long["value"]).astype(float),
        "unit": "percent of electricity generation",
        "source": OWID_ELEC,
        "entity": long["Entity"].astype(str),
        "fuel": long["col"].map(ELEC_SOURCES),
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, ELEC_SCHEMA, OWID_ELEC)


def elec_shares(iso3s=("USA", "MEX", "CAN")) -> pd.DataFrame:
    """Share of electricity generation by fuel (percent), 1985-2023, for ``iso3s`` (OWID / Ember / EI)."""
    return parse_elec_shares(pd.read_csv(registry.fetch(OWID_ELEC)), iso3s)


# --------------------------------------------------------------------------------------------------
# PEMEX crude oil production by asset (SENER SIE, PMXB1C05)

MESES = {"Ene": 1, "Feb": 2, "Mar": 3, "Abr": 4, "May": 5, "Jun": 6, "Jul": 7, "Ago": 8, "Sep": 9, "Oct": 10,
         "Nov": 11, "Dic": 12}
PEMEX_SCHEMA = tidy_schema({"entity": pa.Column(str), "level": pa.Column(str)}, time="date", nullable_value=True,
                           name="pemex_crude")


def _is_number(cell) -> bool:
    return isinstance(cell, (int, float)) and not isinstance(cell, bool)


#: The sheet's cells (rows labelled "entity YYYY-MM"): a number, or 'N/D' / blank (missing) for a region
#: or an asset; the national total is never missing.
PEMEX_CELLS_SCHEMA = pa.DataFrameSchema(
    {"value": pa.Column(checks=pa.Check(lambda c: _is_number(c) or str(c).strip() in ("N/D", ""), element_wise=True,
                                        error="non-numeric cell (not a number, 'N/D' nor blank)"), nullable=True)},
    checks=pa.Check(lambda df: (df["level"] != "total") | df["value"].map(_is_number),
                    error="national total missing"),
    name="pemex_cells")


def _pemex_month(label: str) -> pd.Timestamp:
    try:
        mes, year = str(label).strip().split("/")
        return pd.Timestamp(int(year), MESES[mes], 1)
    except (ValueError, KeyError) as exc:
        raise SchemaError(f"{PEMEX}: month label {label!r} is not like 'Ene/2010'") from exc


def parse_pemex_rows(rows: list[list]) -> pd.DataFrame:
    """Tidy PEMEX crude production (thousand b/d) from the sheet's rows of cell values."""
    header_at = next((i for i, r in enumerate(rows[:15]) if len(r) > 1 and "/" in str(r[1])), None)
    if header_at is None:
        raise SchemaError(f"{PEMEX}: the row of month labels ('Ene/2010', ...) was not found")
    labels = [c for c in rows[header_at][1:] if str(c).strip()]
    months = [_pemex_month(c) for c in labels]
    records = []
    for row in rows[header_at + 1:]:
        name = str(row[0])
        if not name.strip() or name.strip().startswith(("Notas", "Mayor", "Fuente")):
            continue
        level = "asset" if name.startswith(" ") else "region"
        entity = name.strip()
        if entity in ("Totalb", "Total"):
            entity, level = "Total", "total"
        cells = row[1:1 + len(months)]
        if all(str(c).strip() == "" for c in cells):
            continue
        records += [(month, cell, entity, level) for month, cell in zip(months, cells, strict=True)]
    out = pd.DataFrame(records, columns=["date", "value", "entity", "level"])
    if not (out["level"] == "total").any():
        raise SchemaError(f"{PEMEX}: no national total row ('Totalb') found")
    out.index = out["entity"] + " " + out["date"].dt.strftime("%Y-%m")
    out = validate(out, PEMEX_CELLS_SCHEMA, PEMEX).reset_index(drop=True)
    value = pd.to_numeric(out["value"].where(out["value"].map(_is_number)), errors="coerce").astype(float)
    out = out.assign(iso3="MEX", value=value, date=out["date"].astype("datetime64[ns]"),
                     unit="thousand barrels per day", source=PEMEX)
    return validate(out, PEMEX_SCHEMA, PEMEX)


def _xls_rows(path, sheet: str | int = 0) -> tuple[list[list], int]:
    import xlrd

    wb = xlrd.open_workbook(path, on_demand=True)
    try:
        sh = wb.sheet_by_name(sheet) if isinstance(sheet, str) else wb.sheet_by_index(sheet)
        return [sh.row_values(r) for r in range(sh.nrows)], wb.datemode
    finally:
        wb.release_resources()


def pemex_crude() -> pd.DataFrame:
    """PEMEX crude oil production, monthly Jan 2010-Feb 2023, thousand b/d: total, regions and assets."""
    rows, _ = _xls_rows(registry.fetch(PEMEX), 0)
    return parse_pemex_rows(rows)


# --------------------------------------------------------------------------------------------------
# EIA natural gas exports by country (monthly, MMcf)

EIA_MEXICO_PIPELINE = "N9132MX2"
EIA_SCHEMA = tidy_schema({"series_key": pa.Column(str), "series": pa.Column(str)}, time="date", iso3=False,
                         name="eia_gas_exports")
#: The cells read from sheet 'Data 1' (rows labelled "series YYYY-MM"): volumes, one per series and month.
EIA_CELLS_SCHEMA = pa.DataFrameSchema(
    {"value": pa.Column(checks=[pa.Check(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
                                         element_wise=True, error="not a volume (a number of MMcf, never negative)")])},
    unique=["date", "series_key"], name="eia_gas_cells")


def parse_eia_rows(rows: list[list], datemode: int, keys=(EIA_MEXICO_PIPELINE,)) -> pd.DataFrame:
    """Tidy selected EIA series (MMcf per month) from the rows of sheet 'Data 1'."""
    import xlrd

    key_row = next((i for i, r in enumerate(rows[:5]) if str(r[0]).strip() == "Sourcekey"), None)
    if key_row is None:
        raise SchemaError(f"{EIA_GAS}: sheet 'Data 1' has no 'Sourcekey' row")
    header = [str(c).strip() for c in rows[key_row]]
    names = rows[key_row + 1]
    missing = [k for k in keys if k not in header]
    if missing:
        raise SchemaError(f"{EIA_GAS}: series {missing} not found in sheet 'Data 1' (keys: {header[1:8]}...)")
    records = []
    for row in rows[key_row + 2:]:
        if row[0] in ("", None):
            continue
        date = pd.Timestamp(xlrd.xldate_as_datetime(row[0], datemode)).to_period("M").to_timestamp()
        for k in keys:
            j = header.index(k)
            if row[j] not in ("", None):
                records.append((date, row[j], k, str(names[j])))
    out = pd.DataFrame(records, columns=["date", "value", "series_key", "series"])
    out.index = out["series_key"] + " " + out["date"].dt.strftime("%Y-%m")
    out = validate(out, EIA_CELLS_SCHEMA, EIA_GAS).reset_index(drop=True)
    out = out.assign(date=out["date"].astype("datetime64[ns]"), value=out["value"].astype(float),
                     unit="million cubic feet per month", source=EIA_GAS)
    return validate(out, EIA_SCHEMA, EIA_GAS)


def eia_gas_exports(keys=(EIA_MEXICO_PIPELINE,)) -> pd.DataFrame:
    """EIA monthly US natural gas exports (MMcf per month) for the given source keys (default: pipeline
    exports to Mexico)."""
    rows, datemode = _xls_rows(registry.fetch(EIA_GAS), "Data 1")
    return parse_eia_rows(rows, datemode, tuple(keys))


def registry_keys() -> list[str]:
    return [EI, BP2021, OWID_ELEC, PEMEX, EIA_GAS]
