"""Country names and codes in one place: names -> ISO3, the three members, and their colours.

Every loader turns its publisher's country names into ISO 3166-1 alpha-3 codes here, so joins across
sources never depend on spelling. Unknown names return ``None`` (aggregates such as "World" or
"European Union" are not countries and must not be ranked as if they were).
"""

from __future__ import annotations

import functools
import re

import pycountry

#: The three members, in the book's fixed order.
MEMBERS = ("USA", "MEX", "CAN")
NAMES = {
    "USA": "United States", "MEX": "Mexico", "CAN": "Canada", "CHN": "China", "JPN": "Japan",
    "DEU": "Germany", "KOR": "South Korea", "VNM": "Vietnam", "TWN": "Taiwan", "GBR": "United Kingdom",
    "IND": "India", "IRL": "Ireland", "ITA": "Italy", "CHE": "Switzerland", "FRA": "France",
    "WLD": "World", "EUU": "European Union", "ROW": "Rest of the world",
}

#: One colour per country, used by every chart of the book (colour-blind safe, Okabe-Ito based).
COLORS = {
    "USA": "#0072B2",  # blue
    "MEX": "#009E73",  # green
    "CAN": "#D55E00",  # vermillion
    "CHN": "#CC79A7",  # purple-pink
    "JPN": "#E69F00",
    "DEU": "#56B4E9",
    "KOR": "#F0E442",
    "VNM": "#8C564B",
    "NAM": "#333333",  # North America total
    "WLD": "#999999",
    "ROW": "#BBBBBB",
}

#: Publisher spellings pycountry does not know. Keys are lower-cased.
_ALIASES = {
    "united states": "USA", "united states of america": "USA", "us": "USA", "u.s.": "USA",
    "china": "CHN", "china, p.r.: mainland": "CHN", "china, people's republic of": "CHN",
    "hong kong": "HKG", "china, p.r.: hong kong": "HKG", "macau": "MAC", "china, p.r.: macao": "MAC",
    "taiwan": "TWN", "taiwan province of china": "TWN", "taiwan, province of china": "TWN",
    "korea, south": "KOR", "korea, rep.": "KOR", "korea, republic of": "KOR", "south korea": "KOR",
    "republic of korea": "KOR", "korea, north": "PRK", "korea, dem. people's rep.": "PRK",
    "vietnam": "VNM", "viet nam": "VNM", "russia": "RUS", "russian federation": "RUS",
    "iran": "IRN", "iran, islamic rep.": "IRN", "turkey": "TUR", "turkiye": "TUR", "türkiye": "TUR",
    "czech republic": "CZE", "czechia": "CZE", "slovakia": "SVK", "slovak republic": "SVK",
    "bolivia": "BOL", "venezuela": "VEN", "venezuela, rb": "VEN", "tanzania": "TZA",
    "egypt, arab rep.": "EGY", "egypt": "EGY", "laos": "LAO", "lao pdr": "LAO", "syria": "SYR",
    "burma": "MMR", "myanmar": "MMR", "congo, dem. rep.": "COD", "congo, rep.": "COG",
    "cote d'ivoire": "CIV", "côte d'ivoire": "CIV", "ivory coast": "CIV", "moldova": "MDA",
    "macedonia": "MKD", "north macedonia": "MKD", "brunei": "BRN", "cape verde": "CPV",
    "gambia, the": "GMB", "bahamas, the": "BHS", "bahamas": "BHS", "micronesia, fed. sts.": "FSM",
    "yemen, rep.": "YEM", "kyrgyz republic": "KGZ", "st. lucia": "LCA", "st. kitts and nevis": "KNA",
    "st. vincent and the grenadines": "VCT", "west bank and gaza": "PSE", "kosovo": "XKX",
    "hong kong sar, china": "HKG", "macao sar, china": "MAC", "netherlands antilles": "ANT",
    "dominican republic": "DOM", "trinidad and tobago": "TTO", "bosnia and herzegovina": "BIH",
    "curacao": "CUW", "curaçao": "CUW", "european union": None, "world": None,
    # spellings of USDA ERS, Census API, DHS, FAO, IEA and UNCTAD files
    "china, people's republic": 'CHN',
    'unknown': None,
    'other': None,
    'uk': 'GBR',
    'democratic republic of the congo': 'COD',
    'micronesia (federated states of)': 'FSM',
    'palestine': 'PSE',
    'korea': 'KOR',
    'hong kong, china': 'HKG',
    'macao, china': 'MAC',
    'congo, democratic republic of': 'COD',
    'democratic people’s republic of korea': 'PRK',
    "democratic people's republic of korea": 'PRK',
    'bahamas (the)': 'BHS',
    'marshall islands (the)': 'MHL',
    'micronesia, federated states of': 'FSM',
    'iran, islamic republic of': 'IRN',
    'bolivia, plurinational state of': 'BOL',
    'venezuela, bolivarian republic of': 'VEN',
    'republic of moldova': 'MDA',
    'united republic of tanzania': 'TZA',
    'state of palestine': 'PSE',
    "lao people's democratic republic": 'LAO',
    'são tomé and principe': 'STP',
    'sint maarten': 'SXM',
    'reunion': 'REU',
    'germany, fed. republic': 'DEU',
    'cote d’ivoire coast': 'CIV',
    "cote d'ivoire coast": 'CIV',
    # spellings of the CPJ export (security chapter)
    'bosnia': 'BIH',
    'east timor': 'TLS',
    'republic of congo': 'COG',
    # spellings of the USA Trade Online HS10 reports (trade chapter)
    'congo (brazzaville)': 'COG',
    'congo (kinshasa)': 'COD',
    'micronesia': 'FSM',
    'british indian ocean territories': 'IOT',
}

_ISO3_PATTERN = re.compile(r"^[A-Z]{3}$")


@functools.lru_cache(maxsize=4096)
def to_iso3(name: str | None) -> str | None:
    """ISO3 code for a country name as a publisher spells it, or ``None`` if it is not a country."""
    if name is None:
        return None
    text = str(name).strip()
    if not text:
        return None
    low = text.lower()
    if low in _ALIASES:
        return _ALIASES[low]
    if _ISO3_PATTERN.match(text) and pycountry.countries.get(alpha_3=text):
        return text
    for attr in ("name", "official_name", "common_name"):
        try:
            hit = pycountry.countries.get(**{attr: text})
        except (KeyError, LookupError):
            hit = None
        if hit is not None:
            return hit.alpha_3
    return None


def name(iso3: str) -> str:
    """Display name for an ISO3 code (the book's spelling)."""
    if iso3 in NAMES:
        return NAMES[iso3]
    hit = pycountry.countries.get(alpha_3=iso3)
    return getattr(hit, "common_name", None) or (hit.name if hit else iso3)


def color(iso3: str) -> str:
    """The book's colour for a country (grey for any country without one)."""
    return COLORS.get(iso3, "#7F7F7F")
