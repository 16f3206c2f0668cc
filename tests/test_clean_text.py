"""No mojibake: text decoded with the wrong encoding (``PÃ¡nuco`` for ``Pánuco``) never reaches a table.

:func:`northam.text.find_mojibake` is tested on its own, then run over every string column of every
loader's tidy table in ``northam.sources``. The loaders are enumerated from the package, so a new loader
is checked without editing this file; one that needs arguments must be listed in :data:`PARAMETRISED`
(or, if it only reshapes another loader's table, in :data:`DERIVED`), else
``test_every_loader_is_enumerated`` fails.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pandas as pd
import pytest

import northam.sources
from northam import registry
from northam.text import find_mojibake

# --------------------------------------------------------------------------------------------------
# 1. The detector


@pytest.mark.parametrize("text, expected", [
    ("PÃ¡nuco", ["PÃ¡nuco"]),
    ("RH MichoacÃ¡n y YucatÃ¡n", ["MichoacÃ¡n", "YucatÃ¡n"]),
    ("Nuevo LeÃ³n", ["LeÃ³n"]),
    ("itâ€™s", ["itâ€™s"]),  # cp1252 reading of a UTF-8 right single quote
    ("100Â\u00a0km", ["100Â\u00a0"]),  # UTF-8 no-break space read as Latin-1
    ("PÃƒÂ¡nuco", ["PÃƒÂ¡nuco"]),  # encoded twice
    ("Ã…land", ["Ã…land"]),
])
def test_find_mojibake_reports_misdecoded_utf8(text, expected):
    assert find_mojibake(text) == expected


@pytest.mark.parametrize("text", [
    "Pánuco", "Michoacán", "Yucatán", "Nuevo León", "São Tomé and Príncipe", "Curaçao", "Côte d’Ivoire",
    "Türkiye", "Åland", "€ 5 — “quoted”", "SÃO PAULO",  # capital Ã followed by an ASCII letter is Portuguese
    "Ã", "Â", "", "plain ASCII", "TC<rkiye",  # a source's own garbling, not a decoding error
])
def test_find_mojibake_accepts_clean_text(text):
    assert find_mojibake(text) == []


def test_find_mojibake_ignores_non_text():
    assert find_mojibake(None) == [] and find_mojibake(3.5) == [] and find_mojibake(float("nan")) == []


def test_reading_utf8_as_latin1_is_caught():
    """The very mistake of the CONAGUA loader: UTF-8 bytes decoded as Latin-1."""
    names = ["Pánuco", "Michoacán", "Yucatán", "Lerma-Santiago", "Bravo-Conchos"]
    wrong = [n.encode("utf-8").decode("latin-1") for n in names]
    assert [bad for n in wrong for bad in find_mojibake(n)] == ["PÃ¡nuco", "MichoacÃ¡n", "YucatÃ¡n"]
    assert not [bad for n in names for bad in find_mojibake(n)]


# --------------------------------------------------------------------------------------------------
# 2. Every loader's tidy table

#: Public functions of ``northam.sources`` that are not loaders (parsers of a raw table already in
#: memory, helpers, key lists). Prefixes and exact names.
NOT_LOADERS_PREFIX = ("parse", "tidy", "read_", "check_")
NOT_LOADERS = {"aquastat.period_label", "statedept.normalise_code", "statedept.sheet_name",
               "census.latest_full_year", "census.published_months", "dhs.latest_full_fiscal_year",
               "worldbank.economy_codes", "conagua.repeated_years", "oica.table_year"}

#: Loaders that only reshape another loader's table (their text comes from it, checked there).
DERIVED = {
    "usatrade_hs10.products": "codes of a raw sheet already read by the workbook loader",
    "census.partner_trade": "labels chosen by the caller; numbers from census.full_years",
    "census_hs.chapter_matrix": "pivot of census_hs.hs2_imports",
    "cbp_drugs.read": "one file of cbp_drugs.seizures, which reads both",
    "imf_dots.trade": "one reporter of imf_dots.all_reporters",
    "usda_ers.commodity_values": "pivot of usda_ers.food_imports",
    "worldbank.economies": "filters a worldbank.wdi table",
}


def _fred_keys() -> list[str]:
    return sorted(k for k in registry.sources() if k.startswith("fred_"))


#: Loaders that need arguments: name -> function of the module giving the keyword sets to load.
PARAMETRISED = {
    "aquastat.ddf": lambda m: [{"name": n} for n in m.DDF],
    "energy.ei": lambda m: [{"name": n} for n in m.EI_SHEETS],
    "fred.fred_series": lambda m: [{"key": k} for k in _fred_keys()],
    "fred_fx.daily": lambda m: [{"iso3": c} for c in m.SERIES],
    "worldbank.wdi": lambda m: [{"key": k} for k in m.WDI],
    # defaults are also called below; these add the other vintages/editions the module offers
    "census.monthly": lambda m: [{"vintage": v} for v in m.COUNTRY_XLSX],
    "gdl.shdi": lambda m: [{"vintage": v} for v in m.SHDI],
    "mcv.ips_long": lambda m: [{"edition": e} for e in m.EDITIONS],
}


def _modules():
    for info in pkgutil.iter_modules(northam.sources.__path__):
        yield info.name, importlib.import_module(f"northam.sources.{info.name}")


def _public_functions():
    for name, mod in _modules():
        for fname, fn in inspect.getmembers(mod, inspect.isfunction):
            if fn.__module__ == mod.__name__ and not fname.startswith("_"):
                yield f"{name}.{fname}", mod, fn


def _not_a_loader(qual: str) -> bool:
    short = qual.split(".", 1)[1]
    return short.startswith(NOT_LOADERS_PREFIX) or short.endswith("registry_keys") or qual in NOT_LOADERS


def _required(fn) -> list[str]:
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _calls():
    """(id, function, kwargs) for every loader call to check."""
    for qual, mod, fn in _public_functions():
        if _not_a_loader(qual) or qual in DERIVED:
            continue
        extra = {"allow_partial": True} if "allow_partial" in inspect.signature(fn).parameters else {}
        kwsets = PARAMETRISED[qual](mod) if qual in PARAMETRISED else []
        if not _required(fn):
            kwsets = [{}, *kwsets]
        for kw in kwsets:
            label = ",".join(f"{k}={v}" for k, v in kw.items())
            yield f"{qual}({label})", fn, {**kw, **extra}


def test_every_loader_is_enumerated():
    """A loader needing arguments must say which ones to check (or why it need not be checked)."""
    missing = [qual for qual, _, fn in _public_functions()
               if _required(fn) and qual not in PARAMETRISED and qual not in DERIVED and not _not_a_loader(qual)]
    assert not missing, f"add these loaders to PARAMETRISED or DERIVED in {__file__}: {missing}"
    unknown = [q for q in [*PARAMETRISED, *DERIVED, *NOT_LOADERS]
               if q not in {qual for qual, _, _ in _public_functions()}]
    assert not unknown, f"listed in {__file__} but no longer in northam.sources: {unknown}"


def mojibake_in_frame(df: pd.DataFrame) -> dict[str, list[str]]:
    """Mojibake found in a table's text: column name -> distinct bad fragments (column names included)."""
    found: dict[str, list[str]] = {}
    header = [bad for c in df.columns for bad in find_mojibake(str(c))]
    if header:
        found["<column names>"] = header
    for col in df.columns:
        s = df[col]
        if not (pd.api.types.is_object_dtype(s) or pd.api.types.is_string_dtype(s)
                or isinstance(s.dtype, pd.CategoricalDtype)):
            continue
        values = pd.unique(s.dropna().astype(str))
        bad = sorted({b for v in values for b in find_mojibake(v)})
        if bad:
            found[str(col)] = bad
    return found


def test_mojibake_in_frame_sees_cells_and_headers():
    df = pd.DataFrame({"region": ["Pánuco", "PÃ¡nuco"], "MichoacÃ¡n": [1, 2], "n": [1.0, 2.0]})
    assert mojibake_in_frame(df) == {"<column names>": ["MichoacÃ¡n"], "region": ["PÃ¡nuco"]}
    assert mojibake_in_frame(df.iloc[:1, [0, 2]]) == {}


CALLS = list(_calls())


def mojibake_in_value(value) -> dict[str, list[str]]:
    """As :func:`mojibake_in_frame` for any loader result: a table, a Series, or text in a dict/list."""
    if isinstance(value, pd.DataFrame):
        return mojibake_in_frame(value)
    if isinstance(value, (pd.Series, pd.Index)):
        return mojibake_in_frame(pd.DataFrame({str(value.name): value}))
    texts: list[str] = []

    def walk(v):
        if isinstance(v, str):
            texts.append(v)
        elif isinstance(v, dict):
            for k, item in v.items():
                walk(k)
                walk(item)
        elif isinstance(v, (list, tuple, set, frozenset)):
            for item in v:
                walk(item)

    walk(value)
    bad = sorted({b for t in texts for b in find_mojibake(t)})
    return {"<text>": bad} if bad else {}


def test_mojibake_in_value_sees_text_in_containers():
    assert mojibake_in_value({"09": "Ciudad de MÃ©xico", "19": "Nuevo León"}) == {"<text>": ["MÃ©xico"]}
    assert mojibake_in_value(pd.Series(["Pánuco", "PÃ¡nuco"], name="r")) == {"r": ["PÃ¡nuco"]}
    assert mojibake_in_value([1, "ok", ("Yucatán",)]) == {}


@pytest.mark.parametrize("call", CALLS, ids=[c[0] for c in CALLS])
def test_loader_tables_have_no_mojibake(call):
    label, fn, kwargs = call
    found = mojibake_in_value(fn(**kwargs))
    assert not found, f"{label}: text decoded with the wrong encoding: {found}"

