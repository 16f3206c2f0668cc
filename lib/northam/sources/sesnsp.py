"""Mexico's SESNSP victims of crimes of common jurisdiction (fuero común), by state, as reshaped by a third party.

Both files are **derived**, not SESNSP's own downloads: Isaac Arroyo (``datos_facil_acceso``) reshaped the
SESNSP state victims CSV (new methodology) and, for the annual file, aggregated it to years and joined
CONAPO's mid-year population. Both are bz2-compressed CSVs, read as stored.

- ``sesnsp_victimas_ent_nac_anual_x100khab_genero.csv.bz2``: victims per year, state (and ``Nacional``),
  crime type, subtype, modality and sex (``Total`` / ``Hombre`` / ``Mujer``), with victims per 100,000
  people and per 100,000 women. About 4.6 MB unpacked: read whole.
- ``sesnsp_victimas_ent_mensual_long.csv.bz2``: victims per month, state, crime subtype, modality, sex
  (``Hombre`` / ``Mujer`` / ``No identificado``) and age group; no national rows. About 133 MB unpacked,
  so only the seven columns needed are read (pyarrow), only the rows of the two crimes the book uses
  (:data:`SUBTYPES`: intentional homicide and femicide) are kept, age groups are summed, and the tidy
  table is cached on the file's hash (:mod:`northam.cache`). Rows of other crimes are not checked.

Rules (each refusal names the file and the value):

- **States.** Names are mapped to INEGI's CVE_ENT by the book's one table of state names
  (:data:`northam.countries.MX_STATES` and its publisher spellings, e.g. SESNSP's ``Estado de México`` is
  ``México``); ``Nacional`` is ``"00"``. Any other name is refused, and so is a row whose ``cve_ent`` is not
  its name's code. The tidy ``state`` column holds the book's names.
- **Coverage.** Both files cover January 2015 to June 2025 (:data:`FIRST_MONTH`, :data:`LAST_MONTH`, as
  stated in SOURCES.yml). A month or year outside is refused. Annual rows of 2025 hold six months: they
  are flagged ``partial`` with ``months`` = 6.
- **Counts** are whole numbers of victims, never negative.
- **Sex.** ``Total`` / ``Hombre`` / ``Mujer`` / ``No identificado`` become all / male / female / unidentified.
  For homicide the annual ``Total`` is larger than male plus female: it includes victims whose sex was not
  recorded. Femicide victims are women by definition (female rows only).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import countries
from ..cache import cached
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from . import mcv

ANNUAL_KEY = "sesnsp_victimas_ent_nac_anual_x100khab_genero.csv.bz2"
MONTHLY_KEY = "sesnsp_victimas_ent_mensual_long.csv.bz2"
#: Stated coverage of both files (SOURCES.yml): first and last month.
FIRST_MONTH = pd.Timestamp("2015-01-01")
LAST_MONTH = pd.Timestamp("2025-06-01")
NATIONAL = "Nacional"
NATIONAL_CODE = countries.MX_NATIONAL_CODE
NATIONAL_NAME = countries.MX_NATIONAL_NAME
HOMICIDE = "Homicidio doloso"
FEMICIDE = "Feminicidio"
SUBTYPES = (HOMICIDE, FEMICIDE)
FIREARM = "Con arma de fuego"
#: Modalities of intentional homicide and femicide (means used), Spanish -> English.
MODALITIES = {"Con arma de fuego": "firearm", "Con arma blanca": "knife or blade",
              "Con otro elemento": "other means", "No especificado": "not specified"}
SEX = {"Total": "all", "Hombre": "male", "Mujer": "female", "No identificado": "unidentified"}
UNIT = "victims"

ANNUAL_COLUMNS = ["n_year", "cve_ent", "nombre_estado", "bien_juridico_afectado", "tipo_de_delito",
                  "subtipo_de_delito", "modalidad", "genero", "n_victimas", "n_victimas_x100khab",
                  "n_victimas_x100kmujeres"]
MONTHLY_COLUMNS = ["date_year_month", "cve_ent", "nombre_estado", "subtipo_de_delito", "modalidad", "genero",
                   "n_victimas"]

_STATE_COLUMNS = {
    "cve_ent": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
    "state": pa.Column(str),
    "subtype": pa.Column(str),
    "modality": pa.Column(str),
    "sex": pa.Column(str, pa.Check.isin(list(SEX.values()))),
}
ANNUAL_SCHEMA = tidy_schema(
    {
        **_STATE_COLUMNS,
        "crime_type": pa.Column(str),
        "rate_per_100k": pa.Column(float, pa.Check.ge(0), nullable=True),
        "months": pa.Column(int, pa.Check.in_range(1, 12)),
        "partial": pa.Column(bool),
    },
    name="sesnsp_victims_annual",
).update_column("value", checks=[pa.Check.ge(0)])
MONTHLY_SCHEMA = tidy_schema(_STATE_COLUMNS, time="date", name="sesnsp_victims_monthly").update_column(
    "value", checks=[pa.Check.ge(0)])


def state_codes() -> dict[str, str]:
    """Every accepted state spelling -> CVE_ENT ("01".."32"; ``Nacional`` -> "00"): the book's names, INEGI's
    official names (MCV catalogue) and the publisher spellings of :data:`northam.countries.MX_STATE_ALIASES`."""
    cat = mcv.catalogue()
    codes = {**{name: code for code, name in countries.MX_STATES.items()},
             **dict(zip(cat["entidad_comp"], cat["cve_ent"], strict=True)), **countries.MX_STATE_ALIASES}
    codes[NATIONAL] = NATIONAL_CODE
    return codes


def state_names() -> dict[str, str]:
    """CVE_ENT -> the book's state name (:data:`northam.countries.MX_STATES`, as on the maps)."""
    return {**countries.MX_STATES, NATIONAL_CODE: NATIONAL_NAME}


def _raw_schema(codes: dict[str, str], time: dict[str, pa.Column], name: str) -> pa.DataFrameSchema:
    """Checks on the raw rows: known state names, codes that agree with them, counts >= 0, coverage."""
    return pa.DataFrameSchema(
        {
            **time,
            "cve_ent": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
            "nombre_estado": pa.Column(str, pa.Check.isin(list(codes)), description="state name"),
            "genero": pa.Column(str, pa.Check.isin(list(SEX))),
            "n_victimas": pa.Column(int, pa.Check.ge(0)),
        },
        checks=[pa.Check(lambda d: d["cve_ent"] == d["nombre_estado"].map(codes).fillna(d["cve_ent"]),
                         element_wise=False, error="cve_ent is not the INEGI code of nombre_estado")],
        strict=False, name=name,
    )


def _whole_counts(raw: pd.DataFrame, column: str, key: str) -> pd.Series:
    """A count column as int64; a missing, non-numeric or fractional value is refused, naming it."""
    num = pd.to_numeric(raw[column], errors="coerce")
    bad = num.isna() | (num.notna() & (num % 1 != 0))
    if bad.any():
        raise SchemaError(f"{key}: column {column!r}: value {raw.loc[bad, column].iloc[0]!r} is not a whole "
                          f"number of victims")
    return num.astype("int64")


def parse_annual(raw: pd.DataFrame, key: str = ANNUAL_KEY, codes: dict[str, str] | None = None,
                 names: dict[str, str] | None = None) -> pd.DataFrame:
    """Tidy the annual file (a raw frame read with ``cve_ent`` as text)."""
    require_columns(raw, ANNUAL_COLUMNS, key)
    codes = state_codes() if codes is None else codes
    names = state_names() if names is None else names
    raw = raw.assign(n_victimas=_whole_counts(raw, "n_victimas", key),
                     n_year=pd.to_numeric(raw["n_year"], errors="coerce"),
                     cve_ent=raw["cve_ent"].astype(str).str.strip(),
                     nombre_estado=raw["nombre_estado"].astype(str).str.strip())
    if raw["n_year"].isna().any():
        raise SchemaError(f"{key}: column 'n_year': value {raw.loc[raw['n_year'].isna(), 'n_year'].iloc[0]!r} "
                          f"is not a year")
    raw["n_year"] = raw["n_year"].astype("int64")
    years = {"n_year": pa.Column(int, pa.Check.in_range(FIRST_MONTH.year, LAST_MONTH.year))}
    validate(raw, _raw_schema(codes, years, "sesnsp_annual_raw"), key)
    year = raw["n_year"]
    months = year.map(lambda y: LAST_MONTH.month if y == LAST_MONTH.year else 12).astype("int64")
    rate = pd.to_numeric(raw["n_victimas_x100khab"], errors="coerce")
    cve = raw["nombre_estado"].map(codes)
    out = pd.DataFrame({
        "iso3": "MEX", "year": year, "value": raw["n_victimas"].astype(float), "unit": UNIT, "source": key,
        "cve_ent": cve, "state": cve.map(names), "crime_type": raw["tipo_de_delito"].astype(str).str.strip(),
        "subtype": raw["subtipo_de_delito"].astype(str).str.strip(),
        "modality": raw["modalidad"].astype(str).str.strip(), "sex": raw["genero"].map(SEX),
        "rate_per_100k": rate.astype(float), "months": months, "partial": months < 12,
    })
    return validate(out.reset_index(drop=True), ANNUAL_SCHEMA, key)


@cached(ANNUAL_KEY, mcv.CATALOGUE)
def _annual(path, _catalogue) -> pd.DataFrame:
    return parse_annual(pd.read_csv(path, dtype={"cve_ent": str, "n_year": str, "n_victimas": str}))


def victims_annual() -> pd.DataFrame:
    """Victims per year by state (``cve_ent`` "00" = national), crime, modality and sex, tidy.

    Columns: iso3, year, value (victims), unit, source, cve_ent, state, crime_type, subtype, modality
    (Spanish, as published), sex (all / male / female), rate_per_100k (the file's rate, CONAPO mid-year
    population), months (12, or 6 for January-June 2025), partial.
    """
    return validate(_annual(), ANNUAL_SCHEMA, ANNUAL_KEY)


def read_monthly(path, key: str = MONTHLY_KEY, codes: dict[str, str] | None = None,
                 names: dict[str, str] | None = None, subtypes=SUBTYPES) -> pd.DataFrame:
    """Read the monthly long file (plain or bz2 CSV) and return the tidy table of ``subtypes``.

    Only :data:`MONTHLY_COLUMNS` are read; age groups are summed. Refuses an unknown state name, a code
    that is not its name's, a month outside the stated coverage and a negative or non-whole count.
    """
    codes = state_codes() if codes is None else codes
    names = state_names() if names is None else names
    header = pd.read_csv(path, nrows=0).columns
    require_columns(pd.DataFrame(columns=header), MONTHLY_COLUMNS, key)
    raw = pd.read_csv(path, usecols=MONTHLY_COLUMNS, dtype=str, engine="pyarrow")
    raw = raw[raw["subtipo_de_delito"].str.strip().isin(subtypes)]
    date = pd.to_datetime(raw["date_year_month"], format="%Y-%m-%d", errors="coerce")
    if date.isna().any():
        raise SchemaError(f"{key}: column 'date_year_month': value "
                          f"{raw.loc[date.isna(), 'date_year_month'].iloc[0]!r} is not a date (YYYY-MM-DD)")
    raw = raw.assign(month=date.dt.to_period("M").dt.to_timestamp().astype("datetime64[ns]"),
                     n_victimas=_whole_counts(raw, "n_victimas", key),
                     cve_ent=raw["cve_ent"].str.strip(), nombre_estado=raw["nombre_estado"].str.strip())
    coverage = {"month": pa.Column("datetime64[ns]", pa.Check.in_range(FIRST_MONTH, LAST_MONTH),
                                   description="month within the stated coverage")}
    validate(raw, _raw_schema(codes, coverage, "sesnsp_monthly_raw"), key)
    g = (raw.groupby(["month", "nombre_estado", "subtipo_de_delito", "modalidad", "genero"], as_index=False)
         ["n_victimas"].sum())
    cve = g["nombre_estado"].map(codes)
    out = pd.DataFrame({
        "iso3": "MEX", "date": g["month"], "value": g["n_victimas"].astype(float), "unit": UNIT, "source": key,
        "cve_ent": cve, "state": cve.map(names), "subtype": g["subtipo_de_delito"].str.strip(),
        "modality": g["modalidad"].str.strip(), "sex": g["genero"].map(SEX),
    })
    return validate(out.sort_values(["subtype", "cve_ent", "date"], ignore_index=True), MONTHLY_SCHEMA, key)


@cached(MONTHLY_KEY, mcv.CATALOGUE)
def _monthly(path, _catalogue) -> pd.DataFrame:
    return read_monthly(path)


def victims_monthly() -> pd.DataFrame:
    """Victims of intentional homicide and femicide per month, state, modality and sex (no national rows).

    Columns: iso3, date (first of the month), value (victims), unit, source, cve_ent, state, subtype,
    modality (Spanish), sex (male / female / unidentified). Cached as a tidy Parquet table.
    """
    df = _monthly()
    df["date"] = df["date"].astype("datetime64[ns]")
    return validate(df, MONTHLY_SCHEMA, MONTHLY_KEY)


def registry_keys() -> list[str]:
    return [ANNUAL_KEY, MONTHLY_KEY, mcv.CATALOGUE]
