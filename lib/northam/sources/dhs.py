"""US border encounters: DHS OHSS's Border Patrol (USBP) workbook and CBP's southwest-border CSV.

Units: encounters (Title 8 apprehensions plus Title 42 expulsions), counted as events: one person caught
twice counts twice. Fiscal years run October to September.

- ``dhs_ohss_khsm_usbp_encounters_fy2000_fy2025m11.xlsx`` (DHS Office of Homeland Security
  Statistics, Key Homeland Security Metrics): US Border Patrol only, FY2000 onward, by region and
  citizenship, annual and monthly. Counts are rounded to the nearest 10 by DHS, so monthly sums can
  differ from the annual sheet by a few tens. The last fiscal year is partial (the file name's
  ``fy25m11`` is the release; FY2025 holds only October and November 2024): :func:`usbp_annual`
  refuses it unless asked, and returns the number of months per fiscal year.
- ``cbp_sw_land_border_encounters_fy22_fy25aug.csv`` (CBP): southwest land border, FY2022 onward,
  Border Patrol **and** Office of Field Operations (ports of entry): a wider series than the USBP
  workbook. Its last year is labelled ``2025 (FYTD)`` (a pseudo-year): parsed as fiscal year 2025 and
  flagged partial; any other non-numeric year is refused.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from . import read_workbook

USBP_KEY = "dhs_ohss_khsm_usbp_encounters_fy2000_fy2025m11.xlsx"
CBP_KEY = "cbp_sw_land_border_encounters_fy22_fy25aug.csv"
UNIT = "encounters"
SOUTHWEST = "Southwest Land Border"
#: DHS month labels ("01 October" ... "12 September") -> (fiscal month, calendar month).
FISCAL_MONTHS = ["October", "November", "December", "January", "February", "March", "April", "May", "June",
                 "July", "August", "September"]
_CAL = {m: ((i + 9) % 12) + 1 for i, m in enumerate(FISCAL_MONTHS)}
_ABBR = {m[:3].upper(): _CAL[m] for m in FISCAL_MONTHS}


class PartialYearError(ValueError):
    """A fiscal year with missing months was asked for as if it were complete."""


MONTHLY_SCHEMA = tidy_schema(
    {
        "fiscal_year": pa.Column(int, pa.Check.in_range(1990, 2100)),
        "region": pa.Column(str),
        "citizenship": pa.Column(str),
    },
    time="date",
    name="usbp_monthly",
)
ANNUAL_SCHEMA = tidy_schema({"region": pa.Column(str), "citizenship": pa.Column(str),
                             "months": pa.Column(int, pa.Check.in_range(1, 12))}, name="usbp_annual")
CBP_SCHEMA = tidy_schema(
    {
        "fiscal_year": pa.Column(int),
        "component": pa.Column(str),
        "citizenship": pa.Column(str),
        "demographic": pa.Column(str),
        "title": pa.Column(str),
        "partial_year": pa.Column(bool),
    },
    time="date",
    name="cbp_sw_monthly",
)


def _iso(name: str):
    return to_iso3(name)  # DHS spellings ("China, People's Republic", "Unknown", ...) live in countries.py


def _clean_columns(df: pd.DataFrame) -> pd.DataFrame:
    return df.rename(columns={c: " ".join(str(c).split()) for c in df.columns})


def _check_quantity(df: pd.DataFrame, key: str, sheet: str) -> None:
    q = df["Quantity"]
    if not pd.api.types.is_numeric_dtype(q):
        bad = q[pd.to_numeric(q, errors="coerce").isna()]
        raise SchemaError(f"{key}: sheet {sheet!r}, column 'Quantity': non-numeric value(s) {bad.head(3).tolist()}")
    if (q < 0).any() or q.isna().any():
        bad = df[(q < 0) | q.isna()].iloc[0]
        raise SchemaError(f"{key}: sheet {sheet!r}, column 'Quantity': missing or negative count for FY"
                          f"{bad['Fiscal Year']}, {bad.get('Citizenship', '')}")


def parse_usbp_monthly(raw: pd.DataFrame, key: str = USBP_KEY, sheet: str = "Monthly Rgn and Citp") -> pd.DataFrame:
    """Tidy the workbook's monthly region x citizenship sheet (a raw DataFrame as read by pandas)."""
    raw = _clean_columns(raw)
    require_columns(raw, ["Fiscal Year", "Month", "Region", "Citizenship", "Quantity"], key, f"sheet {sheet!r}")
    _check_quantity(raw, key, sheet)
    label = raw["Month"].astype(str).str.replace(r"^\d+\s+", "", regex=True).str.strip()
    unknown = sorted(set(label) - set(_CAL))
    if unknown:
        raise SchemaError(f"{key}: sheet {sheet!r}, column 'Month': unknown month label(s) {unknown[:5]}")
    fy = pd.to_numeric(raw["Fiscal Year"], errors="coerce")
    if fy.isna().any():
        raise SchemaError(f"{key}: sheet {sheet!r}, column 'Fiscal Year': non-numeric year(s) "
                          f"{raw.loc[fy.isna(), 'Fiscal Year'].unique()[:5].tolist()}")
    fy = fy.astype(int)
    cal = label.map(_CAL).astype(int)
    year = fy - (cal >= 10).astype(int)
    cit = raw["Citizenship"].astype(str).str.strip()
    iso = {c: _iso(c) for c in cit.unique()}
    out = pd.DataFrame({
        "iso3": cit.map(iso),
        "date": pd.to_datetime(pd.DataFrame({"year": year, "month": cal, "day": 1})).astype("datetime64[ns]"),
        "fiscal_year": fy,
        "region": raw["Region"].astype(str).str.strip(),
        "citizenship": cit,
        "value": raw["Quantity"].astype(float),
        "unit": UNIT,
        "source": key,
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out


def parse_usbp_annual(raw: pd.DataFrame, months: pd.Series, key: str = USBP_KEY,
                      sheet: str = "Annual Rgn and Citp") -> pd.DataFrame:
    """Tidy the annual region x citizenship sheet; ``months`` = months present per fiscal year."""
    raw = _clean_columns(raw)
    require_columns(raw, ["Fiscal Year", "Region", "Citizenship", "Quantity"], key, f"sheet {sheet!r}")
    _check_quantity(raw, key, sheet)
    cit = raw["Citizenship"].astype(str).str.strip()
    iso = {c: _iso(c) for c in cit.unique()}
    fy = raw["Fiscal Year"].astype(int)
    out = pd.DataFrame({
        "iso3": cit.map(iso), "year": fy, "region": raw["Region"].astype(str).str.strip(), "citizenship": cit,
        "value": raw["Quantity"].astype(float), "unit": UNIT, "source": key,
        "months": fy.map(months).fillna(12).astype(int),
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out


@cached(USBP_KEY)
def _usbp(path) -> pd.DataFrame:
    raw = read_workbook(path, sheet_name=["Monthly Rgn and Citp", "Annual Rgn and Citp"])
    monthly = validate(parse_usbp_monthly(raw["Monthly Rgn and Citp"]), MONTHLY_SCHEMA, USBP_KEY)
    months = monthly.groupby("fiscal_year")["date"].nunique()
    annual = validate(parse_usbp_annual(raw["Annual Rgn and Citp"], months), ANNUAL_SCHEMA, USBP_KEY)
    monthly = monthly.assign(kind="monthly", year=monthly["date"].dt.year, months=1)
    annual = annual.assign(kind="annual", fiscal_year=annual["year"], date=pd.NaT)
    return pd.concat([monthly, annual], ignore_index=True)


def usbp_monthly() -> pd.DataFrame:
    """Border Patrol encounters by month, region and citizenship (tidy; ``date`` = first of the month)."""
    df = _usbp()
    df = df[df["kind"] == "monthly"].drop(columns=["kind", "year", "months"]).reset_index(drop=True)
    df["date"] = df["date"].astype("datetime64[ns]")
    return df


def usbp_annual(*, allow_partial: bool = False) -> pd.DataFrame:
    """Border Patrol encounters by fiscal year (``year``), region and citizenship.

    ``months`` counts the months the fiscal year holds. Raises :class:`PartialYearError` when a fiscal
    year has fewer than 12 months, unless ``allow_partial=True``.
    """
    df = _usbp()
    df = df[df["kind"] == "annual"].drop(columns=["kind", "fiscal_year", "date"]).reset_index(drop=True)
    df["year"] = df["year"].astype(int)
    df["months"] = df["months"].astype(int)
    partial = sorted(df.loc[df["months"] < 12, "year"].unique())
    if partial and not allow_partial:
        raise PartialYearError(
            f"{USBP_KEY}: fiscal year(s) {[int(y) for y in partial]} hold fewer than 12 months "
            f"({int(df.loc[df['year'] == partial[0], 'months'].iloc[0])} for FY{int(partial[0])}). Use "
            f"latest_full_fiscal_year(), or pass allow_partial=True and label them as partial."
        )
    return df


def latest_full_fiscal_year() -> int:
    df = usbp_annual(allow_partial=True)
    return int(df.loc[df["months"] == 12, "year"].max())


# --------------------------------------------------------------------------------------------------
# CBP southwest land border CSV (USBP + OFO), FY2022 onward

CBP_COLUMNS = ["Fiscal Year", "Month (abbv)", "Component", "Demographic", "Citizenship Grouping",
               "Title of Authority", "Encounter Type", "Encounter Count"]


def parse_fiscal_year(values: pd.Series, key: str = CBP_KEY,
                      column: str = "Fiscal Year") -> tuple[pd.Series, pd.Series]:
    """``'2024'`` -> (2024, full); ``'2025 (FYTD)'`` -> (2025, partial). Anything else is refused.

    CBP's other files use the same labels (the drug-seizure files call the column ``FY``: ``column``
    names it in the error message).
    """
    text = values.astype(str).str.strip()
    m = text.str.extract(r"^(\d{4})(\s*\(FYTD\))?$")
    bad = text[m[0].isna()]
    if len(bad):
        raise SchemaError(f"{key}: column {column!r}: unreadable fiscal year(s) {sorted(set(bad))[:5]}")
    return m[0].astype(int), m[1].notna()


def parse_cbp(raw: pd.DataFrame, key: str = CBP_KEY) -> pd.DataFrame:
    require_columns(raw, CBP_COLUMNS, key)
    count = pd.to_numeric(raw["Encounter Count"], errors="coerce")
    if count.isna().any() or (count < 0).any():
        i = count.index[count.isna() | (count < 0)][0]
        raise SchemaError(f"{key}: column 'Encounter Count': bad value {raw.loc[i, 'Encounter Count']!r} "
                          f"(FY {raw.loc[i, 'Fiscal Year']}, {raw.loc[i, 'Month (abbv)']})")
    fy, partial = parse_fiscal_year(raw["Fiscal Year"], key)
    mon = raw["Month (abbv)"].astype(str).str.strip().str.upper()
    unknown = sorted(set(mon) - set(_ABBR))
    if unknown:
        raise SchemaError(f"{key}: column 'Month (abbv)': unknown month(s) {unknown}")
    cal = mon.map(_ABBR).astype(int)
    year = fy - (cal >= 10).astype(int)
    cit = raw["Citizenship Grouping"].astype(str).str.strip()
    out = pd.DataFrame({
        "iso3": cit.map(lambda c: _iso(c)),
        "date": pd.to_datetime(pd.DataFrame({"year": year, "month": cal, "day": 1})).astype("datetime64[ns]"),
        "fiscal_year": fy,
        "component": raw["Component"].astype(str).str.strip(),
        "citizenship": cit,
        "demographic": raw["Demographic"].astype(str).str.strip(),
        "title": raw["Title of Authority"].astype(str).str.strip(),
        "value": count.astype(float),
        "unit": UNIT,
        "source": key,
        "partial_year": partial.astype(bool),
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out


def cbp_monthly() -> pd.DataFrame:
    """CBP southwest land border encounters (Border Patrol and ports of entry) by month, tidy."""
    from .. import registry

    raw = pd.read_csv(registry.fetch(CBP_KEY), dtype={"Fiscal Year": str})
    return validate(parse_cbp(raw), CBP_SCHEMA, CBP_KEY)


def cbp_annual(*, allow_partial: bool = False) -> pd.DataFrame:
    """CBP SW encounters by fiscal year, component and citizenship group (``months`` per year).

    Raises :class:`PartialYearError` for the fiscal-year-to-date year unless ``allow_partial=True``.
    """
    df = cbp_monthly()
    df = df.assign(year=df["fiscal_year"])
    out = (df.groupby(["year", "component", "citizenship"], dropna=False)
           .agg(value=("value", "sum"), months=("date", "nunique"), partial_year=("partial_year", "any"))
           .reset_index())
    out["iso3"] = out["citizenship"].map(_iso)
    out["unit"], out["source"] = UNIT, CBP_KEY
    partial = sorted(out.loc[out["partial_year"], "year"].unique())
    if partial and not allow_partial:
        raise PartialYearError(f"{CBP_KEY}: fiscal year(s) {[int(y) for y in partial]} are year-to-date "
                               f"('FYTD' in the file); pass allow_partial=True and label them as partial.")
    return out


def registry_keys() -> list[str]:
    return [USBP_KEY, CBP_KEY]


__all__ = ["usbp_monthly", "usbp_annual", "latest_full_fiscal_year", "cbp_monthly", "cbp_annual",
           "PartialYearError", "USBP_KEY", "CBP_KEY", "SOUTHWEST"]
