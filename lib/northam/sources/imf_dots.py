"""IMF Direction of Trade Statistics (DOTS) reporter workbooks: Mexico, Canada, United States, 1960-2020.

Each workbook holds one reporter's goods trade by partner, in two sheets: ``Exports, FOB`` and
``Imports, CIF``. Units: millions of current US dollars, as recorded by the reporter (its own customs
data, converted by the IMF; imports valued CIF, exports FOB). The extract ends in 2020: there are no
2021-2024 values, and in particular no Mexican-side data after 2020.

Layout: rows 1-6 are titles (row 2 the sheet title, row 4 the reporter, row 5 the unit); row 7 holds the
years from column C; from row 8, column B is the partner (IMF spelling) and then one value per year.

Quirks handled here: the titles are checked (a workbook for another reporter, another flow or another unit
is refused); partner rows that are aggregates (World, Advanced Economies, regions, memorandum items) get
``partner_iso3`` None; blank cells (early years) are missing, not zero. IMF estimates are stored as text
with a trailing ``e`` and thousands commas (e.g. ``"10,424.20 e"``, all of Mexico's 1986 column): they are
converted and flagged ``estimated``. Each sheet repeats its first partner row above ``World``; identical
repeats are dropped, a partner repeated with different values is refused. Any other text is refused naming the file, sheet, partner and year.

Mirror statistics differ by reporter: what Canada records as imports from Mexico is not what Mexico
records as exports to Canada (valuation CIF/FOB, timing, goods routed through the US, re-exports). Always
say whose records a number comes from.
"""

from __future__ import annotations

import re

import openpyxl
import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, tidy_schema, validate

FILES = {
    "MEX": "imf_dots_mexico_exports_imports_by_partner_1960-2020.xlsx",
    "CAN": "imf_dots_canada_exports_imports_by_partner_1960-2020.xlsx",
    "USA": "imf_dots_united_states_exports_imports_by_partner_1960-2020.xlsx",
}
REPORTER_NAMES = {"MEX": "Mexico", "CAN": "Canada", "USA": "United States"}
SHEETS = {"Exports, FOB": ("exports", "Exports, FOB to Partner Countries"),
          "Imports, CIF": ("imports", "Imports, CIF from Partner Countries")}
UNIT = "million USD"
WORLD = "World"

SCHEMA = tidy_schema(
    {
        "reporter": pa.Column(str, pa.Check.isin(list(FILES))),
        "partner": pa.Column(str),
        "partner_iso3": pa.Column(str, nullable=True),
        "flow": pa.Column(str, pa.Check.isin(["exports", "imports"])),
        "estimated": pa.Column(bool),
    },
    iso3=False,
    nullable_value=True,
    name="imf_dots",
)
SCHEMA.unique = ["partner", "flow", "year"]  # a partner listed twice with different values is refused


_ESTIMATE = re.compile(r"^\s*(-?[\d,]+(?:\.\d+)?)\s*e\s*$")


def _value(v, key: str, sheet: str, partner: str, year: int) -> tuple[float, bool]:
    if v is None or (isinstance(v, str) and v.strip() == ""):
        return float("nan"), False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v), False
    m = _ESTIMATE.match(str(v))
    if m:
        return float(m.group(1).replace(",", "")), True
    raise SchemaError(f"{key} (sheet {sheet!r}): partner {partner!r}, year {year} holds {v!r}, not a number "
                      f"(million USD) nor an IMF estimate such as '16.15 e'")


def parse_workbook(path, reporter: str) -> pd.DataFrame:
    """Tidy one reporter workbook (see module docstring); refuses unexpected titles or values."""
    key = FILES[reporter]
    # openpyxl, not calamine: calamine reads error cells ('#N/A') as blank, so _value could not refuse them
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    missing = [s for s in SHEETS if s not in wb.sheetnames]
    if missing:
        raise SchemaError(f"{key}: sheet(s) {missing} not found; sheets present: {wb.sheetnames}")
    rows = []
    for sheet, (flow, title) in SHEETS.items():
        cells = list(wb[sheet].iter_rows(values_only=True))
        head = {i: (cells[i][1] if len(cells) > i and len(cells[i]) > 1 else None) for i in (1, 3, 4)}
        expected = {1: title, 3: REPORTER_NAMES[reporter], 4: "US Dollars, Millions"}
        for i, want in expected.items():
            if str(head[i]).strip() != want:
                raise SchemaError(f"{key} (sheet {sheet!r}): row {i + 1} column B reads {head[i]!r}, expected "
                                  f"{want!r}; wrong reporter, flow or unit")
        years = cells[6][2:]
        try:
            years = [int(str(y).strip()) for y in years if y is not None]
        except ValueError as exc:
            raise SchemaError(f"{key} (sheet {sheet!r}): row 7 should hold years from column C: {exc}") from exc
        for r in cells[7:]:
            partner = r[1] if len(r) > 1 else None
            if partner is None or str(partner).strip() == "":
                continue
            partner = " ".join(str(partner).split())
            for year, v in zip(years, r[2:2 + len(years)], strict=False):
                value, estimated = _value(v, key, sheet, partner, year)
                rows.append((reporter, partner, flow, year, value, estimated))
    wb.close()
    out = pd.DataFrame(rows, columns=["reporter", "partner", "flow", "year", "value", "estimated"])
    iso = {p: to_iso3(p) for p in out["partner"].unique()}
    out["partner_iso3"] = out["partner"].map(iso).astype(object)
    out["partner_iso3"] = out["partner_iso3"].where(out["partner_iso3"].notna(), None)
    out["unit"], out["source"] = UNIT, key
    # Each sheet repeats its first partner row (Australia) above "World": identical copies are dropped;
    # SCHEMA refuses a partner listed twice with different values.
    out = out.drop_duplicates(["partner", "flow", "year", "value", "estimated"])
    return validate(out, SCHEMA, key)


def _loader(reporter: str):
    @cached(FILES[reporter])
    def load(path):
        return parse_workbook(path, reporter)

    return load


_LOADERS = {r: _loader(r) for r in FILES}


def trade(reporter: str) -> pd.DataFrame:
    """One reporter's goods exports and imports by partner, 1960-2020 (million current USD).

    Columns: reporter (ISO3), partner (IMF name), partner_iso3 (ISO3 where the IMF name maps to one; None
    for World, groups, former states and IMF spellings such as "Korea, Rep. of": select partners by name), flow
    ("exports" FOB / "imports" CIF), year, value (NaN when blank), estimated (IMF "e" flag), unit,
    source.
    """
    if reporter not in _LOADERS:
        raise KeyError(f"no IMF DOTS workbook for reporter {reporter!r}; known: {list(FILES)}")
    return _LOADERS[reporter]()


def all_reporters() -> pd.DataFrame:
    """The three reporter workbooks stacked."""
    return pd.concat([trade(r) for r in FILES], ignore_index=True)


def registry_keys() -> list[str]:
    return list(FILES.values())
