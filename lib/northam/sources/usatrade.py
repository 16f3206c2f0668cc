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
"""

from __future__ import annotations

import html

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..schemas import SchemaError, tidy_schema, validate

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


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Raw ``REPORT`` sheet (read with ``header=None``) -> tidy table of columns B-S, million USD."""
    if raw.shape[1] < 19:
        raise SchemaError(f"{key}: sheet {SHEET!r} has {raw.shape[1]} columns; expected at least 19 (A-S)")
    raw = raw.iloc[:, :19]  # columns A-S only; T-Z are the uploader's formulas
    col_a = raw.iloc[:, 0].astype("string").str.strip()
    at = {}
    for role, text in HEADER_LABELS.items():
        hits = col_a.index[col_a == text]
        if len(hits) != 1:
            raise SchemaError(f"{key}: column A should hold exactly one header row {text!r}; found {len(hits)}")
        at[role] = raw.index.get_loc(hits[0])
    country = raw.iloc[at["country"], 1:].ffill()
    time = raw.iloc[at["time"], 1:].ffill()
    sub = raw.iloc[at["subcode"], 1:]
    cols = []
    for j, (p, y, m) in enumerate(_expected_columns()):
        letter = chr(ord("B") + j)
        got = (str(country.iloc[j]).strip(), str(time.iloc[j]).strip().split(".")[0],
               SUBCODES.get(str(sub.iloc[j]).strip()))
        if got != (p, str(y), m):
            raise SchemaError(f"{key}: column {letter} header is {got}, expected {(p, str(y), m)}; "
                              "the report layout changed: update the loader")
        cols.append((p, y, m))
    body = raw.iloc[at["body"] + 1:, :].dropna(how="all")
    label = body.iloc[:, 0].astype(str).map(html.unescape).str.strip()
    hs4 = label.str.extract(r"^(\d{4})\s", expand=False)
    is_total = label.eq("All Commodities")
    bad = label[hs4.isna() & ~is_total]
    if len(bad):
        raise SchemaError(f"{key}: column A has an unexpected commodity label {bad.iloc[0]!r}")
    hs4 = hs4.where(~is_total, "TOTAL")
    rows = []
    for j, (p, y, m) in enumerate(cols):
        letter = chr(ord("B") + j)
        vals = pd.to_numeric(body.iloc[:, j + 1], errors="coerce")
        text = body.iloc[:, j + 1].notna() & vals.isna()
        if text.any():
            i = text.to_numpy().nonzero()[0][0]
            raise SchemaError(f"{key}: column {letter} ({p} {y} {m}) is not numeric for {label.iloc[i]!r}: "
                              f"{body.iloc[i, j + 1]!r}")
        if m == "all" and vals.isna().any():
            i = vals.isna().to_numpy().nonzero()[0][0]
            raise SchemaError(f"{key}: column {letter} ({p} {y} total) is empty for {label.iloc[i]!r}")
        if (vals < 0).any():
            raise SchemaError(f"{key}: column {letter} ({p} {y} {m}) has negative imports")
        rows.append(pd.DataFrame({
            "iso3": PARTNERS[p], "year": y, "partner": p, "hs4": hs4.to_numpy(),
            "commodity": label.to_numpy(), "measure": m,
            "value": vals.fillna(0.0).astype(float).to_numpy() / 1e6,
        }))
    out = pd.concat(rows, ignore_index=True).assign(unit=UNIT, source=key)
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    claimed = out.pivot_table(index=["partner", "year", "hs4"], columns="measure", values="value")
    over = claimed[claimed["usmca"] > claimed["all"] * (1 + 1e-9)]
    if len(over):
        p, y, h = over.index[0]
        raise SchemaError(f"{key}: USMCA-claimed imports exceed total imports for {p} {y} {h}")
    return validate(out, SCHEMA, key)


@cached(KEY)
def _load(path) -> pd.DataFrame:
    raw = pd.read_excel(path, sheet_name=SHEET, header=None)
    return parse(raw, KEY)


def hs87_usmca_imports() -> pd.DataFrame:
    """US general imports of HS 87 (by HS4) and of all goods from the World, Canada and Mexico,
    2022-2024, total (``measure`` "all") and entered claiming USMCA preference ("usmca").

    Tidy: iso3 (None for World Total), year, partner, hs4 ("8703", ..., "TOTAL" for all commodities),
    commodity, measure, value (million USD, Customs value), unit, source. First-release 2024 data
    (March 2025). Source: Census USA Trade Online.
    """
    return _load()


def usmca_claim_shares() -> pd.DataFrame:
    """Share of US imports (all goods) from Canada, Mexico and both entering under USMCA, 2022-2024.

    Columns: year, partner (Canada | Mexico | Canada+Mexico), all, usmca (million USD), share (%).
    """
    df = hs87_usmca_imports()
    df = df[(df["hs4"] == "TOTAL") & df["iso3"].notna()]
    w = df.pivot_table(index=["year", "partner"], columns="measure", values="value").reset_index()
    both = w.groupby("year", as_index=False)[["all", "usmca"]].sum().assign(partner="Canada+Mexico")
    w = pd.concat([w, both], ignore_index=True).rename_axis(None, axis=1)
    w["share"] = 100 * w["usmca"] / w["all"]
    return w.sort_values(["year", "partner"], ignore_index=True)


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["hs87_usmca_imports", "usmca_claim_shares", "parse", "KEY", "registry"]
