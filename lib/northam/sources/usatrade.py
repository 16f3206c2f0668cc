"""USA Trade Online report: US imports of vehicles and parts (HS 87) and all goods, total vs USMCA-claimed.

File: ``usatradeonline_hs87_imports_usmca_claims_2022-2024.xlsx`` (Census USA Trade Online "Standard
Report - Imports", downloaded 2025-03-06, first-release 2024 data). Sheet ``REPORT``, wide layout:
column A commodity; B-G World Total, H-M Canada, N-S Mexico, each as 2022/2023/2024 x [All Country
Subcodes, USMCA]. Units: US dollars, general imports, Customs value; the loader converts to
**million USD**.

Quirks handled here:

- Columns T-Z are Excel formulas added by the uploader (Canada + Mexico in billions, a ratio), not Census
  output: they are never read (only columns A-S are).
- An empty USMCA cell means no imports entered under the USMCA preference (USA Trade Online leaves
  zero cells blank): it becomes 0. An empty *total* cell is refused.
- Commodity labels carry HTML entities (``&gt;``): they are unescaped.
- The header rows (partners, years, subcodes) are checked: a shifted or relabelled column is refused,
  naming the column letter.
- The cells are checked with pandera (:data:`RAW_SCHEMA`, :data:`TIDY_SCHEMA`): text or negative imports, a
  blank total, a commodity label without an HS4 code and USMCA claims above the total are refused, and the
  error names the column letter, the partner, the year and the commodity.
"""

from __future__ import annotations

import html

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..schemas import SchemaError, in_range_if_number, is_number, tidy_schema, validate
from . import read_workbook

KEY = "usatradeonline_hs87_imports_usmca_claims_2022-2024.xlsx"
SHEET = "REPORT"
UNIT = "million USD"
PARTNERS = {"World Total": None, "Canada": "CAN", "Mexico": "MEX"}
YEARS = (2022, 2023, 2024)
SUBCODES = {"All Country Subcodes": "all", "United States-Mexico-Canada Trade Agreement (USMCA)": "usmca"}
#: Labels in column A of the header rows and of the row just above the data.
HEADER_LABELS = {"country": "Country", "time": "Time", "subcode": "Country Subcode", "body": "Commodity"}

SCHEMA = tidy_schema(
    {
        "partner": pa.Column(str, pa.Check.isin(list(PARTNERS))),
        "hs4": pa.Column(str, pa.Check.str_matches(r"^(87\d\d|TOTAL)$")),
        "commodity": pa.Column(str),
        "measure": pa.Column(str, pa.Check.isin(["all", "usmca"])),
    },
    name="usatrade_hs87_usmca_claims",
)


def _expected_columns() -> list[tuple[str, int, str]]:
    """(partner, year, measure) for columns B..S in order."""
    return [(p, y, m) for p in PARTNERS for y in YEARS for m in SUBCODES.values()]


def check_header_rows(raw: pd.DataFrame, labels: dict[str, str], key: str) -> dict[str, int]:
    """Row positions of the header labels of a USA Trade Online report (role -> row position), found in
    column A; a label found other than exactly once is refused (the layout changed). Shared by the
    report loaders (this module and :mod:`northam.sources.usatrade_hs10`)."""
    col_a = raw.iloc[:, 0].astype("string").str.strip()
    at = {}
    for role, text in labels.items():
        hits = col_a.index[col_a == text]
        if len(hits) != 1:
            raise SchemaError(f"{key}: column A should hold exactly one header row {text!r}; found {len(hits)}")
        at[role] = raw.index.get_loc(hits[0])
    return at


def _header_columns(raw: pd.DataFrame, key: str) -> tuple[list[tuple[str, int, str]], int]:
    """Check the header rows (partners, years, subcodes) of columns B-S; return their (partner, year,
    measure) and the row position of ``Commodity`` (the data start below it). Refuses a shifted layout."""
    at = check_header_rows(raw, HEADER_LABELS, key)
    country = raw.iloc[at["country"], 1:].ffill()
    time = raw.iloc[at["time"], 1:].ffill()
    sub = raw.iloc[at["subcode"], 1:]
    for j, (p, y, m) in enumerate(_expected_columns()):
        got = (str(country.iloc[j]).strip(), str(time.iloc[j]).strip().split(".")[0],
               SUBCODES.get(str(sub.iloc[j]).strip()))
        if got != (p, str(y), m):
            raise SchemaError(f"{key}: column {_letter(j)} header is {got}, expected {(p, str(y), m)}; "
                              "the report layout changed: update the loader")
    return _expected_columns(), at["body"]


def _letter(j: int) -> str:
    """Spreadsheet letter of data column ``j`` (0 = column B)."""
    return chr(ord("B") + j)


def _total_not_blank(df: pd.DataFrame) -> pd.Series:
    """Row check: a total ("all") cell is not blank (a blank USMCA cell is a zero, see the docstring)."""
    return (df["measure"] != "all") | df["cell"].notna()


#: The cells of columns B-S in long form; rows are labelled "column <letter> (<partner> <year> <measure>):
#: <commodity>" so that an error names the cell.
RAW_SCHEMA = pa.DataFrameSchema(
    {
        "hs4": pa.Column(str, pa.Check.str_matches(r"^(\d{4}|TOTAL)$", error="commodity label should start with "
                                                                              "an HS4 code"), nullable=False),
        "cell": pa.Column(checks=[is_number("imports in US dollars"),
                                  in_range_if_number(0, float("inf"), "imports, not negative")], nullable=True),
    },
    checks=[pa.Check(_total_not_blank, error="total imports should not be blank")], name="usatrade_report_cells",
)


def _usmca_not_above_total(out: pd.DataFrame) -> pd.Series:
    """Check of the tidy table: imports claiming USMCA do not exceed total imports (same partner, year, HS4)."""
    key = ["partner", "year", "hs4"]
    total = out[out["measure"] == "all"].set_index(key)["value"]
    ref = pd.MultiIndex.from_frame(out[key]).map(total.to_dict().get)
    return (out["measure"] != "usmca") | (out["value"] <= pd.Series(ref, index=out.index).astype(float) * (1 + 1e-9))


#: The tidy table, with the check that claimed imports never exceed total imports.
TIDY_SCHEMA = pa.DataFrameSchema(SCHEMA.columns, checks=[pa.Check(
    _usmca_not_above_total, error="imports claiming USMCA should not exceed total imports")], name=SCHEMA.name)


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Raw ``REPORT`` sheet (read with ``header=None``) -> tidy table of columns B-S, million USD."""
    if raw.shape[1] < 19:
        raise SchemaError(f"{key}: sheet {SHEET!r} has {raw.shape[1]} columns; expected at least 19 (A-S)")
    raw = raw.iloc[:, :19]  # columns A-S only; T-Z are the uploader's formulas
    cols, body_at = _header_columns(raw, key)
    body = raw.iloc[body_at + 1:, :].dropna(how="all")
    label = body.iloc[:, 0].astype(str).map(html.unescape).str.strip()
    hs4 = label.str.extract(r"^(\d{4})\s", expand=False).where(~label.eq("All Commodities"), "TOTAL")
    cells = pd.concat([pd.DataFrame({
        "iso3": PARTNERS[p], "year": y, "partner": p, "hs4": hs4.fillna(label).to_numpy(),
        "commodity": label.to_numpy(), "measure": m, "cell": body.iloc[:, j + 1].to_numpy(),
    }, index=[f"column {_letter(j)} ({p} {y} {m}): {c}" for c in label]) for j, (p, y, m) in enumerate(cols)])
    cells = validate(cells, RAW_SCHEMA, key)
    out = cells.drop(columns="cell").assign(value=pd.to_numeric(cells["cell"]).fillna(0.0).astype(float) / 1e6,
                                            unit=UNIT, source=key)
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, TIDY_SCHEMA, key).reset_index(drop=True)  # rows keep their cell label until checked


@cached(KEY)
def _load(path) -> pd.DataFrame:
    raw = read_workbook(path, sheet_name=SHEET, header=None)
    return parse(raw, KEY)


def hs87_usmca_imports() -> pd.DataFrame:
    """US general imports of HS 87 (by HS4) and of all goods from the World, Canada and Mexico,
    2022-2024, total (``measure`` "all") and entered claiming USMCA preference ("usmca").

    Tidy: iso3 (None for World Total), year, partner, hs4 ("8703", ..., "TOTAL" for all commodities),
    commodity, measure, value (million USD, Customs value), unit, source. First-release 2024 data
    (March 2025). Source: Census USA Trade Online.
    """
    return _load()


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["hs87_usmca_imports", "parse", "KEY", "registry"]
