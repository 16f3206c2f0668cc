"""U.S. Census Bureau goods-trade files: ``country.xlsx`` (by partner, monthly) and the End-Use imports.

Units: millions of current US dollars for ``country.xlsx`` (goods, Census basis: general imports at
Customs value, total exports F.A.S., not seasonally adjusted); whole US dollars for the End-Use file,
converted here to millions.

Quirk handled here: in ``country.xlsx`` months not yet published are zero-filled, so the last year is
partial. A month counts as published when the partner countries' imports that month are not all zero
(the world row only starts in 1987). Annual totals carry the number of published months, and
:func:`annual` refuses (``PartialYearError``) to hand out a year with missing months unless asked.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached, memo
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from . import read_workbook

#: Vintages of country.xlsx in the registry, newest first. The newest is used; the older one only to
#: show revisions.
COUNTRY_XLSX = {
    "2026-01": "census_country_goods_trade_1985-2026jan.xlsx",
    "2024-08": "census_country_goods_trade_1985-2024ytd.xlsx",
}
LATEST = next(iter(COUNTRY_XLSX))


def release_name(vintage: str = LATEST) -> str:
    """A vintage of country.xlsx as the pages name it, from its registry key: "2026-01" -> "release with data
    to January 2026"."""
    import calendar

    year, month = (int(p) for p in vintage.split("-"))
    return f"release with data to {calendar.month_name[month]} {year}"
ENDUSE_IMPORTS = "census_enduse_imports_by_country_2016-2025.xlsx"

#: Census partner codes used by the book (aggregates are below 1000).
CODE = {"CAN": 1220, "MEX": 2010, "CHN": 5700, "WORLD": 15, "ATP": 7, "EU": 3, "JPN": 5880,
        "DEU": 4280, "KOR": 5800, "VNM": 5520}
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
FLOWS = {"I": "imports", "E": "exports"}
UNIT = "million USD"


class PartialYearError(ValueError):
    """A year with unpublished months was asked for as if it were a full year."""


MONTHLY_SCHEMA = tidy_schema(
    {
        "month": pa.Column(int, pa.Check.in_range(1, 12)),
        "cty_code": pa.Column(int, pa.Check.ge(0)),
        "partner": pa.Column(str),
        "flow": pa.Column(str, pa.Check.isin(["imports", "exports"])),
        "published": pa.Column(bool),
    },
    name="census_country_monthly",
)


def _parse_country_xlsx(path, key: str) -> pd.DataFrame:
    raw = read_workbook(path, sheet_name=0)
    expected = ["year", "CTY_CODE", "CTYNAME"] + [f + m for f in FLOWS for m in MONTHS] + ["IYR", "EYR"]
    require_columns(raw, expected, key)
    for col in expected[3:]:
        if not pd.api.types.is_numeric_dtype(raw[col]):
            raise SchemaError(f"{key}: column {col!r} should be numeric (million USD), found {raw[col].dtype}")
    raw = raw.dropna(subset=["year", "CTY_CODE"])
    long = raw.melt(
        id_vars=["year", "CTY_CODE", "CTYNAME"],
        value_vars=[f + m for f in FLOWS for m in MONTHS],
        var_name="col",
        value_name="value",
    )
    long["flow"] = long["col"].str[0].map(FLOWS)
    long["month"] = long["col"].str[1:].map({m: i + 1 for i, m in enumerate(MONTHS)}).astype(int)
    # A month is published when the partner countries' imports that month are not all zero (the world
    # row itself only starts in 1987).
    countries = long[(long["CTY_CODE"] >= 1000) & (long["flow"] == "imports")]
    published = countries["value"].fillna(0).abs().groupby([countries["year"], countries["month"]]).sum() > 0
    long = long.join(published.rename("published"), on=["year", "month"])
    long["published"] = long["published"].fillna(False).astype(bool)
    names = long["CTYNAME"].astype(str).str.strip()
    iso = {n: to_iso3(n) for n in names.unique()}
    out = pd.DataFrame(
        {
            "iso3": [iso[n] if c >= 1000 else None for n, c in zip(names, long["CTY_CODE"], strict=True)],
            "year": long["year"].astype(int),
            "month": long["month"],
            "cty_code": long["CTY_CODE"].astype(int),
            "partner": names,
            "flow": long["flow"],
            "value": long["value"].astype(float),
            "unit": UNIT,
            "source": key,
            "published": long["published"],
        }
    )
    # Unpublished months are zero-filled in the file: they are missing, not zero.
    out.loc[~out["published"], "value"] = float("nan")
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out.sort_values(["cty_code", "flow", "year", "month"], ignore_index=True)


def _country_loader(key: str):
    @cached(key)
    def load(path):
        df = _parse_country_xlsx(path, key)
        schema = MONTHLY_SCHEMA.update_column("value", nullable=True)
        return validate(df, schema, key)

    return load


_LOADERS = {vintage: _country_loader(key) for vintage, key in COUNTRY_XLSX.items()}


def monthly(vintage: str = LATEST) -> pd.DataFrame:
    """US goods trade by partner and month, tidy (million USD; NaN for unpublished months).

    Columns: iso3 (None for aggregates), year, month, cty_code, partner, flow, value, unit, source,
    published. Source: Census ``country.xlsx`` of the given vintage (default: the latest).
    """
    if vintage not in _LOADERS:
        raise KeyError(f"unknown country.xlsx vintage {vintage!r}; known: {list(_LOADERS)}")
    return _LOADERS[vintage]()


def published_months(vintage: str = LATEST) -> pd.Series:
    """Number of published months per year in a vintage (index: year)."""
    df = monthly(vintage)
    one = df[(df["cty_code"] == CODE["CAN"]) & (df["flow"] == "imports")]
    return one.groupby("year")["published"].sum().astype(int)


def latest_full_year(vintage: str = LATEST) -> int:
    """The last year with all twelve months published."""
    months = published_months(vintage)
    return int(months[months == 12].index.max())


@memo(maxsize=4)
def _annual_all(vintage: str) -> pd.DataFrame:
    df = monthly(vintage)
    keys = ["iso3", "year", "cty_code", "partner", "flow", "unit", "source"]
    grouped = df.groupby(keys, dropna=False)
    out = grouped["value"].sum(min_count=1).to_frame("value")
    out["months"] = grouped["published"].sum().astype(int)
    return out.reset_index()


def annual(vintage: str = LATEST, *, allow_partial: bool = False) -> pd.DataFrame:
    """Annual US goods trade by partner: one row per partner, year and flow (million USD).

    Sums the published months; ``months`` says how many. Raises :class:`PartialYearError` if the table
    would contain a year with missing months, unless ``allow_partial=True`` (then such rows keep
    ``months < 12`` and must not be compared with full years).
    """
    out = _annual_all(vintage)  # memo: a fresh copy
    if not allow_partial:
        partial = sorted(out.loc[out["months"] < 12, "year"].unique())
        if partial:
            raise PartialYearError(
                f"{COUNTRY_XLSX[vintage]}: year(s) {[int(y) for y in partial]} have unpublished months (zero-filled in the file). "
                f"Use years up to {latest_full_year(vintage)}, filter with full_years(), or pass "
                f"allow_partial=True and label them as partial."
            )
    return out


def full_years(vintage: str = LATEST) -> pd.DataFrame:
    """:func:`annual` restricted to years with all twelve months published."""
    out = annual(vintage, allow_partial=True)
    return out[out["months"] == 12].reset_index(drop=True)


def partner_trade(codes: dict[str, int], vintage: str = LATEST) -> pd.DataFrame:
    """Wide annual table for selected partners (full years only): year x (label, flow), million USD.

    Adds ``total`` (exports + imports) and ``balance`` (exports - imports) per label.
    """
    df = full_years(vintage)
    df = df[df["cty_code"].isin(codes.values())]
    label = {v: k for k, v in codes.items()}
    df = df.assign(label=df["cty_code"].map(label))
    wide = df.pivot_table(index="year", columns=["label", "flow"], values="value", aggfunc="sum")
    for lab in codes:
        wide[(lab, "total")] = wide[(lab, "exports")] + wide[(lab, "imports")]
        wide[(lab, "balance")] = wide[(lab, "exports")] - wide[(lab, "imports")]
    return wide.sort_index(axis=1)


# --------------------------------------------------------------------------------------------------
# End-Use imports by country (annual 2016-2025)

ENDUSE_SCHEMA = tidy_schema(
    {
        "cty_code": pa.Column(int),
        "partner": pa.Column(str),
        "end_use": pa.Column(str, pa.Check.str_matches(r"^\d{5}$")),
        "description": pa.Column(str),
    },
    name="census_enduse_imports",
)


@cached(ENDUSE_IMPORTS)
def _enduse(path) -> pd.DataFrame:
    key = ENDUSE_IMPORTS
    raw = read_workbook(path, sheet_name="EnduseImp", dtype={"END_USE": str})
    value_cols = [c for c in raw.columns if str(c).startswith("value_")]
    require_columns(raw, ["CTY_CODE", "CTY_DESC", "END_USE", "COMM_DESC"], key)
    if not value_cols:
        raise SchemaError(f"{key}: no value_YY columns found; columns present: {list(raw.columns)}")
    long = raw.melt(id_vars=["CTY_CODE", "CTY_DESC", "END_USE", "COMM_DESC"], value_vars=value_cols,
                    var_name="col", value_name="usd")
    names = long["CTY_DESC"].astype(str).str.strip()
    iso = {n: to_iso3(n) for n in names.unique()}
    out = pd.DataFrame(
        {
            "iso3": [iso[n] if int(c) != 0 else None for n, c in zip(names, long["CTY_CODE"], strict=True)],
            "year": 2000 + long["col"].str[-2:].astype(int),
            "cty_code": long["CTY_CODE"].astype(int),
            "partner": names,
            "end_use": long["END_USE"].astype(str).str.strip().str.zfill(5),
            "description": long["COMM_DESC"].astype(str).str.strip(),
            "value": pd.to_numeric(long["usd"], errors="coerce").astype(float) / 1e6,
            "unit": UNIT,
            "source": key,
        }
    )
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, ENDUSE_SCHEMA.update_column("value", nullable=True), key)


def enduse_imports() -> pd.DataFrame:
    """US general imports by partner and 5-digit End-Use code, annual 2016-2025 (million USD).

    ``cty_code`` 0 is the world total. End-Use groups: the first digit (0 foods, feeds and beverages;
    1 industrial supplies; 2 capital goods; 3 automotive vehicles, parts and engines; 4 consumer
    goods; 5 other). Source: Census ``enduse_imports.xlsx``.
    """
    return _enduse()


def registry_keys() -> list[str]:
    """Registry keys read by this module."""
    return [*COUNTRY_XLSX.values(), ENDUSE_IMPORTS]


__all__ = [
    "annual", "full_years", "monthly", "published_months", "latest_full_year", "partner_trade",
    "enduse_imports", "PartialYearError", "CODE", "COUNTRY_XLSX", "LATEST", "registry",
]
