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
    "CHN": "#AA3377",  # purple (Tol bright): apart from Mexico's green and the world's grey under deuteranopia
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


# --------------------------------------------------------------------------------------------------
# Mexico's 32 states: one name each, everywhere in the book

#: INEGI state code (CVE_ENT) -> the book's name of the state. Every loader of Mexican state data maps its
#: publisher's spelling to these names (:func:`mx_state_code`), so tables, CSVs, labels and prose use one
#: name per state: "Ciudad de México", never "Distrito Federal" or "DF".
MX_STATES = {
    "01": "Aguascalientes", "02": "Baja California", "03": "Baja California Sur", "04": "Campeche",
    "05": "Coahuila", "06": "Colima", "07": "Chiapas", "08": "Chihuahua", "09": "Ciudad de México",
    "10": "Durango", "11": "Guanajuato", "12": "Guerrero", "13": "Hidalgo", "14": "Jalisco", "15": "México",
    "16": "Michoacán", "17": "Morelos", "18": "Nayarit", "19": "Nuevo León", "20": "Oaxaca", "21": "Puebla",
    "22": "Querétaro", "23": "Quintana Roo", "24": "San Luis Potosí", "25": "Sinaloa", "26": "Sonora",
    "27": "Tabasco", "28": "Tamaulipas", "29": "Tlaxcala", "30": "Veracruz", "31": "Yucatán", "32": "Zacatecas",
}
#: Name of the national row in tables of Mexican states (CVE_ENT "00").
MX_NATIONAL_CODE = "00"
MX_NATIONAL_NAME = "Mexico (national)"
#: Publisher spellings of the states that differ from :data:`MX_STATES` by more than accents or case
#: (INEGI official long names, Global Data Lab, SESNSP, CONAPO, older files). Matching ignores accents, case
#: and repeated spaces, so "Nuevo Leon" and "QUERETARO" need no entry.
MX_STATE_ALIASES = {
    "Distrito Federal": "09", "DF": "09", "D.F.": "09", "CDMX": "09", "Ciudad de México (CDMX)": "09",
    "Estado de México": "15", "Edo. de México": "15", "Coahuila de Zaragoza": "05",
    "Michoacán de Ocampo": "16", "Querétaro de Arteaga": "22", "Veracruz de Ignacio de la Llave": "30",
    "Veracruz-Llave": "30",
}


def _fold(text: str) -> str:
    """``text`` without accents, case or repeated spaces (for matching spellings)."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


_MX_LOOKUP = {_fold(n): code for code, n in MX_STATES.items()} | {_fold(n): c for n, c in MX_STATE_ALIASES.items()}


def mx_state_code(name: str | None) -> str | None:
    """INEGI CVE_ENT ("01".."32") of a Mexican state as a publisher spells it, or ``None`` if unknown.

    "Distrito Federal", "CDMX" and "Ciudad de Mexico" all give "09"; "Estado de México" and "Mexico" give "15".
    National rows ("Nacional", "Estados Unidos Mexicanos") are not states: each loader handles them itself.
    """
    if name is None:
        return None
    return _MX_LOOKUP.get(_fold(name))


def mx_state_name(code: str) -> str:
    """The book's name of the Mexican state with CVE_ENT ``code`` ("00": :data:`MX_NATIONAL_NAME`)."""
    if code == MX_NATIONAL_CODE:
        return MX_NATIONAL_NAME
    return MX_STATES[code]


def mx_state_codes(names, *, what: str) -> list[str]:
    """CVE_ENT of every name in ``names``; raises ``KeyError`` naming ``what`` and every unknown spelling."""
    names = [str(n).strip() for n in names]
    unknown = sorted({n for n in names if mx_state_code(n) is None})
    if unknown:
        raise KeyError(f"{what}: Mexican state name(s) {unknown} are not known spellings of the 32 states "
                       f"(northam.countries.MX_STATES / MX_STATE_ALIASES)")
    return [mx_state_code(n) for n in names]
