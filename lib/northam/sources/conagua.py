"""CONAGUA water files: surface-water availability by basin, runoff by hydrological region, and the
Drought Monitor (Monitor de Sequía de México, SMN/CONAGUA) by municipality.

Units: hm3 (million cubic metres) per year for volumes, km2 for areas; drought categories D0 (abnormally
dry) to D4 (exceptional drought), blank = no drought.

Quirks handled here:

- ``conagua_cuencas_disponibilidad_2005_2020.csv`` is Latin-1 and semicolon-separated, ends with 16
  empty columns and ~900 blank lines (dropped), and its availability column ``dma`` holds text: ``-``
  (not determined; kept as missing with status ``"not determined"``) and garbled deficit cells such as
  ``0.-40`` or ``0.0-1`` (a zero-or-negative availability whose digits were mangled; value kept missing,
  status ``"deficit (garbled cell)"``). Any other text in a numeric column is refused (pandera), naming
  the column, value, basin and year. The file only covers all 757 basins from 2016.
- Some publication years repeat the previous year's table cell for cell (every basin, volume and status):
  2017, 2018 and 2019 are the 2016 table again (same 760.8 km3 of availability, same 649 / 78 / 26 / 4
  basins available / without availability / not determined / garbled), and 2014 is the 2013 table. One
  publication printed under several years is not several determinations: such a year is dropped and the
  first year of the run is kept, with ``repeated_through`` giving the last year the same table was printed
  under (:func:`repeated_years`; ``repeated_through == year`` for a table printed once). SOURCES.yml (read-only)
  still lists 2016-2020 as five years of full coverage: there are two distinct full publications, 2016 and 2020.
- ``conagua_regiones_hidrologicas_escurrimiento_2006_2019.csv`` is UTF-8, although its SOURCES.yml entry
  says Latin-1: its bytes are ``c3 a1`` for ``á``. Read as Latin-1 it gave ``PÃ¡nuco``; it is decoded
  strictly as UTF-8, so a Latin-1 copy would fail loudly instead of garbling names.
- The drought workbook has one column per date (monthly to 2013, then twice a month). A blank cell means no
  drought, but two date columns are blank in every row (2003-08-31 and 2004-02-29): no Monitor was issued
  then, so those dates are dropped instead of being read as no drought anywhere in Mexico. A cell that is not
  D0-D4 or blank is refused.
"""

from __future__ import annotations

import datetime
import re

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..schemas import SchemaError, as_numbers, is_number, require_columns, tidy_schema, validate
from . import read_workbook

BASINS = "conagua_cuencas_disponibilidad_2005_2020.csv"
RUNOFF = "conagua_regiones_hidrologicas_escurrimiento_2006_2019.csv"
DROUGHT = "smn_conagua_monitor_sequia_municipios_2003_2021.xlsx"
UNIT_HM3 = "hm3 per year"
GARBLED_DEFICIT = re.compile(r"^0\.0?-\d+$")
NOT_DETERMINED = "-"

# --------------------------------------------------------------------------------------------------
# Basins (cuencas)

BASIN_SCHEMA = tidy_schema(
    {
        "clv": pa.Column(int),
        "basin": pa.Column(str),
        "rha": pa.Column(str),
        "status": pa.Column(str, pa.Check.isin(["available", "no availability", "deficit (garbled cell)",
                                                "not determined"])),
        "repeated_through": pa.Column(int),
    },
    nullable_value=True,
    name="conagua_basins",
)
BASIN_COLUMNS = ["n", "clv", "nom_cue", "vmae", "vaeas", "dma", "a", "year", "RHA"]


def _basin_cell(*, allow_garbled: bool = False) -> pa.Check:
    """A numeric cell of the basin table: a number, '-' (not determined) or blank; for ``dma`` also a
    garbled deficit such as '0.-40'."""
    def ok(cells: pd.Series) -> pd.Series:  # the whole column at once; pandera lists each failing cell
        text = cells.astype(str).str.strip()
        good = as_numbers(cells)[0] | (text == NOT_DETERMINED)  # the project's rule for "reads as a number"
        return good | text.str.match(GARBLED_DEFICIT) if allow_garbled else good

    return pa.Check(ok, error="non-numeric value (not a number, '-' nor a garbled deficit)"
                    if allow_garbled else "non-numeric value (not a number nor '-')")


#: The basin table as published (rows labelled "basin <clv> (<name>), <year>"): each row placed by its year
#: and basin key, numeric columns holding numbers or the two known kinds of text.
BASIN_RAW_SCHEMA = pa.DataFrameSchema({
    "year": pa.Column(checks=is_number("a year")),
    "clv": pa.Column(checks=is_number("a basin key")),
    "dma": pa.Column(checks=_basin_cell(allow_garbled=True), nullable=True),
    **{c: pa.Column(checks=_basin_cell(), nullable=True) for c in ("vmae", "vaeas", "a")},
}, name="conagua_basins_csv")
#: One row per basin and publication year.
BASIN_UNIQUE = pa.DataFrameSchema(unique=["year", "clv"], name="conagua_one_row_per_basin_year")


#: The columns that make a year's table (everything but the year): two years with equal tables are one
#: publication printed twice.
PUBLICATION_COLUMNS = ["clv", "basin", "rha", "value", "runoff", "committed_downstream", "area_km2", "status"]


def repeated_years(tidy: pd.DataFrame) -> dict[int, int]:
    """Years whose table is identical to that of the previous year in the file, each mapped to the first
    year of its run of identical tables (e.g. {2017: 2016, 2018: 2016, 2019: 2016}).

    Tables are compared on :data:`PUBLICATION_COLUMNS`, rows in basin-key order, a missing cell equal to a
    missing cell (a '-' or garbled cell repeated as such).
    """
    tables = {int(y): g[PUBLICATION_COLUMNS].sort_values("clv").reset_index(drop=True)
              for y, g in tidy.groupby("year")}
    first_of: dict[int, int] = {}
    years = sorted(tables)
    for prev, year in zip(years, years[1:], strict=False):
        if tables[year].equals(tables[prev]):
            first_of[year] = first_of.get(prev, prev)
    return first_of


def _drop_repeated_years(tidy: pd.DataFrame) -> pd.DataFrame:
    """Keep the first year of each run of identical tables; ``repeated_through`` = the run's last year."""
    repeats = repeated_years(tidy)
    through: dict[int, int] = {}
    for year, first in repeats.items():
        through[first] = max(through.get(first, first), year)
    kept = tidy[~tidy["year"].isin(repeats)]
    position = kept.columns.get_loc("year") + 1
    kept = kept.copy()
    kept.insert(position, "repeated_through", kept["year"].map(lambda y: through.get(y, y)).astype(int))
    return kept.reset_index(drop=True)


def _numeric(col: pd.Series) -> pd.Series:
    """A validated numeric column as floats ('-', garbled deficits and blanks become missing)."""
    return pd.to_numeric(col.astype(str).str.strip(), errors="coerce").astype(float)


def parse_basins(raw: pd.DataFrame, key: str = BASINS) -> pd.DataFrame:
    """Tidy the basin availability table: one row per basin and publication, value = dma (hm3). A year whose
    table repeats the previous year's is dropped (see the module docstring and :func:`repeated_years`)."""
    require_columns(raw, BASIN_COLUMNS, key)
    extra = [c for c in raw.columns if c not in BASIN_COLUMNS]
    filled = [c for c in extra if raw[c].notna().any()]
    if filled:
        raise SchemaError(f"{key}: unexpected non-empty column(s) {filled}; the layout changed")
    raw = raw[BASIN_COLUMNS].dropna(how="all")
    labels = "basin " + raw["clv"].astype(str) + " (" + raw["nom_cue"].astype(str) + "), " + raw["year"].astype(str)
    raw = validate(raw.set_axis(labels), BASIN_RAW_SCHEMA, key).set_axis(raw.index)
    raw = raw.assign(year=pd.to_numeric(raw["year"]), clv=pd.to_numeric(raw["clv"]))
    dma = _numeric(raw["dma"])
    text = raw["dma"].astype(str).str.strip()
    garbled = text.str.match(GARBLED_DEFICIT)
    status = pd.Series("available", index=raw.index, dtype=object)
    status.loc[dma <= 0] = "no availability"
    status.loc[garbled] = "deficit (garbled cell)"
    status.loc[dma.isna() & ~garbled] = "not determined"
    out = pd.DataFrame({
        "iso3": "MEX",
        "year": raw["year"].astype(int),
        "clv": raw["clv"].astype(int),
        "basin": raw["nom_cue"].astype(str).str.strip(),
        "rha": raw["RHA"].astype(str).str.strip(),
        "value": dma,
        "runoff": _numeric(raw["vmae"]),
        "committed_downstream": _numeric(raw["vaeas"]),
        "area_km2": _numeric(raw["a"]),
        "status": status,
        "unit": UNIT_HM3,
        "source": key,
    })
    out = validate(out.reset_index(drop=True), BASIN_UNIQUE, key)
    return validate(_drop_repeated_years(out), BASIN_SCHEMA, key)


def read_basins_csv(path) -> pd.DataFrame:
    """The raw basin table (Latin-1, semicolon-separated, all cells as text)."""
    return pd.read_csv(path, sep=";", encoding="latin-1", dtype=str)


def basins() -> pd.DataFrame:
    """Mean annual surface-water availability by basin (``value`` = dma, hm3), one row per basin and distinct
    publication, 2005-2020.

    Columns: iso3, year (first year the table was printed under), repeated_through (last year the same table
    was printed under), clv, basin, rha (hydrological-administrative region), value, runoff (vmae),
    committed_downstream (vaeas), area_km2, status, unit, source. Only the publications from 2016 cover all
    basins.
    """
    return _basins()


@cached(BASINS)
def _basins(path) -> pd.DataFrame:
    return parse_basins(read_basins_csv(path))


# --------------------------------------------------------------------------------------------------
# Runoff by hydrological region

RUNOFF_COLUMNS = ["id_rh", "Nombre_rh", "Area_Km2", "PrecipitacionNormal", "EscurrimientoNaturalMedioSuperficial",
                  "ImportacionesExportacionesOtrosPaises", "EscurrimientoNaturalMedioSuperficialTotal",
                  "No_Cuencas", "anio"]
RUNOFF_SCHEMA = tidy_schema({"id_rh": pa.Column(int), "region": pa.Column(str), "basins": pa.Column(int)},
                            name="conagua_runoff")
#: The runoff table as published (rows labelled "region year"): these columns numeric and complete.
RUNOFF_RAW_SCHEMA = pa.DataFrameSchema(
    {c: pa.Column(checks=is_number("a number")) for c in
     ["EscurrimientoNaturalMedioSuperficialTotal", "No_Cuencas", "anio", "id_rh"]}, name="conagua_runoff_csv")


def parse_runoff(raw: pd.DataFrame, key: str = RUNOFF) -> pd.DataFrame:
    """Tidy runoff table: value = total mean natural surface runoff (hm3/year) by region and year."""
    require_columns(raw, RUNOFF_COLUMNS, key)
    raw = validate(raw.set_axis(raw["Nombre_rh"].astype(str) + " " + raw["anio"].astype(str)), RUNOFF_RAW_SCHEMA,
                   key).reset_index(drop=True)
    raw = raw.assign(**{c: pd.to_numeric(raw[c]) for c in RUNOFF_RAW_SCHEMA.columns})
    out = pd.DataFrame({
        "iso3": "MEX",
        "year": raw["anio"].astype(int),
        "id_rh": raw["id_rh"].astype(int),
        "region": raw["Nombre_rh"].astype(str).str.strip(),
        "value": raw["EscurrimientoNaturalMedioSuperficialTotal"].astype(float),
        "area_km2": raw["Area_Km2"].astype(float),
        "precipitation_mm": raw["PrecipitacionNormal"].astype(float),
        "basins": raw["No_Cuencas"].astype(int),
        "unit": UNIT_HM3,
        "source": key,
    })
    return validate(out, RUNOFF_SCHEMA, key)


def runoff() -> pd.DataFrame:
    """Mean natural surface runoff by hydrological region (37 RH), 2006-2019, hm3 per year."""
    return parse_runoff(pd.read_csv(registry.fetch(RUNOFF), encoding="utf-8", encoding_errors="strict"))


# --------------------------------------------------------------------------------------------------
# Drought Monitor by municipality

CATEGORIES = ("D0", "D1", "D2", "D3", "D4")
ALL_CATEGORIES = ("none", *CATEGORIES)
#: INEGI state codes of the six Mexican states on the US border.
BORDER_STATES = {2: "Baja California", 26: "Sonora", 8: "Chihuahua", 5: "Coahuila", 19: "Nuevo León",
                 28: "Tamaulipas"}
DROUGHT_ID_COLUMNS = ["CVE_CONCATENADA", "CVE_ENT", "CVE_MUN", "NOMBRE_MUN", "ENTIDAD"]
DROUGHT_SCHEMA = tidy_schema(
    {
        "cve_mun": pa.Column(int),
        "cve_ent": pa.Column(int, pa.Check.in_range(1, 32)),
        "state": pa.Column(str),
        "municipality": pa.Column(str),
        "category": pa.Column(str, pa.Check.isin(list(ALL_CATEGORIES))),
    },
    time="date",
    name="smn_drought_monitor",
)


def parse_drought(raw: pd.DataFrame, key: str = DROUGHT) -> pd.DataFrame:
    """Long table of drought category per municipality and date (``value`` = 0 none, 1 D0 ... 5 D4)."""
    require_columns(raw, DROUGHT_ID_COLUMNS, key, "sheet MUNICIPIOS")
    date_cols = [c for c in raw.columns if c not in DROUGHT_ID_COLUMNS + ["ORG_CUENCA", "CLV_OC", "CON_CUENCA",
                                                                          "CVE_CONC"]]
    dates = pd.Series([pd.Timestamp(c) if isinstance(c, (datetime.datetime, pd.Timestamp)) else pd.NaT
                       for c in date_cols], dtype="datetime64[ns]")
    if dates.isna().any() or not date_cols:
        bad = [c for c, d in zip(date_cols, dates, strict=True) if pd.isna(d)]
        raise SchemaError(f"{key}: sheet MUNICIPIOS has column(s) that are not dates: {bad[:5]}")
    if dates.duplicated().any():
        raise SchemaError(f"{key}: date column(s) repeated: {list(dates[dates.duplicated()].astype(str))}")
    # a date blank in every municipality is a month without a Monitor, not a country without drought
    date_cols = [c for c in date_cols if raw[c].notna().any()]
    long = raw.melt(id_vars=DROUGHT_ID_COLUMNS, value_vars=date_cols, var_name="date", value_name="cat")
    cat = long["cat"].astype(object).where(long["cat"].notna(), "none").astype(str).str.strip()
    cat = cat.replace("", "none")
    out = pd.DataFrame({
        "iso3": "MEX",
        "date": pd.to_datetime(long["date"]).astype("datetime64[ns]"),
        "cve_mun": long["CVE_CONCATENADA"].astype(int),
        "cve_ent": long["CVE_ENT"].astype(int),
        "state": long["ENTIDAD"].astype(str).str.strip(),
        "municipality": long["NOMBRE_MUN"].astype(str).str.strip(),
        "category": cat,
        "value": cat.map({c: float(i) for i, c in enumerate(ALL_CATEGORIES)}),
        "unit": "drought category (0 none, 1 D0 ... 5 D4)",
        "source": key,
    })
    # rows labelled (municipality key, date): a category that is not D0-D4 or blank is named with both
    out.index = pd.MultiIndex.from_arrays([out["cve_mun"], out["date"]], names=["municipality", "date"])
    return validate(out, DROUGHT_SCHEMA, key).reset_index(drop=True)


@cached(DROUGHT)
def _drought(path) -> pd.DataFrame:
    return parse_drought(read_workbook(path, sheet_name="MUNICIPIOS"))


def drought_monitor() -> pd.DataFrame:
    """Drought category of every Mexican municipality at every Monitor date, 2003-01-31 to 2021-10-15.

    Columns: iso3, date, cve_mun (INEGI state*1000 + municipality), cve_ent, state, municipality,
    category ('none', 'D0'..'D4'), value (0..5), unit, source. Source: SMN/CONAGUA MunicipiosSequia.xlsx.
    """
    df = _drought()
    return df.assign(date=df["date"].astype("datetime64[ns]"))


def registry_keys() -> list[str]:
    return [BASINS, RUNOFF, DROUGHT]
