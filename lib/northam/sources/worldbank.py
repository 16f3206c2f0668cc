"""World Bank files: World Development Indicators (WDI) series, the WDI country metadata and the LPI 2023.

One generic loader, :func:`wdi`, reads every WDI file of the mirror, in either layout:

- the *long* datahub.io layout (``Country Name, Country Code, Year, Value``), and
- the *wide* World Bank bulk-download layout (four title lines, then ``Country Name, Country Code,
  Indicator Name, Indicator Code, 1960 ... 2024`` and an empty trailing column).

Quirk handled here: regions, income groups, the EU, the euro area and the world (``WLD``) sit among the
countries in every WDI file. The WDI country metadata file (:func:`metadata`) says which codes are
economies (Region filled) and which are aggregates (Region empty). Every row gets ``is_economy``; the
``iso3`` column is filled only for economies (None for aggregates), and ``code`` keeps the World Bank code
of every row (so the EU, ``EUU``, can still be picked out on purpose). A code that the metadata file does
not know is refused, naming the file and the code, because it could be an aggregate slipping into a
ranking. Duplicate (code, year) rows, pseudo-years and non-numeric values are refused too, by pandera
schemas (:data:`RAW_WDI_SCHEMA`, :data:`WDI_SCHEMA`) that name the file, column, value and country code.

Units are given per file in :data:`WDI` (current US dollars, percent of GDP, ...).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import SchemaError, in_range_if_number, is_number, require_columns, tidy_schema, validate

METADATA = "wdi_country_metadata_region_income.csv"
LPI_2023 = "worldbank_lpi_2023_scores_ranks.csv"

#: WDI files of the mirror used by the book: registry key -> (indicator code, unit).
WDI = {
    "worldbank_gdp_current_usd.csv": ("NY.GDP.MKTP.CD", "current USD"),
    "worldbank_population.csv": ("SP.POP.TOTL", "persons"),
    "wdi_fdi_net_inflows_usd.csv": ("BX.KLT.DINV.CD.WD", "current USD"),
    "wdi_hightech_exports_usd.csv": ("TX.VAL.TECH.CD", "current USD"),
    "wdi_hightech_exports_pct_manuf.csv": ("TX.VAL.TECH.MF.ZS", "percent of manufactured exports"),
    "wdi_lpi_overall.csv": ("LP.LPI.OVRL.XQ", "score 1-5"),
    "wdi_exports_gs_pct_gdp.csv": ("NE.EXP.GNFS.ZS", "percent of GDP"),
    "wdi_imports_gs_pct_gdp.csv": ("NE.IMP.GNFS.ZS", "percent of GDP"),
    "wdi_merch_trade_pct_gdp.csv": ("TG.VAL.TOTL.GD.ZS", "percent of GDP"),
    "wdi_remittances_received_usd.csv": ("BX.TRF.PWKR.CD.DT", "current USD"),
    "wdi_official_exchange_rate_lcu_per_usd.csv": ("PA.NUS.FCRF", "local currency per USD, annual average"),
    "wdi_gdp_per_capita_ppp_current_intl.csv": ("NY.GDP.PCAP.PP.CD", "current international dollars"),
    "wdi_natural_resource_rents_pct_gdp.csv": ("NY.GDP.TOTL.RT.ZS", "percent of GDP"),
    "wdi_merch_exports_usd.csv": ("TX.VAL.MRCH.CD.WT", "current USD"),
    "wdi_medhigh_tech_exports_pct_manuf.csv": ("TX.MNF.TECH.ZS.UN", "percent of manufactured exports"),
    "wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv": ("NE.TRD.GNFS.ZS", "percent of GDP"),
    "wdi_API_NY.GDP.PCAP.PP.KD_gdp_per_capita_ppp_const2021.csv": ("NY.GDP.PCAP.PP.KD",
                                                                   "constant 2021 international dollars"),
}
LONG_COLUMNS = ["Country Name", "Country Code", "Year", "Value"]
WIDE_COLUMNS = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]

WDI_SCHEMA = tidy_schema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^[A-Z0-9]{3}$")),
        "name": pa.Column(str),
        "indicator": pa.Column(str),
        "is_economy": pa.Column(bool),
    },
    name="wdi_long",
)
WDI_SCHEMA.unique = ["code", "year"]  # one value per country and year

#: A raw long WDI table indexed by its country codes: every Year a whole year, every Value a number or blank.
RAW_WDI_SCHEMA = pa.DataFrameSchema(
    {
        "Year": pa.Column(None, [is_number("a year"), pa.Check(lambda s: pd.to_numeric(s, errors="coerce").fillna(0) % 1 == 0,
                                                                error="should be a whole year")]),
        "Value": pa.Column(None, is_number("a number"), nullable=True),
    },
    index=pa.Index(None, name="Country Code"),
    name="wdi_raw",
)
#: The country metadata: each code once.
METADATA_SCHEMA = pa.DataFrameSchema({"code": pa.Column(str, unique=True), "is_economy": pa.Column(bool)},
                                     name="wdi_country_metadata")


class UnknownCodeError(SchemaError):
    """A World Bank code is not in the country metadata (economy or aggregate unknown)."""


# --------------------------------------------------------------------------------------------------
# Country metadata: which codes are economies


def _parse_metadata(path, key: str = METADATA) -> pd.DataFrame:
    raw = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    require_columns(raw, ["Country Code", "Region", "IncomeGroup", "TableName"], key)
    out = pd.DataFrame(
        {
            "code": raw["Country Code"].str.strip(),
            "name": raw["TableName"].str.strip(),
            "region": raw["Region"].str.strip(),
            "income_group": raw["IncomeGroup"].str.strip(),
        }
    )
    out["is_economy"] = out["region"] != ""
    return validate(out, METADATA_SCHEMA, key)


def metadata() -> pd.DataFrame:
    """WDI country metadata: code, name, region, income_group, is_economy (Region filled).

    Source: ``wdi_country_metadata_region_income.csv`` (World Bank FY2026 classification). The 48 codes
    with an empty Region are aggregates (regions, income and lending groups, EUU, EMU, OED, WLD, ...).
    """
    return _parse_metadata(registry.fetch(METADATA))


def economy_codes() -> set[str]:
    """Codes of the World Bank economies (aggregates excluded)."""
    meta = metadata()
    return set(meta.loc[meta["is_economy"], "code"])


def economies(df: pd.DataFrame) -> pd.DataFrame:
    """Keep only economies (drops every aggregate row of a WDI table), using the metadata file."""
    return df[df["code"].isin(economy_codes())].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Generic WDI loader


def _read_raw(path, key: str) -> pd.DataFrame:
    """Read a WDI CSV in either layout into long columns Country Name, Country Code, Year, Value."""
    with open(path, encoding="utf-8-sig") as f:
        first = f.readline()
    if first.startswith('"Data Source"') or first.startswith("Data Source"):
        wide = pd.read_csv(path, skiprows=4, encoding="utf-8-sig")
        require_columns(wide, WIDE_COLUMNS, key, "wide World Bank layout")
        years = [c for c in wide.columns if str(c).strip().isdigit()]
        if not years:
            raise SchemaError(f"{key}: no year columns (1960, 1961, ...) in the wide World Bank layout")
        long = wide.melt(id_vars=["Country Name", "Country Code"], value_vars=years, var_name="Year",
                         value_name="Value")
        long = long.dropna(subset=["Value"])
    else:
        long = pd.read_csv(path, encoding="utf-8-sig")
        require_columns(long, LONG_COLUMNS, key, "long datahub layout")
    return long[LONG_COLUMNS]


def parse_wdi(raw: pd.DataFrame, key: str, meta: pd.DataFrame) -> pd.DataFrame:
    """Turn a raw long WDI table into the tidy table (see :func:`wdi`); refuses bad rows."""
    indicator, unit = WDI.get(key, ("", ""))
    validate(raw.set_index("Country Code")[["Year", "Value"]], RAW_WDI_SCHEMA, key)
    years = pd.to_numeric(raw["Year"])
    values = pd.to_numeric(raw["Value"])
    codes = raw["Country Code"].astype(str).str.strip()
    known = dict(zip(meta["code"], meta["is_economy"], strict=True))
    unknown = sorted(set(codes) - set(known))
    if unknown:
        raise UnknownCodeError(
            f"{key}: column 'Country Code' has code(s) {unknown[:10]} not in {METADATA}; cannot tell whether "
            f"they are economies or aggregates, so they are refused"
        )
    out = pd.DataFrame(
        {
            "code": codes,
            "name": raw["Country Name"].astype(str).str.strip(),
            "year": years.astype(int),
            "value": values.astype(float),
            "unit": unit,
            "source": key,
            "indicator": indicator,
        }
    )
    out["is_economy"] = out["code"].map(known).astype(bool)
    out["iso3"] = out["code"].astype(object).where(out["is_economy"], None)
    out = out.dropna(subset=["value"])
    out = out[["iso3", "code", "name", "year", "value", "unit", "source", "indicator", "is_economy"]]
    return validate(out.sort_values(["code", "year"], ignore_index=True), WDI_SCHEMA, key)


def wdi(key: str) -> pd.DataFrame:
    """A WDI series as a tidy table, aggregates flagged.

    Columns: iso3 (None for aggregates), code (World Bank code, every row), name, year, value, unit,
    source (registry key), indicator (WDI code), is_economy. Units: see :data:`WDI`. Missing values
    are dropped. Sources: the registered WDI files (:data:`WDI`).
    """
    if key not in WDI:
        raise KeyError(f"{key!r} is not a WDI file known to northam.sources.worldbank; known: {list(WDI)}")
    return parse_wdi(_read_raw(registry.fetch(key), key), key, metadata())


# --------------------------------------------------------------------------------------------------
# Logistics Performance Index 2023

LPI_COMPONENTS = {
    "LPI": "Overall LPI",
    "Customs": "Customs",
    "Infrastructure": "Infrastructure",
    "International Shipments": "International shipments",
    "Logistics Competence and Quality": "Logistics competence and quality",
    "Timeliness": "Timeliness",
    "Tracking and Tracing": "Tracking and tracing",
}
#: LPI spellings that neither pycountry nor the book's aliases know ('TC<rkiye' is an encoding artifact).
_LPI_NAMES = {"Taiwan, China": "TWN", "TC<rkiye": "TUR"}

#: The raw LPI table indexed by economy: every score (overall and components) a number from 1 to 5.
LPI_RAW_SCHEMA = pa.DataFrameSchema(
    {r".* Score$": pa.Column(None, [is_number("a score (a number)"), in_range_if_number(1, 5, "a score from 1 to 5")],
                           regex=True)},
    index=pa.Index(None, name="Economy"),
    name="lpi_2023_raw",
)

LPI_SCHEMA = tidy_schema(
    {
        "economy": pa.Column(str),
        "component": pa.Column(str, pa.Check.isin(list(LPI_COMPONENTS.values()))),
        "rank": pa.Column(int, pa.Check.ge(1)),
    },
    name="lpi_2023",
)


def parse_lpi(raw: pd.DataFrame, key: str = LPI_2023) -> pd.DataFrame:
    cols = ["Economy"] + [f"{c} {k}" for c in LPI_COMPONENTS for k in ("Score", "Grouped Rank")]
    require_columns(raw, cols, key)
    names = raw["Economy"].astype(str).str.strip()
    iso = [_LPI_NAMES.get(n) or to_iso3(n) for n in names]
    missing = [n for n, i in zip(names, iso, strict=True) if i is None]
    if missing:
        raise SchemaError(f"{key}: column 'Economy' has name(s) {missing} that match no ISO3 code")
    validate(raw.set_index(names)[[f"{c} Score" for c in LPI_COMPONENTS]].rename_axis("Economy"), LPI_RAW_SCHEMA, key)
    frames = []
    for comp, label in LPI_COMPONENTS.items():
        score = pd.to_numeric(raw[f"{comp} Score"])
        frames.append(pd.DataFrame({
            "iso3": iso, "economy": names, "year": 2023, "component": label, "value": score.astype(float),
            "rank": pd.to_numeric(raw[f"{comp} Grouped Rank"], errors="raise").astype(int),
            "unit": "score 1-5", "source": key,
        }))
    return validate(pd.concat(frames, ignore_index=True), LPI_SCHEMA, key)


def lpi_2023() -> pd.DataFrame:
    """LPI 2023: overall score and six components per economy with the published grouped ranks.

    Columns: iso3, economy, year (2023), component, value (score 1 = low to 5 = high, one decimal),
    rank (grouped rank as published: ties share a rank), unit, source. 139 economies, no aggregates.
    Source: ``worldbank_lpi_2023_scores_ranks.csv``.
    """
    return parse_lpi(pd.read_csv(registry.fetch(LPI_2023)))


def registry_keys() -> list[str]:
    return [METADATA, LPI_2023, *WDI]
