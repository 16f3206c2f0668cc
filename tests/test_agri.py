"""Agribusiness chapter: key numbers against values computed independently from the raw files."""

from __future__ import annotations

import pandas as pd
import pytest

from northam.analysis import agri


@pytest.fixture(scope="module")
def ers():
    from northam import registry

    df = pd.read_csv(registry.fetch("ers_us_food_imports_by_country_1999-2023.csv"), encoding="cp1252")
    return df[df["Unit of Measure"] == "Million $"]


def _val(ers, commodity, country, year):
    sel = (ers["Commodity"] == commodity) & (ers["Country"] == country) & (ers["Year Number"] == str(year))
    assert sel.sum() == 1
    return float(ers.loc[sel, "Value"].iloc[0])


@pytest.fixture(scope="module")
def numbers():
    return agri.key_numbers()


@pytest.mark.parametrize(
    "key, commodity, country",
    [("agri_fruit_mex_last", "Fresh or chilled fruit", "MEXICO"),
     ("agri_fruit_can_last", "Fresh or chilled fruit", "CANADA"),
     ("agri_veg_mex_last", "Fresh vegetables", "MEXICO"),
     ("agri_veg_can_last", "Fresh vegetables", "CANADA")],
)
def test_fresh_produce_shares_in_the_files_last_year_match_raw(ers, numbers, key, commodity, country):
    last = int(pd.to_numeric(ers["Year Number"], errors="coerce").max())
    expected = 100 * _val(ers, commodity, country, last) / _val(ers, commodity, "WORLD", last)
    assert numbers["agri_ers_last_year"] == last
    assert numbers[key] == pytest.approx(expected, rel=1e-9)


def test_fresh_produce_shares_known_values(numbers):
    assert numbers["agri_ers_last_year"] == 2023  # the file's last year, that of the reports' figures
    assert numbers["agri_fruit_mex_last"] == pytest.approx(50.7, abs=0.05)
    assert numbers["agri_veg_can_last"] == pytest.approx(20.0, abs=0.05)


def test_mexico_beer_2022_matches_raw(ers, numbers):
    assert numbers["agri_beer_mex_2022_bn"] == pytest.approx(_val(ers, "Malt beer", "MEXICO", 2022) / 1e3, rel=1e-9)
    assert numbers["agri_beer_world_2022_bn"] == pytest.approx(_val(ers, "Malt beer", "WORLD", 2022) / 1e3)
    assert numbers["agri_beer_mex_2022_bn"] == pytest.approx(5.384, abs=0.001)


def test_hs_food_imports_2023_match_raw(numbers, raw_rdata):
    raw = raw_rdata("census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData", "full_imports")
    sel = raw["CTY_NAME"].isin(["MEXICO", "CANADA"]) & (raw["YEAR"] == "2023") & (raw["I_COMMODITY"].astype(int) <= 24)
    assert numbers["agri_hs_mexcan_2023_bn"] == pytest.approx(raw.loc[sel, "GEN_VAL_MO"].astype(float).sum() / 1e9)


def test_employment_latest_month_matches_raw(raw_path, numbers):
    raw = pd.read_csv(raw_path("fred_LNU02034560_employment_agriculture_related_industries.csv"))
    assert numbers["agri_emp_last_month"] == "November 2024"
    assert numbers["agri_emp_last_m"] == pytest.approx(raw["LNU02034560"].iloc[-1] / 1e3)
    assert numbers["agri_emp_last_avg12_m"] == pytest.approx(raw["LNU02034560"].iloc[-12:].mean() / 1e3)


def test_crop_index_is_100_in_2013():
    idx = agri.crop_index()
    assert idx.loc[idx["year"] == 2013, "index"].eq(100).all()
    assert set(idx["iso3"]) == {"USA", "MEX", "CAN"} and idx["year"].max() == 2024


def test_seasonality_estimates_are_intervals(numbers):
    for stem in ("agri_winter_veg_share", "agri_winter_veg_ratio", "agri_veg_trend"):
        lo = numbers[f"{stem}_lo"]
        hi = numbers[f"{stem}_hi"]
        mid = numbers[stem if not stem.endswith("trend") else f"{stem}_slope"]
        assert lo < mid < hi
    assert numbers["agri_winter_veg_share"] > numbers["agri_winter_flat_share"]


def test_glue_keys_are_prefixed_and_plain(numbers):
    assert all(k.startswith("agri_") for k in numbers)
    assert all(isinstance(v, (int, float, str)) for v in numbers.values())
    assert not any(isinstance(v, float) and v != v for v in numbers.values()), "no NaN in glued numbers"




# ------------------------------------------------------------------ constant 2024 dollars (GDP deflator)


def test_annual_gdp_deflator_matches_sources_yml():
    d = agri.gdp_deflator().set_index("year")
    assert d.loc[2024, "deflator"] == pytest.approx(125.214, abs=0.001)
    assert d.loc[2023, "deflator"] == pytest.approx(122.266, abs=0.001)
    assert d.loc[2024, "to_constant"] == 1.0 and d.index.max() == 2024


#: The raw ERS lines whose sum is Mexico's food imports: each category's "Total ..." line where it lists Mexico,
#: the lines the totals leave out (ERS counts them in its group totals), the four lines of category "Other", and
#: for fish, whose total line never lists Mexico, the fish lines that do.
MEXICO_FOOD_LINES = [
    "Total live animals", "Bird eggs", "Total red meats, fresh and frozen", "Fowl and other meats", "Prepared meats",
    "Whole fish--fresh, chilled, or frozen", "Fish fillets and mince", "Shellfish, fresh or frozen",
    "Prepared fish and shellfish", "Total vegetables and preparations", "Total dairy products",
    "Total fruit and preparations", "Total nuts", "Total coffee, tea, and spices", "Total grains and products",
    "Total vegetable oils", "Oilseeds", "Total sweeteners and candy", "Total cocoa and products", "Total beverages",
    "Sauces, soups, prepared foods", "Essential oils", "Animal and other fats", "Other edible products",
]


def test_food_imports_in_2024_dollars_recomputed_from_raw(ers, raw_path, numbers):
    """Mexico in the ERS file's first year (1999) in constant 2024 dollars, from the raw ERS and FRED files: the
    sum of :data:`MEXICO_FOOD_LINES` listed for Mexico times deflator(2024) / deflator(1999), each the mean of
    the year's four quarters."""
    first = str(int(pd.to_numeric(ers["Year Number"], errors="coerce").min()))
    assert first == "1999" and numbers["agri_ers_first_year"] == 1999
    gdpdef = pd.read_csv(raw_path(agri.FRED_DEFLATOR))
    year = gdpdef["observation_date"].str[:4]
    ratio = gdpdef.loc[year == "2024", "GDPDEF"].mean() / gdpdef.loc[year == first, "GDPDEF"].mean()
    mex = ers[(ers["Country"] == "MEXICO") & (ers["Year Number"] == first) & (ers["Category"] != "Food dollars")]
    assert "Total fish and shellfish" not in set(mex["Commodity"])
    nominal = mex.loc[mex["Commodity"].isin(MEXICO_FOOD_LINES), "Value"].astype(float).sum()
    assert numbers["agri_food_mex_first_bn"] == pytest.approx(nominal / 1e3, rel=1e-12)
    assert numbers["agri_food_mex_first_real_bn"] == pytest.approx(nominal * ratio / 1e3, rel=1e-12)
    assert numbers["agri_deflator_first_to_price"] == pytest.approx(ratio, rel=1e-12)
    assert numbers["agri_food_mex_partial_clause"] == (
        "Mexico's fish and shellfish, live animals, meats and vegetable oils are therefore lower bounds (its fish "
        "from the fish lines that list it, since the fish total does not)")


def test_world_food_groups_add_up_to_ers_own_total_of_us_food_imports(ers):
    """Every year, the world's food groups (the chart's and the shares' denominator) sum to ERS's "U.S. imports"
    line (category "Food dollars") of the raw file, to the rounding of the lines: no line left out."""
    own = ers[(ers["Category"] == "Food dollars") & (ers["Commodity"] == "U.S. imports")]
    own = own.drop_duplicates("Year Number").set_index(pd.to_numeric(own.drop_duplicates("Year Number")["Year Number"]))
    world = agri.food_totals()["WORLD"]
    gap = world.sub(own["Value"].astype(float)).abs()
    assert len(gap.dropna()) == len(world) == 25 and gap.max() < 1.5, gap.sort_values().tail(3)
    assert world.loc[2023] == pytest.approx(189070.5, abs=1.5)


def test_a_food_group_that_misses_an_ers_line_is_refused(monkeypatch):
    """The groups are checked against ERS's own group totals: leaving out a line ERS counts (poultry) fails."""
    monkeypatch.setitem(agri.OUTSIDE_TOTAL, "Meats", ("Prepared meats",))
    agri.food_groups.cache_clear()  # memoised: build the groups again with the line left out
    try:
        with pytest.raises(ValueError, match="Food dollars"):
            agri.food_groups()
    finally:
        agri.food_groups.cache_clear()


def test_origins_add_up_to_the_world():
    o = agri.food_imports_by_origin()
    assert set(o["origin"]) == {"MEX", "CAN", "ROW"} and o[["nominal", "real"]].gt(0).all().all()
    assert o.groupby("year")["share"].sum().sub(100).abs().max() < 1e-9
    world = agri.food_totals()["WORLD"]
    assert o.groupby("year")["nominal"].sum().sub(world).abs().max() < 1e-6


def test_food_group_stacks_share_their_groups_and_keep_every_dollar():
    """Both partners' stacks list the same groups in the same order (the chart's key serves both panels), and
    each year's stack adds up to the partner's food imports: no group dropped or counted twice."""
    groups = agri.food_groups()
    stacks = agri.food_group_stacks(groups)
    assert list(stacks) == ["MEX", "CAN"] and list(stacks["MEX"].columns) == list(stacks["CAN"].columns)
    assert stacks["MEX"].columns[-1] == agri.OTHER_GROUPS and 6 <= stacks["MEX"].shape[1] - 1 <= 12
    for iso, stack in stacks.items():
        total = groups[groups["iso3"] == iso].groupby("year")["real"].sum()
        assert stack.sum(axis=1).sub(total).abs().max() < 1e-6 * total.max(), iso
        last = stack.drop(columns=agri.OTHER_GROUPS).iloc[-1]
        assert set(last.nlargest(6).index) <= set(stack.columns), iso  # its own six largest are shown


# ------------------------------------------------------------------ years, directions and words from the raw files


#: The raw ERS lines of each food group for an origin ERS lists on every total line (Canada): the "Total ..." line,
#: the lines ERS counts beside it, and the four lines of category "Other".
GROUP_LINES = {
    "live animals": ["Total live animals", "Bird eggs"],
    "meats": ["Total red meats, fresh and frozen", "Fowl and other meats", "Prepared meats"],
    "fish and shellfish": ["Total fish and shellfish"], "vegetables": ["Total vegetables and preparations"],
    "dairy": ["Total dairy products"], "fruit": ["Total fruit and preparations"], "nuts": ["Total nuts"],
    "coffee, tea, spices": ["Total coffee, tea, and spices"], "grains": ["Total grains and products"],
    "vegetable oils": ["Total vegetable oils", "Oilseeds"], "sweeteners and candy": ["Total sweeteners and candy"],
    "cocoa": ["Total cocoa and products"], "beverages": ["Total beverages"],
    "prepared foods, fats, other": ["Sauces, soups, prepared foods", "Essential oils", "Animal and other fats",
                                    "Other edible products"],
}


def _lines_sum(ers, country, year, lines):
    sel = (ers["Country"] == country) & (ers["Year Number"] == str(year)) & (ers["Category"] != "Food dollars")
    return ers.loc[sel & ers["Commodity"].isin(lines), "Value"].astype(float).sum()


def _deflator_ratio(raw_path, year):
    gdpdef = pd.read_csv(raw_path(agri.FRED_DEFLATOR))
    y = gdpdef["observation_date"].str[:4]
    return gdpdef.loc[y == str(agri.PRICE_YEAR), "GDPDEF"].mean() / gdpdef.loc[y == str(year), "GDPDEF"].mean()


def test_mexico_against_canada_and_the_top_groups_from_raw(ers, raw_path, numbers):
    """Food imports from Mexico and Canada in constant dollars in the ERS file's first and last years, from the raw
    lines: who overtook whom, the verbs, and each partner's three largest groups in the last year."""
    years = pd.to_numeric(ers["Year Number"], errors="coerce")
    first, last = int(years.min()), int(years.max())
    can_lines = [line for lines in GROUP_LINES.values() for line in lines]
    real = {(iso, y): _lines_sum(ers, country, y, lines) * _deflator_ratio(raw_path, y)
            for iso, country, lines in (("MEX", "MEXICO", MEXICO_FOOD_LINES), ("CAN", "CANADA", can_lines))
            for y in (first, last)}
    assert numbers["agri_food_can_last_real_bn"] == pytest.approx(real[("CAN", last)] / 1e3, rel=1e-9)
    mex_passes = real[("MEX", first)] < real[("CAN", first)] and real[("MEX", last)] > real[("CAN", last)]
    assert mex_passes and numbers["agri_food_mex_vs_can"] == "overtook"
    assert numbers["agri_food_mex_real_verb"] == numbers["agri_food_can_real_verb"] == "grew"
    assert numbers["agri_food_mex_real_growth_abs_pct"] == pytest.approx(
        100 * (real[("MEX", last)] / real[("MEX", first)] - 1))
    can = {g: _lines_sum(ers, "CANADA", last, lines) for g, lines in GROUP_LINES.items()}
    top = sorted(can, key=can.get, reverse=True)[:3]
    assert numbers["agri_food_can_top_groups"] == f"{top[0]}, {top[1]} and {top[2]}"
    assert numbers["agri_food_mex_top_groups"] == "fruit, vegetables and beverages"
    assert numbers["agri_food_current_growth_looks"] == "larger"  # the deflator rose from 1999 to 2023


def test_word_helpers():
    assert agri.overtake_words(1, 3, 2, 2) == "overtook" and agri.overtake_words(1, 3, 2, 2, present=True) == "pass"
    assert agri.overtake_words(3, 3, 2, 2) == "stayed above" and agri.overtake_words(3, 1, 2, 2) == "fell behind"
    assert agri.overtake_words(1, 1, 2, 2) == "stayed below"


def test_produce_directions_from_raw(ers, numbers):
    last = int(pd.to_numeric(ers["Year Number"], errors="coerce").max())
    first = int(pd.to_numeric(ers["Year Number"], errors="coerce").min())
    share = {(p, y): 100 * _val(ers, line, "MEXICO", y) / _val(ers, line, "WORLD", y)
             for p, line in (("fruit", "Fresh or chilled fruit"), ("veg", "Fresh vegetables")) for y in (first, last)}
    moved = {p: share[(p, last)] - share[(p, first)] for p in ("fruit", "veg")}
    assert numbers["agri_fruit_mex_change"] == ("up from" if moved["fruit"] > 0 else "down from") == "up from"
    more = max(moved, key=lambda p: abs(moved[p]))
    assert numbers["agri_produce_moved_more"] == {"fruit": "fruit", "veg": "vegetables"}[more] == "fruit"
    assert numbers["agri_produce_moved_more_pts"] == pytest.approx(moved[more])
    beer = {y: _val(ers, "Malt beer", "MEXICO", y) / _val(ers, "Malt beer", "WORLD", y) for y in (first, last)}
    assert numbers["agri_beer_mex_share_verb"] == ("climbed" if beer[last] > beer[first] else "fell")


def test_hs_years_months_and_latest_year_from_raw(raw_rdata, numbers):
    raw = raw_rdata("census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData", "full_imports")
    years = sorted(int(y) for y in raw["YEAR"].unique())
    assert (numbers["agri_hs_first_year"], numbers["agri_hs_last_year"]) == (years[0], years[-1]) == (2023, 2024)
    assert numbers["agri_hs_n_months"] == raw[["YEAR", "MONTH"]].drop_duplicates().shape[0] == 24
    food = raw["I_COMMODITY"].astype(int) <= 24
    last = raw[food & (raw["YEAR"] == str(years[-1]))]
    val = {c: last.loc[last["CTY_NAME"] == c, "GEN_VAL_MO"].astype(float).sum() / 1e9
           for c in ("MEXICO", "CANADA", "TOTAL FOR ALL COUNTRIES")}
    assert numbers["agri_hs_mex_last_bn"] == pytest.approx(val["MEXICO"])
    assert numbers["agri_hs_mexcan_share_last"] == pytest.approx(
        100 * (val["MEXICO"] + val["CANADA"]) / val["TOTAL FOR ALL COUNTRIES"])
    top = agri.hs_top_chapters()
    assert set(top["year"]) == {years[-1]}


def test_seasonal_words_from_raw(raw_rdata, numbers):
    import calendar

    raw = raw_rdata("census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData", "full_imports")
    mex = raw[raw["CTY_NAME"] == "MEXICO"].assign(v=lambda d: d["GEN_VAL_MO"].astype(float))
    prof = {ch: mex[mex["I_COMMODITY"] == ch].groupby("MONTH")["v"].mean() for ch in ("07", "08")}
    peak = {ch: calendar.month_name[int(p.idxmax())] for ch, p in prof.items()}
    assert (numbers["agri_veg_peak_month"], numbers["agri_fruit_peak_month"]) == (peak["07"], peak["08"])
    if peak["07"] == peak["08"]:
        assert numbers["agri_peak_months_clause"] == f"Vegetable and fruit imports are both highest on average in {peak['07']}"
    veg = mex[mex["I_COMMODITY"] == "07"]
    for key, year in (("first", numbers["agri_hs_first_year"]), ("last", numbers["agri_hs_last_year"])):
        y = veg[veg["YEAR"] == str(year)]
        winter = y.loc[y["MONTH"].astype(int).isin(agri.WINTER), "v"].sum() / y["v"].sum()
        assert numbers[f"agri_winter_veg_obs_{key}"] == pytest.approx(100 * winter)
    assert numbers["agri_winter_months"] == "December to February"
    assert numbers["agri_winter_fruit_clearly"] == (
        "clearly" if numbers["agri_winter_fruit_share_lo"] > numbers["agri_winter_flat_share"] else "not clearly")


def test_crop_and_employment_years_from_raw(raw_path, numbers):
    import gzip

    with gzip.open(raw_path("agdata_fao_qcl_crop_group_aggregates_1961-2024.csv.gz"), "rt", encoding="utf-8") as f:
        rows = [line.strip().split(",") for line in f if line.startswith("Mexico,") and ",Fruit Primary,Production," in line]
    fruit = {int(r[1]): float(r[-1]) for r in rows}
    assert (numbers["agri_crop_first_year"], numbers["agri_crop_last_year"]) == (min(fruit), max(fruit))
    idx = 100 * fruit[agri.REPORT_CROP_END] / fruit[agri.BASE_YEAR]
    assert numbers["agri_crop_fruit_mex_2023"] == pytest.approx(idx)
    assert numbers["agri_crop_fruit_mex_2023_verb"] == ("rose" if idx > 100 else "fell") == "rose"
    assert numbers["agri_crop_fruit_usa_2023_verb"] == "fell"
    raw = pd.read_csv(raw_path("fred_LNU02034560_employment_agriculture_related_industries.csv"))
    year = raw["observation_date"].str[:4]
    assert numbers["agri_emp_first_year"] == int(year.min()) == 1948
    assert numbers["agri_emp_first_avg_m"] == pytest.approx(raw.loc[year == year.min(), "LNU02034560"].mean() / 1e3)
    tail = raw["LNU02034560"].iloc[-12:]
    assert (numbers["agri_emp_last12_min_m"], numbers["agri_emp_last12_max_m"]) == (
        pytest.approx(tail.min() / 1e3), pytest.approx(tail.max() / 1e3))


def test_enduse_years_from_raw(raw_path, numbers):
    from raw import read_excel

    raw = read_excel(raw_path("census_enduse_imports_by_country_2016-2025.xlsx"), sheet_name="EnduseImp")
    years = sorted(2000 + int(c[-2:]) for c in raw.columns if str(c).startswith("value_"))
    assert (numbers["agri_enduse_first_year"], numbers["agri_enduse_last_year"]) == (years[0], years[-1])


def test_source_lines_follow_the_tables():
    from northam.figures import agri as figures

    assert figures.ers_source(agri.fresh_produce_shares()["year"]) == "USDA ERS, U.S. Food Imports (food.csv, 1999–2023)"
    assert figures.ers_source([2005, 2010]).endswith("(food.csv, 2005–2010)")
    season = agri.hs_seasonal()
    assert figures.hs_source(season.index) == "US Census Bureau, international trade API (HS2 imports, 2023–2024)"
    assert figures.hs_source(season.index[season.index.year == 2024]).endswith("(HS2 imports, 2024)")
