"""USA Trade Online report: US imports for consumption by HS 10-digit product and partner, calendar 2024.

Three workbooks of one download (Census USA Trade Online "Standard Report - Imports", generated
2025-04-03, first-release 2024 data), split by the uploader into parts of about 30 countries each:

- part 1: ``World Total`` and Afghanistan ... Brunei (kept for the world denominators);
- part 2: Bulgaria ... Djibouti, with Canada and China;
- part 5: Latvia ... Mozambique, with Mexico.

Layout (sheet ``REPORT``): title rows; column A holds the labels ``Measures``, ``Time``, ``Country`` and
``Commodity``; the ``Country`` row names one partner per column from B; below ``Commodity`` each row is
``"<HS10> <description>"`` in column A and one value per partner. Units: US dollars, **imports for
consumption** at Customs value (``Customs Value (Cons)``), converted here to **million USD**. Imports for
consumption are a little below general imports (the Census country file's basis): goods entering a
foreign-trade zone or a bonded warehouse count in general imports on arrival, and in imports for
consumption only when they leave it for the US market.

Quirks handled here:

- An empty cell means no imports of that product from that partner: the tidy table has no row for it.
- In part 2 the ``Measures`` and ``Time`` cells are blank (same download; see the data mirror's
  SOURCES.yml): a blank is accepted there, any other measure or year is refused in every part.
- Descriptions carry HTML entities (``&gt;``) and a unit in brackets (``(no)``, ``(kg)``): entities are
  unescaped, the text is kept as published.
- The three parts must list the same products in the same order; a part that does not is refused.

Checks on the values (pandera, see :data:`RAW_SCHEMA`): a value must be a number and not negative, each
label must start with ten digits, and a (product, partner) pair appears once. Errors name the file, the
product and the partner.
"""

from __future__ import annotations

import html

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, tidy_schema, validate
from . import read_workbook
from .usatrade import check_header_rows

#: Registry keys of the three parts, in column order of the download.
KEYS = (
    "usatradeonline_hs10_imports_cons_2024_part1_world_afghanistan-brunei.xlsx",
    "usatradeonline_hs10_imports_cons_2024_part2_bulgaria-djibouti_incl_canada_china.xlsx",
    "usatradeonline_hs10_imports_cons_2024_part5_latvia-mozambique_incl_mexico.xlsx",
)
SHEET = "REPORT"
YEAR = 2024
MEASURE = "Customs Value (Cons) ($US)"
UNIT = "million USD"
WORLD = "World Total"
#: Labels of column A: role -> text.
HEADER_LABELS = {"measure": "Measures", "time": "Time", "country": "Country", "body": "Commodity"}
#: Parts whose Measures/Time cells are blank upstream (accepted as blank, never as another value).
BLANK_HEADER_OK = {KEYS[1]}

#: The values of one part in long form, before tidying (index: "HS10 <code>, <partner>").
RAW_SCHEMA = pa.DataFrameSchema(
    {
        "label": pa.Column(str, pa.Check.str_matches(r"^\d{10}\s", error="label must start with an HS10 code")),
        "partner": pa.Column(str, pa.Check.str_length(min_value=1)),
        "value": pa.Column(float, pa.Check.ge(0, error="imports must not be negative"), coerce=True),
    },
    unique=["label", "partner"], report_duplicates="exclude_first", name="usatrade_hs10_cells",
)

SCHEMA = tidy_schema(
    {"hs10": pa.Column(str, pa.Check.str_matches(r"^\d{10}$")), "description": pa.Column(str),
     "partner": pa.Column(str), "value": pa.Column(float, pa.Check.ge(0))},
    name="usatrade_hs10_imports_cons_2024",
)


def _header_rows(raw: pd.DataFrame, key: str) -> dict[str, int]:
    """Row positions of the column-A labels (Measures, Time, Country, Commodity); refuse a missing one."""
    return check_header_rows(raw, HEADER_LABELS, key)


def _check_measure_and_year(raw: pd.DataFrame, at: dict, key: str) -> None:
    """The measure must be imports for consumption and the year 2024 (blank only where known blank)."""
    measure = " ".join(str(raw.iloc[at["measure"], 1]).split()) if pd.notna(raw.iloc[at["measure"], 1]) else ""
    time = str(raw.iloc[at["time"], 1]).strip().split(".")[0] if pd.notna(raw.iloc[at["time"], 1]) else ""
    blank_ok = key in BLANK_HEADER_OK
    if measure != MEASURE and not (blank_ok and measure == ""):
        raise SchemaError(f"{key}: cell B of row 'Measures' is {measure!r}, expected {MEASURE!r}")
    if time != str(YEAR) and not (blank_ok and time == ""):
        raise SchemaError(f"{key}: cell B of row 'Time' is {time!r}, expected {YEAR}")


def products(raw: pd.DataFrame, key: str) -> list[str]:
    """The HS10 codes of a raw ``REPORT`` sheet, in sheet order (to check that the parts match)."""
    body = raw.iloc[_header_rows(raw, key)["body"] + 1:].dropna(how="all")
    return body.iloc[:, 0].astype(str).str.strip().str[:10].tolist()


def parse(raw: pd.DataFrame, key: str) -> pd.DataFrame:
    """One raw ``REPORT`` sheet (read with ``header=None``) -> tidy table (million USD, empty cells dropped)."""
    at = _header_rows(raw, key)
    _check_measure_and_year(raw, at, key)
    partners = raw.iloc[at["country"], 1:].astype("string").str.strip()
    if partners.isna().any() or partners.duplicated().any():
        raise SchemaError(f"{key}: the 'Country' row has a blank or repeated partner: {list(partners)}")
    body = raw.iloc[at["body"] + 1:].dropna(how="all")
    labels = body.iloc[:, 0].astype(str).map(html.unescape).str.strip()
    values = body.iloc[:, 1:].set_axis(list(partners), axis=1).set_axis(labels.to_numpy(), axis=0)
    long = values.rename_axis("label").reset_index().melt(id_vars="label", var_name="partner", value_name="value")
    long = long[long["value"].notna()]
    long.index = "HS10 " + long["label"].str[:10] + ", " + long["partner"]
    long = validate(long, RAW_SCHEMA, key)
    iso = {p: None if p == WORLD else to_iso3(p) for p in long["partner"].unique()}
    out = pd.DataFrame({
        "iso3": long["partner"].map(iso).astype(object).to_numpy(),
        "year": YEAR,
        "hs10": long["label"].str[:10].to_numpy(),
        "description": long["label"].str[10:].str.strip().to_numpy(),
        "partner": long["partner"].to_numpy(),
        "value": long["value"].to_numpy() / 1e6,
        "unit": UNIT,
        "source": key,
    })
    out["iso3"] = out["iso3"].where(out["iso3"].notna(), None)
    return out


def _read(path) -> pd.DataFrame:
    return read_workbook(path, sheet_name=SHEET, header=None, dtype=object)


@cached(*KEYS)
def _load(*paths) -> pd.DataFrame:
    raws = {key: _read(path) for key, path in zip(KEYS, paths, strict=True)}
    first = products(raws[KEYS[0]], KEYS[0])
    for key in KEYS[1:]:
        if products(raws[key], key) != first:
            raise SchemaError(f"{key}: its products differ from those of {KEYS[0]}; the parts are not one download")
    out = pd.concat([parse(raw, key) for key, raw in raws.items()], ignore_index=True)
    pairs = out.drop_duplicates(["partner", "source"])
    twice = pairs.loc[pairs["partner"].duplicated(), "partner"]
    if len(twice):
        raise SchemaError(f"{' + '.join(KEYS)}: partner {twice.iloc[0]!r} is in two parts")
    return validate(out, SCHEMA, KEYS[0])


def imports_for_consumption() -> pd.DataFrame:
    """US imports for consumption by HS10 product and partner, 2024 (million USD), tidy.

    Columns: iso3 (None for ``World Total`` and for former or unknown countries), year (2024), hs10
    (10-digit code as text), description (as published, abbreviated, with its unit in brackets), partner
    (USA Trade Online spelling), value (million USD, Customs value, imports for consumption), unit,
    source (the part's registry key). Partners: the world total and the ~90 countries of parts 1, 2 and 5
    (Canada, China and Mexico among them). Products with no imports from a partner have no row.
    """
    return _load()


def registry_keys() -> list[str]:
    return list(KEYS)


__all__ = ["imports_for_consumption", "parse", "KEYS", "WORLD", "YEAR"]
