"""Trade chapter, product view: the USA Trade Online HS10 loader (imports for consumption, 2024) and the
sector and product tables, checked against values computed independently from the raw workbooks and the
Census country file."""

from __future__ import annotations

import pandas as pd
import pytest

from northam import registry
from northam.analysis import trade
from northam.schemas import SchemaError
from northam.sources import census, usatrade_hs10
from raw import sheet_rows

MEXICO_PART = usatrade_hs10.KEYS[2]


@pytest.fixture(scope="module")
def hs10():
    return usatrade_hs10.imports_for_consumption()


@pytest.fixture(scope="module")
def numbers():
    return trade.key_numbers()


def _partner_column(key: str, partner: str):
    """The raw sheet's rows after its header (an iterator), and the index of ``partner``'s column."""
    rows = iter(sheet_rows(registry.fetch(key), "REPORT"))
    col = None
    for row in rows:
        if row[0] == "Country":
            col = list(row).index(partner)
        if row[0] == "Commodity":
            break
    return rows, col


def _raw_column_total(key: str, partner: str) -> tuple[float, int]:
    """Sum (US dollars) and count of the non-empty cells of one partner's column of the raw sheet."""
    rows, col = _partner_column(key, partner)
    total, n = 0.0, 0
    for row in rows:
        if row[col] is not None:
            total += float(row[col])
            n += 1
    return total, n


def test_hs10_schema_units_and_partners(hs10):
    assert set(hs10["unit"]) == {"million USD"} and set(hs10["year"]) == {2024}
    assert set(hs10["source"]) == set(usatrade_hs10.KEYS)
    assert hs10["hs10"].str.fullmatch(r"\d{10}").all() and (hs10["value"] >= 0).all()
    iso = hs10.drop_duplicates("partner").set_index("partner")["iso3"]
    assert iso["Mexico"] == "MEX" and iso["Canada"] == "CAN" and iso["China"] == "CHN"
    assert pd.isna(iso[usatrade_hs10.WORLD]) and iso["Congo (Kinshasa)"] == "COD"
    assert not hs10["description"].str.contains("&gt;").any(), "HTML entities are unescaped"
    assert not hs10.duplicated(["hs10", "partner"]).any()


def test_mexico_total_matches_the_raw_workbook(hs10):
    raw_total, n = _raw_column_total(MEXICO_PART, "Mexico")
    mex = hs10[hs10["partner"] == "Mexico"]
    assert len(mex) == n, "one tidy row per non-empty cell"
    assert mex["value"].sum() == pytest.approx(raw_total / 1e6, rel=1e-12)
    assert raw_total / 1e9 == pytest.approx(503.81, abs=0.01)  # SOURCES.yml


def _first_release_general(year: int = 2024) -> dict:
    """General imports (US dollars) of ``year`` in the USA Trade Online report of March 2025, read from the raw
    sheet: partner -> the "All Commodities" cell of the partner's "All Country Subcodes" column for ``year``
    (partner names head a block of columns and are carried to the right)."""
    from northam.sources import usatrade

    rows = {r[0]: r for r in sheet_rows(registry.fetch(usatrade.KEY), "REPORT") if r and r[0]}
    out, partner = {}, None
    for col in range(1, len(rows["Country"])):
        partner = rows["Country"][col] or partner
        if str(rows["Time"][col]) == str(year) and rows["Country Subcode"][col] == "All Country Subcodes":
            out[partner] = float(rows["All Commodities"][col])
    return out


def test_consumption_against_general_imports_of_the_same_release(numbers, raw_workbook):
    """Imports for consumption (HS10 file) against general imports of the same first release (USA Trade Online
    report) and of the revised country.xlsx, both read independently."""
    first = _first_release_general()
    assert first["Canada"] / 1e9 == pytest.approx(412.70, abs=0.005) and first["Mexico"] / 1e9 == pytest.approx(
        505.85, abs=0.005)
    check = trade.consumption_vs_general().set_index("iso3")
    for iso, name in (("WORLD", "World Total"), ("MEX", "Mexico"), ("CAN", "Canada")):
        assert check.loc[iso, "general"] == pytest.approx(first[name] / 1e6, rel=1e-12)
    assert numbers["trade_cons_vs_gen_can_pct"] == pytest.approx(
        100 * (_raw_column_total(usatrade_hs10.KEYS[1], "Canada")[0] / first["Canada"] - 1), rel=1e-9)
    assert numbers["trade_cons_vs_gen_mex_pct"] == pytest.approx(
        100 * (_raw_column_total(MEXICO_PART, "Mexico")[0] / first["Mexico"] - 1), rel=1e-9)
    # same release: consumption below general for all partners, Mexico and Canada, each by less than 1%
    assert all(-1 < numbers[f"trade_cons_vs_gen_{w}_pct"] < 0 for w in ("world", "mex", "can"))
    assert numbers["trade_cons_vs_gen_direction"] == "a little below"
    # the revised release: Canada's general imports were revised down, below its imports for consumption
    raw = raw_workbook(census.COUNTRY_XLSX[census.LATEST])
    revised = raw[(raw["year"] == 2024)].set_index("CTY_CODE")["IYR"]
    for iso, code in (("MEX", 2010), ("CAN", 1220), ("CHN", 5700), ("WORLD", 15)):  # 15: world, not adjusted
        assert check.loc[iso, "general_revised"] == pytest.approx(revised[code], rel=1e-12)
    assert numbers["trade_cons_vs_gen_rev_can_pct"] > 0 > numbers["trade_cons_vs_gen_can_pct"]
    assert numbers["trade_hs29_cons_bn"] < 0.9 * numbers["trade_hs29_gen_bn"], "HS 29: the gap is large"
    assert numbers["trade_veh_parts_mex_cons_bn"] < numbers["trade_veh_parts_mex_gen_bn"]


def test_consumption_direction_in_words():
    assert trade.consumption_direction([-0.4, -0.03]) == "a little below"
    assert trade.consumption_direction([-2.0, -0.03]) == "below"
    assert trade.consumption_direction([0.2, 0.5, float("nan")]) == "a little above"
    assert trade.consumption_direction([-0.4, 0.16]) == "close to"


def test_sector_values_match_sources_yml(numbers):
    """The uploader's checks in SOURCES.yml (billion USD, 2024)."""
    assert numbers["trade_prod_med_world_bn"] == pytest.approx(71.1, abs=0.05)
    assert numbers["trade_prod_med_mex_bn"] == pytest.approx(15.15, abs=0.005)
    assert numbers["trade_prod_med_can_bn"] == pytest.approx(1.36, abs=0.005)
    assert numbers["trade_prod_semi_world_bn"] == pytest.approx(60.9, abs=0.05)
    assert numbers["trade_prod_elec_mex_bn"] == pytest.approx(86.9, abs=0.05)
    assert numbers["trade_prod_aero_can_bn"] == pytest.approx(9.2, abs=0.05)


def test_sector_share_recomputed_from_the_tidy_table(hs10, numbers):
    med = hs10[hs10["hs10"].str[:4].isin(["9018", "9019", "9020", "9021", "9022"])]
    by = med.groupby("partner")["value"].sum()
    assert numbers["trade_prod_med_mex_share"] == pytest.approx(100 * by["Mexico"] / by[usatrade_hs10.WORLD], rel=1e-12)
    sec = trade.sector_imports()
    assert set(sec["sector"]) == set(trade.SECTORS) and sec["share"].between(0, 100).all()


def _raw_headings(key: str, partner: str) -> pd.Series:
    """One partner's imports (US dollars) by HS heading (first 4 digits), from the raw sheet, largest first."""
    rows, col = _partner_column(key, partner)
    by = {}
    for row in rows:
        if row[col] is not None:
            by[str(row[0])[:4]] = by.get(str(row[0])[:4], 0.0) + float(row[col])
    return pd.Series(by).sort_values(ascending=False)


def test_top_products(numbers):
    top = trade.top_products()
    assert list(top.groupby("iso3")["rank"].max()) == [8, 8]
    first = top[top["rank"] == 1].set_index("iso3")["hs4"]
    assert first["CAN"] == "2709" and first["MEX"] == "8703"
    assert top["label"].str.len().between(5, 60).all() and top["share"].between(0, 100).all()
    # ranks 2-4 and the lead of the first, recomputed from the raw sheets
    for iso, key, name in (("MEX", MEXICO_PART, "Mexico"), ("CAN", usatrade_hs10.KEYS[1], "Canada")):
        heads = _raw_headings(key, name)
        low = iso.lower()
        assert list(top[top["iso3"] == iso].sort_values("rank")["hs4"]) == list(heads.index[:8])
        assert numbers[f"trade_top_{low}_lead_pct"] == pytest.approx(
            100 * (heads.iloc[0] / heads.iloc[1] - 1), rel=1e-9)
        for hs4, v in heads.iloc[1:4].items():
            assert f"({hs4}, {v / 1e9:,.1f} billion)" in numbers[f"trade_top_{low}_next"]
    assert numbers["trade_top_can_next"] == ("passenger cars (8703, 28.3 billion), US goods returned (9801, 15.1 "
                                             "billion) and refined petroleum products (2710, 12.9 billion)")
    assert numbers["trade_top_can_lead_pct"] > 200 > 10 > numbers["trade_top_mex_lead_pct"]


# ------------------------------------------------------------------ the parser refuses bad input


def _tiny(value="1000", measure="Customs  Value (Cons) ($US)", time="2024"):
    rows = [["Standard Report - Imports", None, None], [None, None, None], ["Measures", measure, None],
            ["Time", time, None], ["Country", "World Total", "Mexico"], ["Commodity", None, None],
            ["0101100010 Horses, Live (no)", value, None], ["8703230140 Pass Veh &gt; 1500cc (no)", "5000", "2500"]]
    return pd.DataFrame(rows, dtype=object)


def test_parse_a_hand_made_sheet():
    out = usatrade_hs10.parse(_tiny(), "tiny.xlsx")
    assert len(out) == 3, "empty cells are no trade and have no row"
    car = out[(out["hs10"] == "8703230140") & (out["partner"] == "Mexico")].iloc[0]
    assert car["value"] == pytest.approx(2500 / 1e6) and car["iso3"] == "MEX"
    assert car["description"] == "Pass Veh > 1500cc (no)"


@pytest.mark.parametrize("kwargs, match", [
    ({"value": "(D)"}, r"value.*\(D\).*HS10 0101100010, World Total"),
    ({"value": "-5"}, r"negative.*HS10 0101100010, World Total"),
    ({"measure": "General Customs Value ($US)"}, r"Measures.*General"),
    ({"time": "2023"}, r"Time.*2023"),
])
def test_parse_refuses_bad_cells_and_headers(kwargs, match):
    with pytest.raises(SchemaError, match=match):
        usatrade_hs10.parse(_tiny(**kwargs), "tiny.xlsx")


def test_blank_headers_are_accepted_only_in_part_2():
    usatrade_hs10.parse(_tiny(measure=None, time=None), usatrade_hs10.KEYS[1])
    with pytest.raises(SchemaError, match="Measures"):
        usatrade_hs10.parse(_tiny(measure=None, time=None), MEXICO_PART)
