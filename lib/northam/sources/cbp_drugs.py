"""US Customs and Border Protection (CBP) nationwide drug seizures, by month, region and drug.

Two files of the same layout, joined at fiscal year 2023 (US fiscal years run October to September):

- ``cbp_nationwide-drugs-fy19-fy22.csv``: October 2018 - September 2022.
- ``cbp_nationwide-drugs-fy23-fy26-dec.csv``: October 2022 - December 2025; its last fiscal year is
  labelled ``2026 (FYTD)`` (fiscal year to date: October-December 2025 only).

Each row is one month x component (Office of Field Operations at ports of entry, or Border Patrol) x region
(``Southwest Border``, ``Northern Border``, ``Coastal/Interior``) x land filter x area of responsibility
(field office or sector) x drug type, with the number of seizure events and the pounds seized. Both files
are copies of CBP's published CSVs kept in a GitHub repository.

Rules (each refusal names the file and the value):

- **Fiscal years.** ``2024`` is a full fiscal year; ``2026 (FYTD)`` is parsed as fiscal year 2026 and
  flagged ``partial_year`` (the shared CBP rule, :func:`northam.sources.dhs.parse_fiscal_year`); any other
  label is refused. A fiscal year *not* labelled FYTD must hold all 12 months, and only the file's last
  fiscal year may be FYTD.
- **Coverage.** A month outside the file's stated coverage (:data:`COVERAGE`, from SOURCES.yml) is
  refused, and the two files must not overlap: the first ends with FY2022, the second starts with FY2023.
- **Counts.** Events and pounds must be numbers, never negative.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate
from .dhs import FISCAL_MONTHS, parse_fiscal_year

FY19_22 = "cbp_nationwide-drugs-fy19-fy22.csv"
FY23_26 = "cbp_nationwide-drugs-fy23-fy26-dec.csv"
#: Stated coverage of each file (SOURCES.yml): first and last month.
COVERAGE = {
    FY19_22: (pd.Timestamp("2018-10-01"), pd.Timestamp("2022-09-01")),
    FY23_26: (pd.Timestamp("2022-10-01"), pd.Timestamp("2025-12-01")),
}
JOIN_FY = 2023  # first fiscal year of the second file
COLUMNS = ["FY", "Month (abbv)", "Component", "Region", "Land Filter", "Area of Responsibility", "Drug Type",
           "Count of Event", "Sum Qty (lbs)"]
SOUTHWEST = "Southwest Border"
REGIONS = [SOUTHWEST, "Northern Border", "Coastal/Interior"]
FENTANYL = "Fentanyl"
UNIT = "pounds"
#: "OCT" -> 10, ... "SEP" -> 9
MONTHS = {m[:3].upper(): ((i + 9) % 12) + 1 for i, m in enumerate(FISCAL_MONTHS)}


def _schema(key: str) -> pa.DataFrameSchema:
    first, last = COVERAGE[key]
    return tidy_schema(
        {
            "date": pa.Column("datetime64[ns]", pa.Check.in_range(first, last),
                              description="month within the file's stated coverage"),
            "fiscal_year": pa.Column(int),
            "partial_year": pa.Column(bool),
            "component": pa.Column(str),
            "region": pa.Column(str, pa.Check.isin(REGIONS)),
            "land_filter": pa.Column(str),
            "area": pa.Column(str),
            "drug": pa.Column(str),
            "events": pa.Column(float, pa.Check.ge(0)),
        },
        iso3=False, time="date", name="cbp_drug_seizures",
    ).update_column("value", checks=[pa.Check.ge(0)])


def _number(raw: pd.DataFrame, column: str, key: str) -> pd.Series:
    num = pd.to_numeric(raw[column], errors="coerce")
    if num.isna().any():
        i = num.index[num.isna()][0]
        raise SchemaError(f"{key}: column {column!r}: value {raw.loc[i, column]!r} (FY {raw.loc[i, 'FY']}, "
                          f"{raw.loc[i, 'Month (abbv)']}) is not a number")
    return num.astype(float)


def parse_seizures(raw: pd.DataFrame, key: str) -> pd.DataFrame:
    """Tidy one CBP drug-seizure file (a raw frame read with ``FY`` as text); ``key`` picks its coverage."""
    if key not in COVERAGE:
        raise KeyError(f"{key!r} is not a CBP drug-seizure file ({list(COVERAGE)})")
    require_columns(raw, COLUMNS, key)
    fy, partial = parse_fiscal_year(raw["FY"], key, column="FY")
    mon = raw["Month (abbv)"].astype(str).str.strip().str.upper()
    unknown = sorted(set(mon) - set(MONTHS))
    if unknown:
        raise SchemaError(f"{key}: column 'Month (abbv)': unknown month(s) {unknown[:5]}")
    cal = mon.map(MONTHS).astype(int)
    year = fy - (cal >= 10).astype(int)
    out = pd.DataFrame({
        "date": pd.to_datetime(pd.DataFrame({"year": year, "month": cal, "day": 1})).astype("datetime64[ns]"),
        "value": _number(raw, "Sum Qty (lbs)", key), "unit": UNIT, "source": key,
        "fiscal_year": fy.astype(int), "partial_year": partial.astype(bool),
        "component": raw["Component"].astype(str).str.strip(), "region": raw["Region"].astype(str).str.strip(),
        "land_filter": raw["Land Filter"].astype(str).str.strip(),
        "area": raw["Area of Responsibility"].astype(str).str.strip(),
        "drug": raw["Drug Type"].astype(str).str.strip(), "events": _number(raw, "Count of Event", key),
    })
    out = validate(out, _schema(key), key)
    months = out.groupby("fiscal_year")["date"].nunique()
    partial_years = sorted(out.loc[out["partial_year"], "fiscal_year"].unique())
    short = [int(y) for y in months.index if months[y] < 12 and y not in partial_years]
    if short:
        raise SchemaError(f"{key}: fiscal year {short[0]} holds {months[short[0]]} months but is not labelled "
                          f"'{short[0]} (FYTD)'")
    if partial_years and partial_years != [int(months.index.max())]:
        raise SchemaError(f"{key}: only the last fiscal year may be year-to-date; FYTD label(s) on "
                          f"{[int(y) for y in partial_years]}")
    return out


def read(key: str) -> pd.DataFrame:
    """One file, tidy (see :func:`seizures`)."""
    return parse_seizures(pd.read_csv(registry.fetch(key), dtype={"FY": str}), key)


def seizures() -> pd.DataFrame:
    """Drug seizures FY2019 to FY2026 year-to-date, by month, component, region, area and drug, tidy.

    Columns: date (first of the month), value (pounds), unit, source, fiscal_year, partial_year (True for
    the FYTD year), component, region, land_filter, area, drug, events (seizure events).
    """
    a, b = read(FY19_22), read(FY23_26)
    if a["fiscal_year"].max() >= JOIN_FY or b["fiscal_year"].min() != JOIN_FY:
        raise SchemaError(f"{FY19_22} (FY{a['fiscal_year'].min()}-FY{a['fiscal_year'].max()}) and {FY23_26} "
                          f"(FY{b['fiscal_year'].min()}-FY{b['fiscal_year'].max()}) must join at FY{JOIN_FY}")
    return pd.concat([a, b], ignore_index=True)


def registry_keys() -> list[str]:
    return [FY19_22, FY23_26]
