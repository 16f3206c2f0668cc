"""Mexican state economy and population: INEGI GDP by state (PIBE, base 2013) and CONAPO population.

Files (registry keys):

- ``inegi_pibe_2013base_gdp_by_state_2003-2021.xlsx`` — INEGI, Sistema de Cuentas Nacionales, PIB por
  Entidad Federativa, base 2013 (BIE tabulado). By state INEGI publishes *gross value added* (valor
  agregado bruto, "VAB"): taxes on products are only allocated at the national level. Millions of pesos at
  constant 2013 prices or at current prices; 2003–2021 (2020 revised "R", 2021 preliminary "P").
- ``conapo2023_pob_ent_gender_1950_2070.csv`` — CONAPO, Conciliación Demográfica 1950–2019 and projections
  2020–2070 (2023 release): population by state and sex, start- and mid-year, persons.

Quirks handled here: the BIE sheet is a report layout (title rows, blocks by measure, state names indented
with spaces, year headers as floats with "R"/"P" suffixes for 2020/2021); the loader finds the two
"Millones de pesos" blocks by their labels, strips names, maps them to CVE_ENT
(:func:`northam.countries.mx_state_code`) and refuses an unknown state name, a block without 32 states, or
a non-numeric value. CONAPO codes are read as strings ("01"; "00" is the national total); a code that is not
two digits is refused by the pandera schema :data:`POP_SCHEMA`, a state name that is not its code's state is
refused too. Both tables carry the book's one name per state (:data:`northam.countries.MX_STATES`: INEGI's
"Coahuila de Zaragoza" and CONAPO's "Estado de México" become "Coahuila" and "México") and
:data:`northam.countries.MX_NATIONAL_NAME` for the national row. The ratio of the two (GVA per person) is computed by the maps chapter
(:func:`northam.analysis.maps.gva_per_person`), not here.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import countries, registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from . import read_workbook

PIBE = "inegi_pibe_2013base_gdp_by_state_2003-2021.xlsx"
CONAPO = "conapo2023_pob_ent_gender_1950_2070.csv"
NATIONAL = "Estados Unidos Mexicanos"
BLOCKS = {"constant": "Valores constantes", "current": "Valores corrientes"}
UNITS = {"constant": "million MXN, constant 2013 prices", "current": "million MXN, current prices"}
FLAGS = {"R": "revised", "P": "preliminary", "": "final"}

GVA_SCHEMA = tidy_schema(
    {
        "cve_ent": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "state": pa.Column(str),
        "flag": pa.Column(str, pa.Check.isin(list(FLAGS.values()))),
    },
    name="inegi_pibe_gva",
).update_column("value", checks=[pa.Check.gt(0)])

POP_SCHEMA = tidy_schema(
    {"cve_ent": pa.Column(str, pa.Check.str_matches(r"^\d{2}$", error="should be a 2-digit string code such as "
                                                                     "'01' (read the file with dtype=str)")),
     "state": pa.Column(str)},
    name="conapo_population",
).update_column("value", checks=[pa.Check.gt(0)])


def _year_flag(header, key: str) -> tuple[int, str]:
    m = re.fullmatch(r"\s*(\d{4})(?:\.0)?\s*([RP]?)\s*", str(header))
    if not m:
        raise SchemaError(f"{key}: year header {header!r} not understood (expected e.g. 2019, '2020R', '2021P')")
    return int(m.group(1)), FLAGS[m.group(2)]


def parse_pibe(raw: pd.DataFrame, key: str = PIBE, prices: str = "constant") -> pd.DataFrame:
    """Tidy gross value added by state from the BIE sheet read with ``header=None``."""
    labels = raw[0].astype(str).str.strip()
    header_rows = labels.index[labels == "Concepto"]
    if len(header_rows) == 0:
        raise SchemaError(f"{key}: header row 'Concepto' not found in column 0")
    header = raw.loc[header_rows[0]]
    years = {col: _year_flag(header[col], key) for col in raw.columns[1:] if pd.notna(header[col])}
    starts = labels.index[labels == BLOCKS[prices]]
    if len(starts) == 0:
        raise SchemaError(f"{key}: block {BLOCKS[prices]!r} not found in column 0")
    # First "Valor agregado bruto" line after the block title, then the national row and 32 states.
    vab = [i for i in labels.index[labels.str.contains("Valor agregado bruto", regex=False)] if i > starts[0]]
    block = raw.loc[vab[0] + 1: vab[0] + 33]
    names = block[0].astype(str).str.strip()
    if names.iloc[0] != NATIONAL:
        raise SchemaError(f"{key}: expected {NATIONAL!r} below 'Valor agregado bruto', found {names.iloc[0]!r}")
    code = {n: countries.mx_state_code(n) for n in names}
    code[NATIONAL] = countries.MX_NATIONAL_CODE
    unknown = sorted(n for n, c in code.items() if c is None)
    if unknown:
        raise SchemaError(f"{key}: state name(s) {unknown} in column 0 are not known spellings of the 32 states "
                          f"(northam.countries.MX_STATES)")
    if len(set(names)) != 33:
        raise SchemaError(f"{key}: block {BLOCKS[prices]!r} should list the nation and 32 states once each")
    rows = []
    for idx, name in names.items():
        for col, (year, flag) in years.items():
            v = raw.loc[idx, col]
            num = pd.to_numeric(v, errors="coerce")
            if pd.isna(num):
                raise SchemaError(f"{key}: value for {name!r}, year {year} (column {col}) is not a number: {v!r}")
            rows.append((year, float(num), code[name], countries.mx_state_name(code[name]), flag))
    df = pd.DataFrame(rows, columns=["year", "value", "cve_ent", "state", "flag"])
    df.insert(0, "iso3", "MEX")
    df["unit"] = UNITS[prices]
    df["source"] = key
    return validate(df.sort_values(["cve_ent", "year"], ignore_index=True), GVA_SCHEMA, key)


def state_gva(prices: str = "constant") -> pd.DataFrame:
    """Gross value added by Mexican state, 2003–2021, tidy (million MXN; cve_ent "00" = national).

    ``prices`` "constant" (2013 pesos) or "current". Columns: iso3, year, value, unit, source, cve_ent,
    state (the book's name), flag (final / revised / preliminary).
    """
    if prices not in BLOCKS:
        raise KeyError(f"prices must be one of {list(BLOCKS)}")
    return parse_pibe(read_workbook(registry.fetch(PIBE), header=None), PIBE, prices)


def parse_conapo(raw: pd.DataFrame, key: str = CONAPO, measure: str = "pob_mid_year") -> pd.DataFrame:
    require_columns(raw, ["n_year", "nombre_estado", "cve_ent", "genero", measure], key)
    df = raw[raw["genero"] == "Total"]
    code = df["cve_ent"].astype(str).str.strip()
    out = pd.DataFrame({
        "iso3": "MEX",
        "year": df["n_year"].astype(int).to_numpy(),
        "value": pd.to_numeric(df[measure], errors="raise").astype(float).to_numpy(),
        "unit": "persons",
        "source": key,
        "cve_ent": code.to_numpy(),
        "state": df["nombre_estado"].astype(str).str.strip().to_numpy(),
    })
    out = validate(out, POP_SCHEMA, key)
    national = out["cve_ent"] == countries.MX_NATIONAL_CODE
    bad = ~national & (out["state"].map(countries.mx_state_code) != out["cve_ent"])
    if bad.any():
        pairs = sorted(set(zip(out.loc[bad, "cve_ent"], out.loc[bad, "state"], strict=True)))
        raise SchemaError(f"{key}: column 'nombre_estado': name(s) {pairs[:5]} are not the state of their cve_ent "
                          f"(northam.countries.MX_STATES)")
    out["state"] = out["cve_ent"].map(countries.mx_state_name)
    return validate(out.sort_values(["cve_ent", "year"], ignore_index=True), POP_SCHEMA, key)


def population(measure: str = "pob_mid_year") -> pd.DataFrame:
    """Population by Mexican state and year (both sexes), persons; cve_ent "00" = national. Columns: iso3,
    year, value, unit, source, cve_ent, state (the book's name).

    ``measure`` "pob_mid_year" (default; for per-person ratios) or "pob_start_year". Estimates to 2019,
    CONAPO projections from 2020.
    """
    return parse_conapo(pd.read_csv(registry.fetch(CONAPO), dtype={"cve_ent": str}), CONAPO, measure)


def registry_keys() -> list[str]:
    return [PIBE, CONAPO]
