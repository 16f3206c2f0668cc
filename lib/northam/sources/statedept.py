"""US Department of State, Nonimmigrant Visa (NIV) issuances by visa class and nationality, FY1997-2024.

One workbook (``FYs97-24_NIVDetailTable.xlsx``) with one sheet per fiscal year. Units: visas issued
(count), by fiscal year (October to September).

Quirks handled here (recorded in the mirror's SOURCES.yml):

- Class codes are spelled differently across years (``H-2A`` up to FY2021, ``H2A`` from FY2022;
  ``B-1,2/BCC`` vs ``BBBCC``) and the column order changes (TD before TN from FY2021). Columns are
  mapped by their normalised code (dashes and spaces removed, upper case), never by position.
- Sheets are not in year order (FY19 sits before FY18). Sheets are found by name, and the year in
  each sheet's header cell (``Fiscal Year YYYY``) must agree with the sheet name.
- Column 0 holds region headers (rows with no numbers), nationality rows, ``Totals for <region>``
  rows and a ``Grand Total(s)`` row; the latter two are aggregates (iso3 None).

A fiscal-year sheet missing from the workbook, a sheet whose header year disagrees with its name, or a
visa-class column that is missing or renamed is refused with :class:`~northam.schemas.SchemaError`
naming the sheet and the column.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, is_number, tidy_schema, validate
from . import read_workbook

KEY = "state_dept_FYs97-24_NIVDetailTable.xlsx"
YEARS = range(1997, 2025)
UNIT = "visas issued"
#: Visa classes kept (normalised codes) and the total column; ``TOTAL`` is the "Grand Total" column.
CLASSES = ("TN", "TD", "H1B", "H2A", "H2B", "TOTAL")
_TOTAL_HEADERS = {"GRANDTOTAL"}
GRAND_TOTAL = "Grand Total"

SCHEMA = tidy_schema(
    {
        "nationality": pa.Column(str),
        "region": pa.Column(str, nullable=True),
        "visa_class": pa.Column(str, pa.Check.isin(list(CLASSES))),
        "aggregate": pa.Column(bool),
        "sheet": pa.Column(str),
    },
    name="statedept_niv",
)


def normalise_code(code) -> str:
    """Class code without dashes, commas-spaces or spaces, upper case (``'H-2A'`` -> ``'H2A'``)."""
    return re.sub(r"[\s\-]", "", str(code)).upper()


def sheet_name(year: int) -> str:
    return f"FY{year % 100:02d}"


def _counts_schema(columns: list) -> pa.DataFrameSchema:
    """A sheet's visa-class columns (rows labelled by nationality): numbers of visas, never negative; blank
    cells are region headers or no visas."""
    checks = [is_number("a count of visas issued"),
              pa.Check(lambda v: not pd.to_numeric(v, errors="coerce") < 0, element_wise=True,
                       error="should not be negative")]
    return pa.DataFrameSchema({c: pa.Column(checks=checks, nullable=True) for c in columns}, name="niv_counts")


def _parse_sheet(df: pd.DataFrame, sheet: str, year: int, key: str) -> pd.DataFrame:
    header = str(df.columns[0])
    m = re.match(r"^\s*Fiscal Year\s+(\d{4})\s*$", header)
    if not m:
        raise SchemaError(f"{key}: sheet {sheet!r}: first column header {header!r} is not 'Fiscal Year YYYY'")
    if int(m.group(1)) != year:
        raise SchemaError(f"{key}: sheet {sheet!r} is headed {header!r}, not fiscal year {year}")
    codes: dict[str, str] = {}
    for col in df.columns[1:]:
        code = normalise_code(col)
        code = "TOTAL" if code in _TOTAL_HEADERS else code
        if code in CLASSES:
            if code in codes:
                raise SchemaError(f"{key}: sheet {sheet!r}: visa class {code!r} appears twice "
                                  f"(columns {codes[code]!r} and {col!r})")
            codes[code] = col
    missing = [c for c in CLASSES if c not in codes]
    if missing:
        names = ["Grand Total" if c == "TOTAL" else c for c in missing]
        raise SchemaError(
            f"{key}: sheet {sheet!r}: visa class column(s) {names} not found (looked for the codes with or "
            f"without dashes); columns present: {[str(c) for c in df.columns[1:]][:90]}"
        )
    label = df[df.columns[0]]
    values = validate(df[[codes[c] for c in CLASSES]].set_axis(label.astype(str).str.strip()),
                      _counts_schema([codes[c] for c in CLASSES]), f"{key}: sheet {sheet!r}")
    values = values.apply(pd.to_numeric).set_axis(df.index)
    rows = []
    region = None
    for i, name in label.items():
        if pd.isna(name) or not str(name).strip():
            continue
        name = str(name).strip()
        nums = values.loc[i]
        if nums.isna().all():  # a region header such as "Africa"
            region = name
            continue
        aggregate = name.startswith("Totals for") or name.lower().startswith("grand total")
        if name.lower().startswith("grand total"):
            name = GRAND_TOTAL
        for c in CLASSES:
            rows.append((name, region, c, float(nums[codes[c]]) if pd.notna(nums[codes[c]]) else 0.0, aggregate))
    out = pd.DataFrame(rows, columns=["nationality", "region", "visa_class", "value", "aggregate"])
    if GRAND_TOTAL not in set(out["nationality"]):
        raise SchemaError(f"{key}: sheet {sheet!r}: no 'Grand Total' row found in column 0")
    out.insert(0, "year", year)
    out["sheet"] = sheet
    return out


def parse_workbook(path, key: str = KEY, years=YEARS) -> pd.DataFrame:
    """Parse the NIV detail workbook into a tidy table (one row per FY, nationality and class)."""
    sheets = read_workbook(path, sheet_name=None)
    parts = []
    for year in years:
        sheet = sheet_name(year)
        if sheet not in sheets:
            raise SchemaError(f"{key}: fiscal-year sheet {sheet!r} (FY{year}) is missing from the workbook; "
                              f"sheets present: {list(sheets)}")
        parts.append(_parse_sheet(sheets[sheet], sheet, year, key))
    out = pd.concat(parts, ignore_index=True)
    iso = {n: to_iso3(n) for n in out["nationality"].unique()}
    out.insert(0, "iso3", [None if a else iso[n] for n, a in zip(out["nationality"], out["aggregate"], strict=True)])
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    out["region"] = out["region"].astype(object).where(out["region"].notna(), None)
    out["unit"] = UNIT
    out["source"] = key
    out["year"] = out["year"].astype(int)
    return out


@cached(KEY)
def _niv(path) -> pd.DataFrame:
    return validate(parse_workbook(path), SCHEMA, KEY)


def niv() -> pd.DataFrame:
    """NIV issuances by fiscal year, nationality and class (TN, TD, H1B, H2A, H2B, TOTAL), tidy.

    Columns: iso3 (None for aggregates and non-country rows), year (fiscal year), nationality, region,
    visa_class, value (visas issued), aggregate, sheet, unit, source. The ``Grand Total`` nationality
    is the worldwide total of a class. Parsed once and cached (the workbook is large).
    """
    return _niv()


def by_nationality(nationality: str = "Mexico") -> pd.DataFrame:
    """Wide table fiscal year x class of visas issued to one nationality (or ``'Grand Total'``)."""
    df = niv()
    df = df[df["nationality"] == nationality]
    if df.empty:
        raise KeyError(f"{KEY}: no row for nationality {nationality!r}")
    return df.pivot(index="year", columns="visa_class", values="value")[list(CLASSES)].rename_axis(None, axis=1)


def registry_keys() -> list[str]:
    return [KEY]
