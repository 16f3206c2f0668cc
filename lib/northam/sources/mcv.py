"""México, ¿cómo vamos? (MCV): the Social Progress Index (Índice de Progreso Social, IPS) of the 32 Mexican
states, and its catalogue of INEGI state codes (CVE_ENT).

Files (registry keys):

- ``mcv_ips_estatal_2023_ranking_ed2015-2023.xlsx`` — the 2023 index, dimensions and components per state,
  edition 2015–2023 (published November 2024): the edition the reports' Shared Prosperity Map uses.
- ``mcv_ips_estatal_dims_components_2015-2023_long.xlsx`` — the same edition, 2015–2023 by year
  (sheets ``01_IPS_DIM`` and ``02_IPS_COMP``).
- ``mcv_ips_estatal_2015-2024_long_ed2025.xlsx`` — the latest edition (2025), which re-estimates 2015–2024.
- ``mcv_cve_ent_catalogo_estados.xlsx`` — CVE_ENT <-> names <-> MCV abbreviations.

Units: score 0–100 (index, dimensions, components). ``id``: 0 index; 1–3 dimensions; 101–312 components
(first digit = dimension), e.g. 101 nutrition and basic medical care, 205 access to basic knowledge,
206 access to information and communications, 207 health and wellness.

Quirks handled here: the long files end with two reference rows without a year, "Utopía" (cve_ent 98,
all 100) and "Distopía" (99, all 0); they are not states and are dropped. Any *other* row without a year,
a CVE_ENT outside 0–32, a score outside 0–100 or a duplicated state/year/id is refused. Component codes
of the 2015–2023 long file ("02_05comp") are turned into the numeric ids of the other files (205).
Indicator rows (5-digit ids, native units) of the ranking file are left out. State names: the catalogue's
names must be spellings of the state their code names; tables carry the book's one name per state
(:data:`northam.countries.MX_STATES`, e.g. "Ciudad de México").
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import countries, registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from . import read_workbook

RANKING_2023 = "mcv_ips_estatal_2023_ranking_ed2015-2023.xlsx"
LONG_2015_2023 = "mcv_ips_estatal_dims_components_2015-2023_long.xlsx"
LONG_ED2025 = "mcv_ips_estatal_2015-2024_long_ed2025.xlsx"
CATALOGUE = "mcv_cve_ent_catalogo_estados.xlsx"
EDITIONS = {"2015-2023": LONG_2015_2023, "2025": LONG_ED2025}
UNIT = "score 0-100"
REFERENCE_ROWS = {98: "Utopía", 99: "Distopía"}
#: English names of the index, dimensions and the four components the reports map.
NAMES_EN = {
    0: "Social Progress Index",
    1: "Basic human needs",
    2: "Foundations of wellbeing",
    3: "Opportunity",
    101: "Nutrition and basic medical care",
    205: "Access to basic knowledge",
    206: "Access to information and communications",
    207: "Health and wellness",
}

IPS_SCHEMA = tidy_schema(
    {
        "cve_ent": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "abbr": pa.Column(str),
        "id": pa.Column(int, pa.Check.ge(0)),
        "edition": pa.Column(str),
    },
    name="mcv_ips",
).update_column("value", checks=[pa.Check.in_range(0, 100)])


def _finish(df: pd.DataFrame, key: str, edition: str) -> pd.DataFrame:
    """Checks shared by all IPS tables, then the tidy frame (national row: cve_ent '00')."""
    bad = ~df["cve_ent"].between(0, 32)
    if bad.any():
        raise SchemaError(f"{key}: column 'cve_ent' has codes outside 0-32 (INEGI CVE_ENT): "
                          f"{sorted(df.loc[bad, 'cve_ent'].unique())[:5]}")
    dup = df.duplicated(["cve_ent", "year", "id"], keep=False)
    if dup.any():
        first = df[dup].iloc[0]
        raise SchemaError(f"{key}: duplicated rows for state {first['cve_ent']}, year {first['year']}, "
                          f"id {first['id']}")
    out = pd.DataFrame({
        "iso3": "MEX",
        "year": df["year"].astype(int).to_numpy(),
        "value": df["value"].astype(float).to_numpy(),
        "unit": UNIT,
        "source": key,
        "cve_ent": df["cve_ent"].astype(int).map("{:02d}".format).to_numpy(),
        "abbr": df["abbr"].astype(str).str.strip().to_numpy(),
        "id": df["id"].astype(int).to_numpy(),
        "edition": edition,
    })
    return validate(out.sort_values(["id", "cve_ent", "year"], ignore_index=True), IPS_SCHEMA, key)


def _drop_reference_rows(df: pd.DataFrame, key: str, sheet: str = "") -> pd.DataFrame:
    ref = df["cve_ent"].isin(list(REFERENCE_ROWS))
    df = df[~ref]
    missing = df["anio"].isna()
    if missing.any():
        raise SchemaError(f"{key}{' sheet ' + sheet if sheet else ''}: column 'anio' (year) is empty for "
                          f"state(s) {sorted(df.loc[missing, 'cve_ent'].unique())[:5]}")
    return df


def parse_ranking(raw: pd.DataFrame, key: str = RANKING_2023) -> pd.DataFrame:
    cols = ["anio", "cve_ent", "entidad_abr_m", "nivel", "id", "name", "value", "ips_rank_nacional"]
    require_columns(raw, cols, key)
    df = raw[raw["nivel"].isin(["Dimensión", "Componente"])]
    df = df.rename(columns={"anio": "year", "entidad_abr_m": "abbr"})
    return _finish(df, key, "2015-2023")


def ips_2023() -> pd.DataFrame:
    """The Social Progress Index 2023 of the 32 states (edition 2015–2023), index, dimensions, components.

    Tidy: iso3 ("MEX"), year (2023), value (score 0–100), unit, source, cve_ent ("01".."32"), abbr (MCV
    abbreviation, e.g. "CHPS"), id (0 index, 1–3 dimensions, 101–312 components), edition.
    """
    return parse_ranking(read_workbook(registry.fetch(RANKING_2023)))


_COMP_RE = re.compile(r"^(\d{2})_(\d{2})comp$")


def _comp_id(code: str, key: str) -> int:
    m = _COMP_RE.match(str(code).strip())
    if not m:
        raise SchemaError(f"{key}: component code {code!r} in column 'id_comp' is not of the form 'DD_CCcomp'")
    return int(m.group(1)) * 100 + int(m.group(2))


def parse_long_2015_2023(sheets: dict[str, pd.DataFrame], key: str = LONG_2015_2023) -> pd.DataFrame:
    if "01_IPS_DIM" not in sheets or "02_IPS_COMP" not in sheets:
        raise SchemaError(f"{key}: sheets '01_IPS_DIM' and '02_IPS_COMP' expected; found {list(sheets)}")
    dim, comp = sheets["01_IPS_DIM"], sheets["02_IPS_COMP"]
    require_columns(dim, ["cve_ent", "anio", "entidad_abr_m", "id_dim", "dim_value"], key, "01_IPS_DIM")
    require_columns(comp, ["cve_ent", "anio", "entidad_abr_m", "id_comp", "comp_value"], key, "02_IPS_COMP")
    dim = _drop_reference_rows(dim, key, "01_IPS_DIM")
    comp = _drop_reference_rows(comp, key, "02_IPS_COMP")
    a = dim.rename(columns={"id_dim": "id", "dim_value": "value"})
    b = comp.assign(id=[_comp_id(c, key) for c in comp["id_comp"]]).rename(columns={"comp_value": "value"})
    both = pd.concat([a, b], ignore_index=True).rename(columns={"anio": "year", "entidad_abr_m": "abbr"})
    return _finish(both, key, "2015-2023")


def parse_long_ed2025(raw: pd.DataFrame, key: str = LONG_ED2025) -> pd.DataFrame:
    require_columns(raw, ["cve_ent", "anio", "entidad_abr_m", "id", "value", "nivel", "name"], key)
    df = _drop_reference_rows(raw, key).rename(columns={"anio": "year", "entidad_abr_m": "abbr"})
    return _finish(df, key, "2025")


def ips_long(edition: str = "2015-2023") -> pd.DataFrame:
    """IPS by state and year (index, dimensions, components), tidy as :func:`ips_2023`.

    ``edition`` "2015-2023" (2015–2023, the reports' edition) or "2025" (2015–2024, re-estimated).
    The national value has cve_ent "00".
    """
    if edition not in EDITIONS:
        raise KeyError(f"unknown IPS edition {edition!r}; known: {list(EDITIONS)}")
    key = EDITIONS[edition]
    if edition == "2015-2023":
        sheets = read_workbook(registry.fetch(key), sheet_name=None)
        return parse_long_2015_2023(sheets, key)
    return parse_long_ed2025(read_workbook(registry.fetch(key)), key)


def parse_catalogue(raw: pd.DataFrame, key: str = CATALOGUE) -> pd.DataFrame:
    """The catalogue's 32 state rows; ``entidad`` becomes the book's name (:data:`northam.countries.MX_STATES`).

    Both names of every row (short and official) must be spellings of the state its CVE_ENT codes.
    """
    require_columns(raw, ["cve_ent", "entidad", "entidad_comp", "entidad_abr_m"], key)
    df = raw[raw["cve_ent"] != 0]
    if sorted(df["cve_ent"]) != list(range(1, 33)):
        raise SchemaError(f"{key}: expected CVE_ENT 1..32 once each, found {sorted(df['cve_ent'])}")
    cve = df["cve_ent"].astype(int).map("{:02d}".format)
    for col in ("entidad", "entidad_comp"):
        got = df[col].astype(str).str.strip().map(countries.mx_state_code)
        bad = got != cve
        if bad.any():
            raise SchemaError(f"{key}: column {col!r}: name(s) {sorted(df.loc[bad, col].astype(str))} are not the "
                              f"state of their cve_ent (northam.countries.MX_STATES)")
    return pd.DataFrame({
        "cve_ent": cve.to_numpy(),
        "entidad": cve.map(countries.MX_STATES).to_numpy(),
        "entidad_comp": df["entidad_comp"].astype(str).str.strip().to_numpy(),
        "abbr": df["entidad_abr_m"].astype(str).str.strip().to_numpy(),
    })


def catalogue() -> pd.DataFrame:
    """The 32 states: cve_ent ("01".."32"), entidad (the book's name, :data:`northam.countries.MX_STATES`),
    entidad_comp (INEGI official long name), abbr (MCV abbreviation). The national row (0) is dropped."""
    return parse_catalogue(read_workbook(registry.fetch(CATALOGUE)))


def registry_keys() -> list[str]:
    return [RANKING_2023, LONG_2015_2023, LONG_ED2025, CATALOGUE]
