"""Global Data Lab (Radboud University): the Subnational Human Development Index (SHDI) and its components.

Files (registry keys):

- ``gdl_shdi_v8_subnational_hdi_1990-2022_global.csv`` — SHDI v8.0, the latest: national rows
  (``Level == "National"``, equal to UNDP HDR 2023/24) and admin-1 regions, wide years 1990–2022.
  The book's well-being layer for all three countries on one scale.
- ``gdl_shdi_subnational_hdi_1990-2021_global.csv`` — the previous release (v7.0, 1990–2021), kept only to
  show how much GDL revised the series.
- ``gdl_shdi5_{healthindex,edindex,incindex}_by_subnat_year.csv`` — SHDI v5.0 component indices by region,
  1990–2019 (Open Numbers DDF packaging; region codes are lower-case GDL codes).

Units: index 0–1 (three decimals). Canada's GDL regions merge Prince Edward Island with the three
territories (``CANr102``); the loader keeps that region as one row and flags it (``merged``).

Quirks handled here: a value outside 0–1 or a non-numeric cell is refused by a pandera schema
(:data:`SHDI_RAW_SCHEMA`, :func:`_component_raw_schema`) naming the file, column, value and region; the DDF
files' lower-case codes are upper-cased to match the v8 file; only the three North American countries are
kept unless asked otherwise. GDL spells Mexican states without accents and calls Mexico City "Distrito
Federal": Mexican region names become the book's names (:data:`northam.countries.MX_STATES`, "Ciudad de
México"), after checking that each name is the state its code ``MEXr1NN`` (NN = INEGI CVE_ENT) stands for.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import MX_STATES, mx_state_code
from ..schemas import SchemaError, in_range_if_number, is_number, require_columns, tidy_schema, validate

SHDI = {
    "v8": "gdl_shdi_v8_subnational_hdi_1990-2022_global.csv",
    "v7": "gdl_shdi_subnational_hdi_1990-2021_global.csv",
}
LATEST = "v8"
COMPONENTS = {
    "health": "gdl_shdi5_healthindex_by_subnat_year.csv",
    "education": "gdl_shdi5_edindex_by_subnat_year.csv",
    "income": "gdl_shdi5_incindex_by_subnat_year.csv",
}
_COMPONENT_COLUMN = {"health": "healthindex", "education": "edindex", "income": "incindex"}
NORTH_AMERICA = ("USA", "MEX", "CAN")
UNIT = "index 0-1"
#: The one GDL region of Canada that merges several provinces/territories.
CAN_MERGED = "CANr102"

SHDI_SCHEMA = tidy_schema(
    {
        "gdlcode": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}(t|r\d{3})$")),
        "region": pa.Column(str),
        "level": pa.Column(str, pa.Check.isin(["National", "Subnat"])),
        "merged": pa.Column(bool),
    },
    name="gdl_shdi",
)
SHDI_SCHEMA = SHDI_SCHEMA.update_column("value", checks=[pa.Check.in_range(0, 1)])

COMPONENT_SCHEMA = tidy_schema(
    {
        "gdlcode": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}r\d{3}$")),
        "component": pa.Column(str, pa.Check.isin(list(COMPONENTS))),
        "merged": pa.Column(bool),
    },
    name="gdl_shdi5_component",
).update_column("value", checks=[pa.Check.in_range(0, 1)])


_INDEX_CHECKS = [is_number("an index (a number)"), in_range_if_number(0, 1, "an index between 0 and 1")]
#: The raw wide SHDI table indexed by GDL code: every year column (YYYY) an index 0-1 or blank.
SHDI_RAW_SCHEMA = pa.DataFrameSchema({r"^\d{4}$": pa.Column(None, _INDEX_CHECKS, regex=True, nullable=True)},
                                     index=pa.Index(None, name="GDLCODE"), name="gdl_shdi_raw")


def _component_raw_schema(column: str) -> pa.DataFrameSchema:
    """A raw SHDI v5 component file indexed by region code: ``column`` an index 0-1 or blank."""
    return pa.DataFrameSchema({column: pa.Column(None, _INDEX_CHECKS, nullable=True)},
                              index=pa.Index(None, name="subnat"), name=f"gdl_shdi5_{column}_raw")


def parse_shdi(raw: pd.DataFrame, key: str, countries=NORTH_AMERICA) -> pd.DataFrame:
    """Tidy a wide SHDI table (as read by ``pd.read_csv``) for ``countries`` (None: all)."""
    require_columns(raw, ["Country", "ISO_Code", "Level", "GDLCODE", "Region"], key)
    years = [c for c in raw.columns if re.fullmatch(r"\d{4}", str(c))]
    if not years:
        raise SchemaError(f"{key}: no year columns (YYYY) found; columns: {list(raw.columns)[:12]}")
    df = raw if countries is None else raw[raw["ISO_Code"].isin(countries)]
    validate(df.set_index("GDLCODE")[years], SHDI_RAW_SCHEMA, key)
    long = df.melt(id_vars=["ISO_Code", "Level", "GDLCODE", "Region"], value_vars=years,
                   var_name="year", value_name="value")
    long = long.dropna(subset=["value"])
    out = pd.DataFrame({
        "iso3": long["ISO_Code"].astype(str).to_numpy(),
        "year": long["year"].astype(int).to_numpy(),
        "value": pd.to_numeric(long["value"]).astype(float).to_numpy(),
        "unit": UNIT,
        "source": key,
        "gdlcode": long["GDLCODE"].astype(str).str.strip().to_numpy(),
        "region": long["Region"].astype(str).str.strip().to_numpy(),
        "level": long["Level"].astype(str).str.strip().to_numpy(),
    })
    out["merged"] = out["gdlcode"].eq(CAN_MERGED)
    out["region"] = _mexican_names(out, key)
    return validate(out.sort_values(["iso3", "gdlcode", "year"], ignore_index=True), SHDI_SCHEMA, key)


def _mexican_names(df: pd.DataFrame, key: str) -> pd.Series:
    """``df["region"]`` with Mexican state names replaced by the book's names (CVE_ENT = last two digits of
    the GDL code); refuses a name that is not a spelling of its code's state."""
    mx = (df["iso3"] == "MEX") & (df["level"] == "Subnat")
    if not mx.any():
        return df["region"]
    want = df.loc[mx, "gdlcode"].str[-2:]
    got = df.loc[mx, "region"].map(mx_state_code)
    bad = got != want
    if bad.any():
        pairs = sorted(set(zip(df.loc[mx][bad]["gdlcode"], df.loc[mx][bad]["region"], strict=True)))
        raise SchemaError(f"{key}: column 'Region': Mexican region(s) {pairs[:5]} are not the state their GDL "
                          f"code names (MEXr1NN, NN = INEGI CVE_ENT; northam.countries.MX_STATES)")
    return df["region"].where(~mx, want.map(MX_STATES))


def shdi(vintage: str = LATEST, countries=NORTH_AMERICA) -> pd.DataFrame:
    """SHDI by region and year, tidy (index 0–1).

    Columns: iso3, year, value, unit, source, gdlcode (e.g. ``MEXr107`` Chiapas, ``USAt`` national),
    region (GDL name, the book's name for Mexican states; "Total" for national rows), level
    ("National"/"Subnat"), merged (True for Canada's ``CANr102`` = Prince Edward Island + Yukon + Northwest
    Territories + Nunavut).
    ``vintage`` "v8" (1990–2022, default) or "v7" (1990–2021, for revisions only).
    """
    if vintage not in SHDI:
        raise KeyError(f"unknown SHDI vintage {vintage!r}; known: {list(SHDI)}")
    key = SHDI[vintage]
    return parse_shdi(pd.read_csv(registry.fetch(key)), key, countries)


def parse_component(raw: pd.DataFrame, key: str, component: str, countries=NORTH_AMERICA) -> pd.DataFrame:
    """Tidy one SHDI v5 component file (DDF long: subnat, year, <indicator>)."""
    col = _COMPONENT_COLUMN[component]
    require_columns(raw, ["subnat", "year", col], key)
    code = raw["subnat"].astype(str).str.strip()
    iso = code.str[:3].str.upper()
    df = raw[iso.isin(countries)] if countries is not None else raw
    code = code[df.index]
    validate(df[[col]].set_axis(code + " " + df["year"].astype(str)).rename_axis("subnat"),
             _component_raw_schema(col), key)
    values = pd.to_numeric(df[col])
    gdl = code.str[:3].str.upper() + code.str[3:]
    out = pd.DataFrame({
        "iso3": gdl.str[:3].to_numpy(),
        "year": df["year"].astype(int).to_numpy(),
        "value": values.astype(float).to_numpy(),
        "unit": UNIT,
        "source": key,
        "gdlcode": gdl.to_numpy(),
        "component": component,
    })
    out = out.dropna(subset=["value"])
    out["merged"] = out["gdlcode"].eq(CAN_MERGED)
    return validate(out.sort_values(["gdlcode", "year"], ignore_index=True), COMPONENT_SCHEMA, key)


def components(countries=NORTH_AMERICA) -> pd.DataFrame:
    """SHDI v5.0 component indices (health, education, income) by region, 1990–2019, tidy (index 0–1).

    Columns: iso3, year, value, unit, source, gdlcode (upper case, as in the v8 file), component, merged.
    """
    frames = [parse_component(pd.read_csv(registry.fetch(key)), key, comp, countries)
              for comp, key in COMPONENTS.items()]
    return pd.concat(frames, ignore_index=True)


def registry_keys() -> list[str]:
    return [*SHDI.values(), *COMPONENTS.values()]
