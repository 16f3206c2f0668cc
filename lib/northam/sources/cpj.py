"""Committee to Protect Journalists (CPJ): journalists and media workers killed, 1992 to early August 2022.

``cpj_journalists_media_workers_killed_1992_2022aug.csv`` is a CPJ database export (one row per person
killed) committed on 8 August 2022 to a student project's repository, so **2022 is a partial year**
(January to early August: :data:`EXPORT_DATE`). Its last column, ``Type of journalist``, was added by that
project and is not read. ``country`` is the country where the person died.

``combinedStatus`` is CPJ's classification: ``Confirmed`` (journalist killed, motive confirmed: murdered
for their work, or killed in crossfire or on a dangerous assignment), ``Unconfirmed`` (journalist killed,
motive unconfirmed) and ``Killed`` (media workers: drivers, fixers, translators...). All three are kept.

Rules: the export ends with two rows that hold nothing but a number in the ``gender`` column (1585 and
1586, a spreadsheet tally, not people). A row without year, name and country (:data:`IDENTITY`) is
dropped; a row with a name or a country but no year is refused. A year outside 1992-2022 or a status outside the three above is refused (pandera, naming the file and the
value). Country names go through :func:`northam.countries.to_iso3`; :data:`NO_ISO3` lists the two names
that are not one present-day country (iso3 None). Any other unknown name is refused.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate

KEY = "cpj_journalists_media_workers_killed_1992_2022aug.csv"
YEARS = (1992, 2022)
EXPORT_DATE = pd.Timestamp("2022-08-08")  # commit date of the export: 2022 covers January to early August
STATUSES = ["Confirmed", "Unconfirmed", "Killed"]
#: Places CPJ names that are not one present-day country.
NO_ISO3 = ("Israel and the Occupied Palestinian Territory", "Yugoslavia")
UNIT = "persons killed"
#: A row with none of these is not a person (dropped); with some of them, it must have a valid year.
IDENTITY = ["year", "fullName", "country"]

SCHEMA = tidy_schema(
    {
        "country": pa.Column(str),
        "status": pa.Column(str, pa.Check.isin(STATUSES)),
        "type": pa.Column(str, nullable=True),
        "type_of_death": pa.Column(str, nullable=True),
        "partial_year": pa.Column(bool),
    },
    name="cpj_killed",
).update_column("value", checks=[pa.Check.eq(1)])


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    require_columns(raw, ["combinedStatus", "type", "typeOfDeath", *IDENTITY], key)
    raw = raw.dropna(how="all", subset=IDENTITY)
    year = pd.to_numeric(raw["year"], errors="coerce")
    if year.isna().any() or (year % 1 != 0).any():
        bad = raw.loc[year.isna() | (year % 1 != 0)].iloc[0]
        raise SchemaError(f"{key}: column 'year': value {bad['year']!r} ({bad['country']!r}) is not a year")
    country = raw["country"].astype(object).where(raw["country"].notna(), "").astype(str).str.strip()
    iso = {c: to_iso3(c) for c in country.unique()}
    unknown = sorted(c for c, i in iso.items() if i is None and c not in NO_ISO3)
    if unknown:
        raise SchemaError(f"{key}: column 'country': name(s) {unknown[:5]} not known to northam.countries "
                          f"(add an alias there, or to NO_ISO3 if the place is not one country)")
    out = pd.DataFrame({
        "iso3": country.map(iso).astype(object), "year": year.astype("int64"), "value": 1.0, "unit": UNIT,
        "source": key, "country": country,
        "status": raw["combinedStatus"].astype(object).where(raw["combinedStatus"].notna(), "(blank)").astype(str),
        "type": raw["type"].astype(object).where(raw["type"].notna(), None),
        "type_of_death": raw["typeOfDeath"].astype(object).where(raw["typeOfDeath"].notna(), None),
        "partial_year": year.astype("int64") == EXPORT_DATE.year,
    })
    out["iso3"] = out["iso3"].where(out["iso3"].notna(), None)
    schema = SCHEMA.update_column("year", checks=[pa.Check.in_range(*YEARS)])
    return validate(out.reset_index(drop=True), schema, key)


def killed() -> pd.DataFrame:
    """Journalists and media workers killed, one row per person (value 1), 1992-2022 (2022 partial).

    Columns: iso3 (None for the two places in :data:`NO_ISO3`), year, value, unit, source, country,
    status (Confirmed / Unconfirmed / Killed), type, type_of_death, partial_year.
    """
    return parse(pd.read_csv(registry.fetch(KEY)))


def registry_keys() -> list[str]:
    return [KEY]
