"""Chapter "Trade": US goods trade with Mexico and Canada, deficits in context, and the reports' figures.

Units: million current US dollars (goods, Census basis: general imports at Customs value, total exports
F.A.S., not seasonally adjusted) unless a function says otherwise; shares in percent.

Sources (one per chart):

- Census ``country.xlsx``, release of early 2026 (:mod:`northam.sources.census`, latest vintage): the
  long annual and monthly series, full years only (the partial last year is never used as a year).
- Census ``country.xlsx``, release of late 2024: only for the revisions table.
- Census international-trade API compilation, 2013-2024 (:mod:`northam.sources.census_api`): the
  report's 2024 deficit-ratio basis.
- Census End-Use imports 2016-2025: a proxy (End-Use, not NAICS) for the electronics import shares.
- USA Trade Online, imports claiming USMCA preference 2022-2024 (:mod:`northam.sources.usatrade`).
- USA Trade Online, imports for consumption by HS10 product and partner, 2024
  (:mod:`northam.sources.usatrade_hs10`): the product view of imports from Mexico and Canada.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..prose import and_list, count
from ..sources import census, census_api, census_hs, usatrade, usatrade_hs10

CHAPTER = "trade"
CODES = {"MEX": census.CODE["MEX"], "CAN": census.CODE["CAN"], "CHN": census.CODE["CHN"],
         "WLD": census.CODE["WORLD"], "ATP": census.CODE["ATP"]}
NAFTA, USMCA = 1994, 2020.5  # entry into force: 1 January 1994, 1 July 2020
#: The year of the North American Project's trade figures (deficit ratios, ATP balance, totals: "in 2024").
REPORT_YEAR = 2024
#: The first year of the report's chart of the deficits with China and Mexico ("1990-2024").
BALANCE_CHART_START = 1990
#: The Wilson Center's January-July comparison: 2018 against 2023.
WILSON_YTD_YEARS = (2018, 2023)
#: The first US tariffs on Chinese goods (Section 301, July 2018): the break of the segmented share trends.
TARIFFS_ON_CHINA = 2018
#: First year of the segmented share trends, a modelling choice: the year before China joined the WTO (2001),
#: so the fit covers China's rise as a WTO member.
TREND_START = 2000
OLD = "2024-08"  # older country.xlsx vintage, for revisions only
#: End-Use codes used as a proxy for the report's NAICS 334/335 import-share charts.
ELECTRONICS_ENDUSE = {
    "Computers and accessories (21300, 21301)": ["21300", "21301"],
    "Semiconductors (21320)": ["21320"],
    "Telecommunications equipment (21400)": ["21400"],
    "Electric apparatus and generators (20005, 20000)": ["20005", "20000"],
}
#: The sectors the reports name, as HS prefixes (chapters or headings): short id -> (label, prefixes).
#: The report's health sector is "the compounds, molecules and ingredients necessary to develop the medicines
#: and pharmaceutical products": HS 30 (medicines) with HS 29 (organic chemicals, which hold the active
#: ingredients but also every other organic chemical), so the label names both.
SECTORS = {
    "med": ("Medical devices (HS 9018-9022)", ("9018", "9019", "9020", "9021", "9022")),
    "elec": ("Electrical machinery (HS 85)", ("85",)),
    "semi": ("Semiconductors (HS 8541-8542)", ("8541", "8542")),
    "chem_pharma": ("Organic chemicals and pharmaceuticals (HS 29-30)", ("29", "30")),
    "aero": ("Aerospace (HS 88)", ("88",)),
    "veh": ("Vehicles and parts (HS 87)", ("87",)),
}
#: Partners of the product view: iso3 -> USA Trade Online spelling.
HS10_PARTNERS = {"MEX": "Mexico", "CAN": "Canada", "CHN": "China"}
#: Short names of HS headings for chart labels (the file's HS10 descriptions are abbreviated).
HS4_NAMES = {
    "0702": "Tomatoes", "0709": "Other fresh vegetables", "0804": "Avocados, mangoes, guavas",
    "0810": "Berries and other fresh fruit", "1905": "Bread, pastry, biscuits", "2203": "Beer",
    "2208": "Spirits (tequila, whisky)", "2709": "Crude oil", "2710": "Refined petroleum products",
    "2711": "Natural gas and propane", "2716": "Electricity", "3004": "Medicines, packaged",
    "3901": "Polyethylene", "4011": "Tyres", "4407": "Sawn lumber", "4703": "Wood pulp",
    "7108": "Gold", "7403": "Refined copper", "7601": "Unwrought aluminium", "8407": "Petrol engines",
    "8408": "Diesel engines", "8409": "Engine parts", "8411": "Turbojets and gas turbines",
    "8413": "Pumps", "8415": "Air conditioners", "8418": "Refrigerators and freezers",
    "8421": "Filters and centrifuges", "8429": "Bulldozers and excavators", "8450": "Washing machines",
    "8471": "Computers", "8473": "Computer parts", "8481": "Taps and valves", "8483": "Transmission shafts",
    "8504": "Transformers and power supplies", "8516": "Electric heaters and ovens",
    "8517": "Phones and network equipment", "8528": "Monitors and TV sets", "8536": "Switches and connectors",
    "8537": "Control panels", "8541": "Semiconductor devices, solar cells", "8542": "Integrated circuits",
    "8544": "Insulated wire and cable", "8701": "Tractors and road tractors", "8703": "Passenger cars",
    "8704": "Trucks", "8708": "Vehicle parts", "8802": "Aircraft and helicopters",
    "8803": "Aircraft parts", "9018": "Medical instruments", "9021": "Orthopaedic and implant devices",
    "9401": "Seats", "9403": "Furniture", "9801": "US goods returned",
}


@memo(maxsize=2)
def _full(vintage: str = census.LATEST) -> pd.DataFrame:
    """Census country.xlsx, full years only, tidy (million USD; see :func:`northam.sources.census.full_years`)."""
    return census.full_years(vintage)


@memo(maxsize=4)
def _wide(vintage: str = census.LATEST) -> pd.DataFrame:
    """Year x (label, flow) table of the chapter's partners (:data:`CODES`), million USD, country.xlsx."""
    return census.partner_trade(CODES, vintage)


def _series(label: str, flow: str, vintage: str = census.LATEST) -> pd.Series:
    """One partner's flow (exports, imports, balance, total) per full year, million USD, country.xlsx."""
    return _wide(vintage)[(label, flow)].copy()


# ---------------------------------------------------------------------------------------------------
# 1. Exports, imports and balance with Mexico and Canada


def usmca_flows(start: int | None = None) -> pd.DataFrame:
    """US exports to, imports from and balance with Mexico and Canada, per full year (million USD), from
    ``start`` (default: the first full year of the file).

    Tidy: year, iso3, flow (exports | imports | balance), value. Balance = exports - imports.
    Source: Census country.xlsx (latest vintage).
    """
    rows = []
    for iso in ("MEX", "CAN"):
        for flow in ("exports", "imports", "balance"):
            s = _series(iso, flow)
            rows.append(pd.DataFrame({"year": s.index.astype(int), "iso3": iso, "flow": flow,
                                      "value": s.to_numpy()}))
    out = pd.concat(rows, ignore_index=True)
    return out if start is None else out[out["year"] >= start].reset_index(drop=True)


def usmca_legs() -> pd.Series:
    """US-Mexico plus US-Canada goods trade (exports + imports) per full year, million USD."""
    return (_series("MEX", "total") + _series("CAN", "total")).rename("usmca")


# ---------------------------------------------------------------------------------------------------
# 2. Balances with China and Mexico


def balances_china_mexico(start: int = BALANCE_CHART_START) -> pd.DataFrame:
    """US goods balance with China and with Mexico per full year (million USD; negative = deficit).

    Columns: year, CHN, MEX. Source: Census country.xlsx (latest vintage).
    """
    out = pd.DataFrame({"CHN": _series("CHN", "balance"), "MEX": _series("MEX", "balance")})
    out = out[out.index >= start]
    return out.rename_axis("year").reset_index()


# ---------------------------------------------------------------------------------------------------
# 3. Top partners: exports, deficit and the trade deficit ratio


def _tdr(df: pd.DataFrame) -> pd.DataFrame:
    """Add total (exports + imports), deficit (imports - exports), same unit, and tdr_pct = deficit / exports (%)."""
    df = df.copy()
    df["total"] = df["exports"] + df["imports"]
    df["deficit"] = df["imports"] - df["exports"]
    df["tdr_pct"] = 100 * df["deficit"] / df["exports"]
    return df


def top_partners_tdr(year: int | None = None, n: int = 5) -> pd.DataFrame:
    """The ``n`` largest US goods-trade partner countries in ``year`` (default: the latest full year)
    with exports, imports, deficit (imports - exports) in million USD and the trade deficit ratio
    ``tdr_pct`` = deficit / US exports to the partner x 100 (the report's definition).

    Source: Census country.xlsx (latest vintage); countries only (codes >= 1000).
    """
    year = census.latest_full_year() if year is None else year
    df = _full()
    df = df[(df["cty_code"] >= 1000) & (df["year"] == year)]
    w = df.pivot_table(index=["iso3", "partner"], columns="flow", values="value", aggfunc="sum").reset_index()
    w = _tdr(w.rename_axis(None, axis=1)).sort_values("total", ascending=False).head(n)
    return w.assign(year=year).reset_index(drop=True)


def api_wide(year: int | None = None) -> pd.DataFrame:
    """The Census API compilation with one row per partner and year: year, cty_code, iso3, partner,
    balance, exports, imports (million USD; balance = exports - imports). Source: census_api."""
    df = census_api.goods_trade_by_country()
    if year is not None:
        df = df[df["year"] == year]
    out = df.pivot_table(index=["year", "cty_code", "partner"], columns="flow", values="value", aggfunc="sum")
    iso = df.drop_duplicates("cty_code").set_index("cty_code")["iso3"]
    out = out.reset_index().rename_axis(None, axis=1)
    out.insert(2, "iso3", out["cty_code"].map(iso))
    return out


def tdr_api(year: int = REPORT_YEAR, iso3s=("CAN", "MEX", "CHN")) -> pd.DataFrame:
    """Trade deficit ratio from the Census API compilation (the report's 2024 basis), million USD / %."""
    w = api_wide(year)
    w = w[w["iso3"].isin(iso3s)]
    return _tdr(w).set_index("iso3").loc[list(iso3s)].reset_index()


# ---------------------------------------------------------------------------------------------------
# 4. Advanced Technology Products


def atp_balance() -> pd.DataFrame:
    """US trade in Advanced Technology Products (Census code 0007, all partners and categories) per
    full year: exports, imports, balance (million USD). Source: Census country.xlsx (latest vintage)."""
    out = pd.DataFrame({f: _series("ATP", f) for f in ("exports", "imports", "balance")}).dropna()
    return out.rename_axis("year").reset_index()


def atp_first_deficit_year() -> int:
    """First year of the ATP series since which the balance has been negative every year."""
    b = atp_balance().set_index("year")["balance"]
    positive = b.index[b >= 0]
    return int(b.index[b.index > positive.max()].min()) if len(positive) else int(b.index.min())


# ---------------------------------------------------------------------------------------------------
# 5. January-July: Mexico versus China


def ytd_trade(iso3s=("MEX", "CHN"), years=WILSON_YTD_YEARS, through_month: int = 7,
              vintage: str = census.LATEST) -> pd.DataFrame:
    """US goods trade (exports + imports) January..``through_month`` per partner and year (million USD).

    Refuses a year whose months up to ``through_month`` are not all published. Source: Census
    country.xlsx (given vintage). Columns: year, iso3, exports, imports, total.
    """
    df = census.monthly(vintage)
    codes = {CODES[i]: i for i in iso3s}
    df = df[df["cty_code"].isin(codes) & df["year"].isin(years) & (df["month"] <= through_month)]
    if not df["published"].all():
        bad = sorted(df.loc[~df["published"], "year"].unique())
        raise census.PartialYearError(f"{census.COUNTRY_XLSX[vintage]}: months 1-{through_month} not all "
                                      f"published for {bad}")
    w = df.assign(iso3=df["cty_code"].map(codes)).pivot_table(
        index=["year", "iso3"], columns="flow", values="value", aggfunc="sum").reset_index()
    w["total"] = w["exports"] + w["imports"]
    return w.rename_axis(None, axis=1)


def ytd_share_of_world(iso3s=("MEX", "CAN"), year: int = 2023, through_month: int = 7) -> float:
    """Share (%) of ``iso3s`` together in US goods trade with the world, January..``through_month``."""
    part = ytd_trade(iso3s, (year,), through_month)["total"].sum()
    world = ytd_trade(("WLD",), (year,), through_month)["total"].sum()
    return 100 * part / world


# ---------------------------------------------------------------------------------------------------
# 6. Partner shares of total US goods trade


def partner_shares(iso3s=("MEX", "CAN", "CHN")) -> pd.DataFrame:
    """Each partner's share (%) of total US goods trade (exports + imports with the world, not
    seasonally adjusted, code 0015), per full year from 1987 (the first year of the world row).
    Columns: year and one per partner. Source: Census country.xlsx (latest vintage)."""
    world = _series("WLD", "total")
    out = pd.DataFrame({i: 100 * _series(i, "total") / world for i in iso3s}).dropna()
    return out.rename_axis("year").reset_index()


def leader_changes(shares: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The years in which the lead between partners ``a`` and ``b`` changes hands, from a table indexed by
    year with one column per partner (shares of US trade, %). The first row is the first year of the table.

    Columns: year, leader (``a`` or ``b``: the partner with the larger share that year; a tie counts for
    ``b``). Used by :func:`overtake_year`; also works on a hand-made table.
    """
    leader = pd.Series(np.where(shares[a] > shares[b], a, b), index=shares.index)
    change = leader.ne(leader.shift(1))
    return pd.DataFrame({"year": leader.index[change].astype(int), "leader": leader[change].to_numpy()})


def overtake_year(leader: str = "MEX", other: str = "CHN", shares: pd.DataFrame | None = None) -> dict:
    """How ``leader``'s share of US trade moved against ``other``'s, per full year (default table:
    :func:`partner_shares`). Keys (years, or None when it did not happen):

    - ``start``: the first year of the table; ``ahead_at_start``: whether ``leader`` was ahead then;
    - ``lost``: the first year ``other`` moved ahead of a ``leader`` that had been ahead since the start;
    - ``first``: the first year ``leader`` moved ahead after being behind the year before;
    - ``lapses``: the years ``leader`` fell behind again after ``first`` (a list);
    - ``since``: the first year since which ``leader`` has been ahead every year (None if behind in the last);
    - ``crossings``: how many times the lead changed hands.
    """
    s = partner_shares((leader, other)).set_index("year") if shares is None else shares
    ch = leader_changes(s, leader, other)
    starts = ch.iloc[0]
    moves = ch.iloc[1:]
    ahead_start = bool(starts["leader"] == leader)
    passed = moves.loc[moves["leader"] == leader, "year"]
    lost = moves.loc[moves["leader"] == other, "year"]
    first = int(passed.iloc[0]) if len(passed) else None
    last = ch.iloc[-1]
    return {"start": int(starts["year"]), "ahead_at_start": ahead_start,
            "lost": int(lost.iloc[0]) if ahead_start and len(lost) else None,
            "first": first,
            "lapses": [int(y) for y in lost if first is not None and y > first],
            "since": int(last["year"]) if last["leader"] == leader else None,
            "crossings": len(moves)}


def _segmented_design(years: pd.Index, break_year: int) -> pd.DataFrame:
    """Regressors of a segmented linear trend: const, t = year - break, post = (t > 0), post_t = post * t."""
    t = years.to_numpy(dtype=float) - break_year
    post = (t > 0).astype(float)
    return pd.DataFrame({"const": 1.0, "t": t, "post": post, "post_t": post * t}, index=years)


@memo(maxsize=8)
def share_trend_break(iso3: str, break_year: int = TARIFFS_ON_CHINA, start: int = TREND_START) -> dict:
    """Segmented linear trend of a partner's share of US goods trade with a break at ``break_year``.

    OLS: share = a + b*(t - break) + c*post + d*post*(t - break), post = t > break, on full years from
    ``start``. Reports the slope before (b) and after (b + d) in percentage points per year, each with a
    95% confidence interval from Newey-West (HAC, 2 lags) standard errors, and the fitted line with its
    95% band (columns year, share, fit, lo, hi; percent of US goods trade). Source: :func:`partner_shares`.
    """
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second to import

    s = partner_shares((iso3,)).set_index("year")[iso3]
    s = s[s.index >= start]
    X = _segmented_design(s.index, break_year)
    res = OLS(s.to_numpy(), X).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
    ct = res.t_test(np.array([0.0, 1.0, 0.0, 1.0]))
    ci_after = ct.conf_int(alpha=0.05)[0]
    ci = res.conf_int(alpha=0.05)
    pred = res.get_prediction(X).summary_frame(alpha=0.05)
    fit = numerics.fit_digits(pd.DataFrame({
        "year": s.index.astype(int), "share": s.to_numpy(), "fit": pred["mean"].to_numpy(),
        "lo": pred["mean_ci_lower"].to_numpy(), "hi": pred["mean_ci_upper"].to_numpy()}), ["fit", "lo", "hi"])
    return numerics.require_finite({
        "iso3": iso3, "break_year": break_year, "start": int(s.index.min()), "end": int(s.index.max()),
        "n_years": len(s),
        "slope_before": float(res.params["t"]), "slope_before_lo": float(ci.loc["t", 0]),
        "slope_before_hi": float(ci.loc["t", 1]),
        "slope_after": float(ct.effect[0]), "slope_after_lo": float(ci_after[0]),
        "slope_after_hi": float(ci_after[1]),
        "change_p": float(res.pvalues["post_t"]), "fit": fit,
    }, what=f"{CHAPTER}: share trend break, {iso3}")


def trend_break_fits(iso3s=("CHN", "MEX"), break_year: int = TARIFFS_ON_CHINA) -> pd.DataFrame:
    """Observed shares and fitted segmented trends with 95% bands (see :func:`share_trend_break`), tidy:
    iso3, year, share, fit, lo, hi (percent of US goods trade)."""
    return pd.concat([share_trend_break(i, break_year)["fit"].assign(iso3=i) for i in iso3s], ignore_index=True)


# ---------------------------------------------------------------------------------------------------
# 7. Products, 2024: what the United States buys from Mexico and Canada


@memo(maxsize=1)
def hs10_imports() -> pd.DataFrame:
    """US imports for consumption in 2024 by HS10 product: hs10, hs4, description, WORLD, MEX, CAN, CHN.

    Million USD (0 = no imports of the product from the partner). Source: USA Trade Online HS10 report
    (:mod:`northam.sources.usatrade_hs10`), imports for consumption, Customs value.
    """
    df = usatrade_hs10.imports_for_consumption()
    names = {usatrade_hs10.WORLD: "WORLD", **{v: k for k, v in HS10_PARTNERS.items()}}
    df = df[df["partner"].isin(names)].assign(who=lambda d: d["partner"].map(names))
    w = df.pivot_table(index="hs10", columns="who", values="value", aggfunc="sum", fill_value=0.0)
    w = w.reindex(columns=["WORLD", *HS10_PARTNERS], fill_value=0.0).rename_axis(None, axis=1)
    desc = df.drop_duplicates("hs10").set_index("hs10")["description"]
    w.insert(0, "description", desc.reindex(w.index))
    w.insert(0, "hs4", w.index.str[:4])
    return w.reset_index()


def sector_imports() -> pd.DataFrame:
    """US imports for consumption in 2024 of the reports' sectors (:data:`SECTORS`) from Mexico, Canada
    and China, and each partner's share of US imports of the sector.

    Tidy: sector (short id), label, iso3, value (million USD), world (million USD, all partners),
    share (% of world). Source: :func:`hs10_imports`.
    """
    w = hs10_imports()
    rows = []
    for sid, (label, prefixes) in SECTORS.items():
        sub = w[w["hs10"].str.startswith(prefixes)]
        world = float(sub["WORLD"].sum())
        for iso in HS10_PARTNERS:
            value = float(sub[iso].sum())
            rows.append({"sector": sid, "label": label, "iso3": iso, "value": value, "world": world,
                         "share": 100 * value / world})
    return pd.DataFrame(rows)


def _hs4_label(hs4: str, largest_description: str) -> str:
    """A readable name of an HS heading: :data:`HS4_NAMES`, else the description of its largest product."""
    if hs4 in HS4_NAMES:
        return f"{HS4_NAMES[hs4]} ({hs4})"
    text = largest_description.rsplit("(", 1)[0].strip()
    return f"{text[:38]} ({hs4})"


def _in_sentence(label: str) -> str:
    """A product label inside a sentence: first letter in lower case unless the first word is an acronym."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def runners_up(top: pd.DataFrame, ranks=(2, 3, 4)) -> str:
    """The headings of ``ranks`` of one partner's :func:`top_products` rows as text for a sentence, with
    their values: "computers (8471, 48.3 billion), trucks (8704, 37.2 billion) and ..."."""
    rows = top.set_index("rank").loc[list(ranks)]
    return and_list(f"{_in_sentence(r.label)[:-1]}, {r.value / 1e3:,.1f} billion)" for r in rows.itertuples())


def top_products(n: int = 8) -> pd.DataFrame:
    """The ``n`` largest HS headings (4 digits) of US imports for consumption from Mexico and from Canada
    in 2024. Tidy: iso3, rank, hs4, label, value (million USD), world (million USD, US imports of the
    heading from all partners), share (% of world: the partner's share of US imports of the heading).
    Source: :func:`hs10_imports`.
    """
    w = hs10_imports()
    rows = []
    for iso in ("MEX", "CAN"):
        largest = w.sort_values(iso, ascending=False).drop_duplicates("hs4").set_index("hs4")["description"]
        heads = w.groupby("hs4")[[iso, "WORLD"]].sum().sort_values(iso, ascending=False).head(n)
        for rank, (hs4, r) in enumerate(heads.iterrows(), start=1):
            rows.append({"iso3": iso, "rank": rank, "hs4": hs4, "label": _hs4_label(hs4, largest[hs4]),
                         "value": r[iso], "world": r["WORLD"], "share": 100 * r[iso] / r["WORLD"]})
    return pd.DataFrame(rows)


def consumption_vs_general(year: int = usatrade_hs10.YEAR) -> pd.DataFrame:
    """Imports for consumption (sum of the HS10 file, first release of April 2025) against general imports
    in ``year``, per partner (WORLD, MEX, CAN, CHN), million USD:

    - ``general``: general imports of the same first release (USA Trade Online report of March 2025, row
      "All Commodities"; NaN for China, which that report does not hold), and ``gap_pct`` = consumption /
      general - 1 (%): the foreign-trade-zone and bonded-warehouse effect;
    - ``general_revised``: general imports of the revised Census country.xlsx (early-2026 release), and
      ``gap_revised_pct`` against it, which mixes that effect with the revision.
    """
    w = hs10_imports()
    u = usatrade.hs87_usmca_imports()
    u = u[(u["year"] == year) & (u["hs4"] == "TOTAL") & (u["measure"] == "all")]
    first = u.assign(who=u["iso3"].fillna("WORLD")).set_index("who")["value"]
    rows = [{"iso3": who, "consumption": float(w[who].sum()), "general": float(first.get(who, np.nan)),
             "general_revised": float(_series("WLD" if who == "WORLD" else who, "imports").loc[year])}
            for who in ("WORLD", *HS10_PARTNERS)]
    out = pd.DataFrame(rows)
    return out.assign(gap_pct=100 * (out["consumption"] / out["general"] - 1),
                      gap_revised_pct=100 * (out["consumption"] / out["general_revised"] - 1))


def consumption_direction(gaps) -> str:
    """How imports for consumption compare with general imports of the same release, in words, from the
    gaps in percent: "a little below" / "a little above" when all gaps have one sign and are under 1%,
    "below" / "above" when they are larger, "close to" when the signs differ."""
    gaps = [g for g in gaps if g == g]
    if all(g < 0 for g in gaps) or all(g > 0 for g in gaps):
        side = "below" if gaps[0] < 0 else "above"
        return f"a little {side}" if max(abs(g) for g in gaps) < 1 else side
    return "close to"


def consumption_gaps(year: int = usatrade_hs10.YEAR) -> dict:
    """Where imports for consumption fall furthest below general imports in 2024 (million USD): HS 29
    from the world (general imports: Census API HS2 file) and HS 8708 from Mexico (general imports: USA
    Trade Online HS87 report). Keys: hs29_cons, hs29_gen, veh_parts_mex_cons, veh_parts_mex_gen."""
    w = hs10_imports()
    hs2 = census_hs.hs2_imports()
    hs2 = hs2[(hs2["year"] == year) & (hs2["hs2"] == "29") & (hs2["cty_code"] == census_hs.CODE["WORLD"])]
    u = usatrade.hs87_usmca_imports()
    u = u[(u["year"] == year) & (u["iso3"] == "MEX") & (u["hs4"] == "8708") & (u["measure"] == "all")]
    return {"hs29_cons": float(w.loc[w["hs4"].str.startswith("29"), "WORLD"].sum()),
            "hs29_gen": float(hs2["value"].sum()),
            "veh_parts_mex_cons": float(w.loc[w["hs4"] == "8708", "MEX"].sum()),
            "veh_parts_mex_gen": float(u["value"].sum())}


# ---------------------------------------------------------------------------------------------------
# Revisions, electronics proxy, USMCA claims


def revision_year() -> int:
    """The latest full year of the older (late-2024) release of country.xlsx: the year both releases cover."""
    return census.latest_full_year(OLD)


def revisions(year: int | None = None, iso3s=("MEX", "CAN", "CHN")) -> pd.DataFrame:
    """The same year's values in the late-2024 and the early-2026 releases of country.xlsx (million USD);
    default year: :func:`revision_year`.

    Columns: year, iso3, flow, old, new, revision (new - old), revision_pct.
    """
    year = revision_year() if year is None else year
    rows = []
    for iso in iso3s:
        for flow in ("exports", "imports", "balance"):
            old, new = _series(iso, flow, OLD).loc[year], _series(iso, flow).loc[year]
            rows.append({"year": year, "iso3": iso, "flow": flow, "old": old, "new": new})
    out = pd.DataFrame(rows)
    out["revision"] = out["new"] - out["old"]
    out["revision_pct"] = 100 * out["revision"] / out["old"].abs()
    return out


def electronics_import_shares(years=None, iso3s=("MEX", "CHN", "CAN", "TWN", "VNM")) -> pd.DataFrame:
    """Partner shares (%) of US general imports in electronics-type End-Use groups (a proxy for the
    report's NAICS 334/335 charts: End-Use codes are product groups, not industries), in ``years``
    (default: the first and the last year of the file).

    Columns: group, year, one column per partner. Source: Census End-Use imports by country.
    """
    df = census.enduse_imports()
    years = (int(df["year"].min()), int(df["year"].max())) if years is None else years
    df = df[df["year"].isin(years)]
    rows = []
    for group, codes in ELECTRONICS_ENDUSE.items():
        sub = df[df["end_use"].isin(codes)]
        world = sub[sub["cty_code"] == 0].groupby("year")["value"].sum()
        part = sub[sub["iso3"].isin(iso3s)].groupby(["year", "iso3"])["value"].sum().unstack()
        share = (100 * part.div(world, axis=0)).reindex(columns=list(iso3s))
        for y in years:
            rows.append({"group": group, "year": int(y), **share.loc[y].to_dict()})
    return pd.DataFrame(rows)


def usmca_claim_shares() -> pd.DataFrame:
    """Share (%) of US imports (all goods) from Canada, Mexico and both entered claiming USMCA preference,
    every year of the report. Columns: year, partner (Canada | Mexico | Canada+Mexico), all, usmca (million USD), share.
    Source: USA Trade Online report (:mod:`northam.sources.usatrade`), row "All Commodities"."""
    df = usatrade.hs87_usmca_imports()
    df = df[(df["hs4"] == "TOTAL") & df["iso3"].notna()]
    w = df.pivot_table(index=["year", "partner"], columns="measure", values="value").reset_index()
    both = w.groupby("year", as_index=False)[["all", "usmca"]].sum().assign(partner="Canada+Mexico")
    w = pd.concat([w, both], ignore_index=True).rename_axis(None, axis=1)
    w["share"] = 100 * w["usmca"] / w["all"]
    return w.sort_values(["year", "partner"], ignore_index=True)


# ---------------------------------------------------------------------------------------------------
# Numbers for the prose (glued), one group per section; all in billion USD, percent or years


def _flow_numbers(last: int) -> dict:
    """Exports, imports and balance with Mexico and Canada (billion USD), latest full year and the year before
    NAFTA (1993); the first year of the monthly file."""
    flows = usmca_flows().set_index(["year", "iso3", "flow"])["value"]
    bal = balances_china_mexico().set_index("year")
    pre = NAFTA - 1
    n = {f"{iso.lower()}_{flow}_bn": flows[(last, iso, flow)] / 1e3
         for iso in ("MEX", "CAN") for flow in ("exports", "imports", "balance")}
    return {**n, "first_year": int(census.monthly()["year"].min()),
            "mex_exports_1993_bn": flows[(pre, "MEX", "exports")] / 1e3,
            "mex_balance_1993_bn": flows[(pre, "MEX", "balance")] / 1e3,
            "mex_last_surplus_year": int(bal.index[bal["MEX"] > 0].max())}


def _balance_numbers(last: int) -> dict:
    """Deficits with China and Mexico (billion USD, positive = deficit) and the China peak year."""
    bal = balances_china_mexico().set_index("year")
    return {"chn_deficit_latest_bn": -bal.loc[last, "CHN"] / 1e3, "mex_deficit_latest_bn": -bal.loc[last, "MEX"] / 1e3,
            "chn_deficit_peak_bn": -bal["CHN"].min() / 1e3, "chn_deficit_peak_year": int(bal["CHN"].idxmin())}


def _tdr_and_atp_numbers(last: int) -> dict:
    """Deficit ratios of the latest full year (%) and the ATP balance and deficit (= -balance; billion USD,
    years)."""
    top = top_partners_tdr(last)
    tdr = top.set_index("iso3")["tdr_pct"]
    atp = atp_balance().set_index("year")["balance"]
    return {"top_n": len(top), "tdr_mex_latest": tdr.get("MEX", np.nan), "tdr_can_latest": tdr.get("CAN", np.nan),
            "tdr_chn_latest": tdr.get("CHN", np.nan), "atp_first_year": int(atp.index.min()),
            "atp_first_deficit_year": atp_first_deficit_year(), "atp_balance_latest_bn": atp.loc[last] / 1e3,
            "atp_balance_2024_bn": atp.loc[REPORT_YEAR] / 1e3,  # the report's year
            "atp_deficit_latest_bn": -atp.loc[last] / 1e3, "atp_deficit_2024_bn": -atp.loc[REPORT_YEAR] / 1e3}


def _ytd_numbers() -> dict:
    """January-July trade with Mexico and China in the Wilson Center's years (:data:`WILSON_YTD_YEARS`, keys
    named by year; billion USD) and its change (%)."""
    ytd = ytd_trade().set_index(["year", "iso3"])["total"]
    y0, y1 = WILSON_YTD_YEARS
    n = {f"ytd_{iso.lower()}_{y}_bn": ytd[(y, iso)] / 1e3 for iso in ("MEX", "CHN") for y in WILSON_YTD_YEARS}
    n.update({f"ytd_{iso.lower()}_change_pct": 100 * (ytd[(y1, iso)] / ytd[(y0, iso)] - 1) for iso in ("MEX", "CHN")})
    return n


def _share_numbers(last: int) -> dict:
    """Shares of US goods trade (%), China's and Mexico's peaks, and the years the lead between Mexico and
    China, and between Mexico and Canada, changed hands (see :func:`overtake_year`)."""
    sh = partner_shares().set_index("year")
    o_chn, o_can = overtake_year("MEX", "CHN"), overtake_year("MEX", "CAN")
    n = {"share_first_year": int(sh.index.min()), "share_mex_latest": sh.loc[last, "MEX"],
         "share_can_latest": sh.loc[last, "CAN"], "share_chn_latest": sh.loc[last, "CHN"],
         "share_chn_peak": sh["CHN"].max(), "share_chn_peak_year": int(sh["CHN"].idxmax()),
         "share_mex_peak": sh["MEX"].max(), "share_mex_peak_year": int(sh["MEX"].idxmax())}
    for other, o in (("chn", o_chn), ("can", o_can)):
        n.update({f"mex_over_{other}_first": o["first"], f"mex_over_{other}_since": o["since"],
                  f"mex_over_{other}_lapses": and_list(o["lapses"]) if o["lapses"] else "never"})
    lost = o_chn["lost"]  # None (not glueable: the tests fail) if Mexico was never ahead of China first
    n.update({"mex_over_chn_lost": lost, "mex_over_chn_lost_prev": None if lost is None else lost - 1})
    return n


def _trend_numbers() -> dict:
    """Slopes of the segmented share trends (percentage points a year) with their 95% intervals."""
    n = {}
    for iso in ("CHN", "MEX"):
        r, low = share_trend_break(iso), iso.lower()
        n.update({"break_year": r["break_year"], "trend_start": r["start"], "trend_end": r["end"],
                  "trend_n_years": r["n_years"]})
        n.update({f"{low}_{k}": r[k] for k in ("slope_before", "slope_before_lo", "slope_before_hi",
                                                 "slope_after", "slope_after_lo", "slope_after_hi")})
    return n


def _table_numbers() -> dict:
    """Revisions (billion USD, %), USMCA claim shares (%) and the End-Use computer shares (%)."""
    rev = revisions().set_index(["iso3", "flow"])
    claims_share = usmca_claim_shares().set_index(["year", "partner"])["share"]
    years = claims_share.index.get_level_values("year")
    c_first, c_last = int(years.min()), int(years.max())
    elec = electronics_import_shares()
    e_first, e_last = int(elec["year"].min()), int(elec["year"].max())
    elec = elec.set_index(["group", "year"])
    comp = "Computers and accessories (21300, 21301)"
    return {
        "rev_year": int(rev["year"].iloc[0]), "rev_max_abs_bn": rev["revision"].abs().max() / 1e3,
        "rev_max_abs_pct": rev.loc[rev.index.get_level_values("flow") != "balance", "revision_pct"].abs().max(),
        "usmca_claim_first_year": c_first, "usmca_claim_year": c_last,
        "usmca_claim_can_latest": claims_share[(c_last, "Canada")],
        "usmca_claim_mex_latest": claims_share[(c_last, "Mexico")],
        "usmca_claim_both_latest": claims_share[(c_last, "Canada+Mexico")],
        "elec_first_year": e_first, "elec_last_year": e_last,
        **{f"elec_comp_{iso.lower()}_{k}": elec.loc[(comp, y), iso] for iso in ("MEX", "CHN")
           for k, y in (("first", e_first), ("last", e_last))},
    }


def _product_numbers() -> dict:
    """The 2024 product view: sector shares (%) and values (billion USD), top headings, and the gap
    between imports for consumption and general imports (billion USD, %)."""
    sec = sector_imports().set_index(["sector", "iso3"])
    n = {"hs10_year": usatrade_hs10.YEAR}
    for (sid, iso), r in sec.iterrows():
        n[f"prod_{sid}_{iso.lower()}_share"] = r["share"]
        n[f"prod_{sid}_{iso.lower()}_bn"] = r["value"] / 1e3
        n[f"prod_{sid}_world_bn"] = r["world"] / 1e3
    top = top_products().set_index(["iso3", "rank"])
    for iso in ("MEX", "CAN"):
        low = iso.lower()
        n[f"top_{low}_label"] = _in_sentence(top.loc[(iso, 1), "label"])
        n[f"top_{low}_bn"] = top.loc[(iso, 1), "value"] / 1e3
        n[f"top_{low}_lead_pct"] = 100 * (top.loc[(iso, 1), "value"] / top.loc[(iso, 2), "value"] - 1)
        n[f"top_{low}_next"] = runners_up(top.loc[iso].reset_index())
    cg = consumption_vs_general()
    for r in cg.itertuples():
        low = r.iso3.lower()
        n.update({f"cons_{low}_bn": r.consumption / 1e3, f"gen_rev_{low}_bn": r.general_revised / 1e3,
                  f"cons_vs_gen_rev_{low}_pct": r.gap_revised_pct})
        if r.general == r.general:  # in the first-release report (not China)
            n.update({f"gen_{low}_bn": r.general / 1e3, f"cons_vs_gen_{low}_pct": r.gap_pct})
    n["cons_vs_gen_direction"] = consumption_direction(cg["gap_pct"])
    g = consumption_gaps()
    n.update({"hs29_cons_bn": g["hs29_cons"] / 1e3, "hs29_gen_bn": g["hs29_gen"] / 1e3,
              "veh_parts_mex_cons_bn": g["veh_parts_mex_cons"] / 1e3, "veh_parts_mex_gen_bn": g["veh_parts_mex_gen"] / 1e3})
    return n


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued; keys prefixed ``trade_``), computed from the data."""
    from . import world  # the IMF DOTS extracts of the world-economy section, named in a note on missing data

    last = census.latest_full_year()
    api_years = census_api.goods_trade_by_country()["year"]
    n = {"latest_year": last, "partial_year": int(census.published_months().index.max()),
         "partial_year_months": int(census.published_months().iloc[-1]),
         "partial_year_months_text": count(census.published_months().iloc[-1], "published month"),
         "api_first_year": int(api_years.min()), "api_last_year": int(api_years.max()),
         "dots_last_year": world.dots_common_last_year()}
    for part in (_flow_numbers(last), _balance_numbers(last), _tdr_and_atp_numbers(last), _ytd_numbers(),
                 _share_numbers(last), _trend_numbers(), _table_numbers(), _product_numbers()):
        n.update(part)
    return {f"trade_{k}": (v.item() if hasattr(v, "item") else v) for k, v in n.items()}


_HS10 = "USA Trade Online HS10 imports for consumption"
_API_SRC = "Census API compilation (census_api_us_goods_trade_by_country_2013-2024.xlsx)"
_CX = "Census country.xlsx, early-2026 release"
_NAP = "Goal 3, Global trade: North America, the world's technological frontier"
_WIL = "Nearshoring"
_ATP_SEC = "Goal 3, Building the world's most advanced technological region"
_AERO = "Goal 3, The strategic importance of USMCA in the aerospace industry"
_NAD = "North America in data, numbers and facts"
_GATE = f"{_NAD}: trade is a gateway to the future"
_ATP_NEEDED = ("Census ATP trade by partner country and ATP category (FT-900 Exhibit 16 / USA Trade Online "
               "ATP codes); the mirror holds only the ATP total (code 0007)")
_COMTRADE = "UN Comtrade (or national customs) trade of the three countries and the world by HS code"
_MED = f"{_COMTRADE}, medical devices (e.g. HS 9018-9022), 2013 and 2023"
_EE = f"{_COMTRADE}, HS 85 (electrical and electronic goods), 2013 and 2023"
_SIA = "Semiconductor Industry Association / Boston Consulting Group industry estimates; not open data"
_AERO_RANK = "World exports of aerospace products by country (UN Comtrade HS 88)"
_AERO_SELLERS = {"Canada": 4_671_876_390, "Sweden": 140_190_810, "Russia": 109_825_084, "Austria": 30_743_380}


def claims() -> list[Claim]:
    """Report figures on goods trade, next to the value the Census files give."""
    api = tdr_api(2024).set_index("iso3")
    sec = sector_imports().set_index(["sector", "iso3"])
    return [*_claims_partner_balances(api), *_claims_region_on_global_stage(api), *_claims_atp_balance(),
            *_claims_nearshoring_ytd(), *_claims_usmca_north_america(), *_claims_atp_partners(),
            *_claims_aerospace(sec), *_claims_medical_devices(sec), *_claims_electronics(sec),
            *_claims_aerospace_semiconductors()]


def _claims_partner_balances(api: pd.DataFrame) -> list[Claim]:
    """NAP2025 Goal 3, Global trade: deficits relative to exports with Canada, Mexico and China (2024)."""
    return [
        Claim(CHAPTER, "US trade deficit with Canada was 18% of US exports to Canada in 2024", "NAP2025",
              _NAP, 18, api.loc["CAN", "tdr_pct"], "%",
              basis=f"(imports - exports) / exports, Canada, 2024, {_API_SRC}"),
        Claim(CHAPTER, "US trade deficit with Mexico was 51% of US exports to Mexico in 2024", "NAP2025",
              _NAP, 51, api.loc["MEX", "tdr_pct"], "%",
              basis=f"(imports - exports) / exports, Mexico, 2024, {_API_SRC}"),
        Claim(CHAPTER, "US trade deficit with China was more than twice US exports to China in 2024", "NAP2025",
              _NAP, 200, api.loc["CHN", "tdr_pct"], "%", comparison="more than",
              basis=f"(imports - exports) / exports, China, 2024, {_API_SRC}; the report states a lower bound"),
    ]


def _claims_region_on_global_stage(api: pd.DataFrame) -> list[Claim]:
    """NAP2025 North America in data: the USMCA region on the global stage (trade totals and firms)."""
    from . import north_america, world

    stage = f"{_NAD}: the USMCA region on the global stage"
    dots_year = world.dots_last_year()["MEX"]
    rivals = world.mexico_imports_us_vs_rivals(dots_year)
    return [
        Claim(CHAPTER, "Canada and the United States traded 762 billion dollars in 2024", "NAP2025",
              stage, 762, api.loc["CAN", "total"] / 1e3, "billion USD",
              basis=f"US exports to + imports from Canada, goods, 2024, {_API_SRC}"),
        *north_america.trade_total_claims(CHAPTER),
        Claim(CHAPTER, "Mexico imported 251 billion dollars from the United States in 2024", "NAP2025",
              stage, 251, api.loc["MEX", "exports"] / 1e3, "billion USD",
              measure="other",
              reason="Other reporter: the report's figure is Mexican-recorded imports (INEGI/Banxico); the data "
                     "value is US-recorded exports to Mexico (Census). Mirror flows differ by valuation, timing "
                     "and the attribution of origin, so the two are not expected to agree.",
              basis=f"US exports to Mexico, 2024, {_API_SRC}"),
        Claim(CHAPTER, "Mexico's imports from the US exceed its imports from the UK, Japan, Germany, South Korea "
              "and India combined (2024)", "NAP2025", stage, 1, float(rivals["us_bn"] > rivals["rivals_bn"]),
              "1 = holds, 0 = does not", measure="other",
              reason=f"Other period: Mexico's own import records in the mirror (IMF DOTS) end in {dots_year}; in "
                     f"{dots_year} Mexico imported {rivals['us_bn']:.1f} billion dollars from the US and "
                     f"{rivals['rivals_bn']:.1f} billion from the five combined ({rivals['ratio']:.1f} times as "
                     "much from the US). 2024 needs INEGI/Banxico data.",
              basis=f"Mexico's imports (CIF) from the US and from the UK, Japan, Germany, South Korea and India, "
                    f"{dots_year}, IMF DOTS (Mexican records)"),
        Claim(CHAPTER, "Around 1,827 Canadian companies export to Mexico (Statistics Canada)", "NAP2025",
              stage, 1827, None, "companies", kind="count",
              needed="Statistics Canada Trading by Exporter Characteristics (TEC) by destination"),
        Claim(CHAPTER, "17,235 Canadian companies import from Mexico (Statistics Canada)", "NAP2025",
              stage, 17235, None, "companies", kind="count",
              needed="Statistics Canada importer register counts by country of origin"),
        world.mexico_canada_claim(CHAPTER),
    ]


def _claims_atp_balance() -> list[Claim]:
    """NAP2025 Goal 3, most advanced technological region: the US ATP balance and its first deficit year."""
    atp = atp_balance().set_index("year")["balance"]
    return [
        Claim(CHAPTER, "US balance in advanced technology products was -298.9 billion dollars in 2024",
              "NAP2025", _ATP_SEC, -298.9, atp.loc[2024] / 1e3, "billion USD",
              reason="Census revision between the report's release and the early-2026 file.",
              basis=f"ATP (code 0007) exports - imports, 2024, {_CX}"),
        Claim(CHAPTER, "The US became a net importer of advanced technology products in 2002", "NAP2025",
              _ATP_SEC, 2002, atp_first_deficit_year(), "year",
              basis=f"first year since which the ATP (code 0007) balance is negative every year, {_CX}"),
    ]


def _claims_nearshoring_ytd() -> list[Claim]:
    """WILSON2023 Nearshoring: January-July trade with Mexico, China and ASEAN, 2018 against 2023."""
    ytd = ytd_trade().set_index(["year", "iso3"])["total"]
    asean = _asean_ytd_growth()
    return [
        Claim(CHAPTER, "US-Mexico trade, January-July 2023: 461.9 billion dollars", "WILSON2023", _WIL, 461.9,
              ytd[(2023, "MEX")] / 1e3, "billion USD", reason="Census revisions since the 2023 release.",
              basis=f"US exports + imports with Mexico, Jan-Jul 2023, {_CX}"),
        Claim(CHAPTER, "US-Mexico trade, January-July 2018: 351.5 billion dollars", "WILSON2023", _WIL, 351.5,
              ytd[(2018, "MEX")] / 1e3, "billion USD", reason="Census revisions since the 2018 release.",
              basis=f"US exports + imports with Mexico, Jan-Jul 2018, {_CX}"),
        Claim(CHAPTER, "US-China trade, January-July 2023: 322.3 billion dollars", "WILSON2023", _WIL, 322.3,
              ytd[(2023, "CHN")] / 1e3, "billion USD",
              basis=f"US exports + imports with China, Jan-Jul 2023, {_CX}"),
        Claim(CHAPTER, "US-China trade, January-July 2018: 371.1 billion dollars", "WILSON2023", _WIL, 371.1,
              ytd[(2018, "CHN")] / 1e3, "billion USD",
              basis=f"US exports + imports with China, Jan-Jul 2018, {_CX}"),
        Claim(CHAPTER, "US-Mexico trade Jan-Jul grew 24% from 2018 to 2023", "WILSON2023", _WIL, 24,
              100 * (ytd[(2023, "MEX")] / ytd[(2018, "MEX")] - 1), "%", kind="growth",
              report_inputs={"Jan-Jul 2023": 461.9, "Jan-Jul 2018": 351.5}, arithmetic="growth",
              quote="a 24% increase over the July 2018 figure of $351.5 billion",
              reason="(461.9 - 351.5) / 461.9 = 23.9%: the report divides the increase by the later year, not "
                     "by 2018. It computes the China figure the right way.",
              basis=f"change in Jan-Jul US-Mexico trade, 2018 to 2023, {_CX}"),
        Claim(CHAPTER, "US-China trade Jan-Jul fell 13% from 2018 to 2023", "WILSON2023", _WIL, -13,
              100 * (ytd[(2023, "CHN")] / ytd[(2018, "CHN")] - 1), "%", kind="growth",
              report_inputs={"Jan-Jul 2023": 322.3, "Jan-Jul 2018": 371.1}, arithmetic="growth",
              quote="a small yet meaningful 13% decrease from $371.1 billion",
              basis=f"change in Jan-Jul US-China trade, 2018 to 2023, {_CX}"),
        Claim(CHAPTER, "US-ASEAN trade is up 46% from 2018 levels", "WILSON2023", _WIL, 46, asean, "%",
              kind="growth", quote="Trade between the United States and the Association of Southeast Asian "
              "Nations ... is up 46% from 2018 levels",
              reason="The report does not give the period (its source is a 2019 USTR fact sheet); the data value "
                     "uses the paragraph's comparison, January-July 2023 against January-July 2018. Full years "
                     "give more (2022 against 2018: about two-thirds).",
              basis=f"US exports + imports with the ten ASEAN members, Jan-Jul 2023 / Jan-Jul 2018 - 1, {_CX}"),
        Claim(CHAPTER, "Mexico's trade deficit with China reached 8.89 billion dollars by June 2023", "WILSON2023",
              _WIL, 8.89, None, "billion USD", needed="Mexico's trade with China by month (INEGI/Banxico balanza "
              "comercial por país); the mirror's IMF DOTS extracts end in 2020"),
        Claim(CHAPTER, "Mexico's imports from China rose 40% from their lowest level in 2018", "WILSON2023", _WIL,
              40, None, "%", kind="growth", needed="Mexico's imports from China by month, 2018-2023 (INEGI)"),
    ]


def _claims_usmca_north_america() -> list[Claim]:
    """WILSON2023 USMCA and North America: Mexico and Canada's share of US trade, and against China."""
    ytd_both = ytd_share_of_world(("MEX", "CAN"), 2023, 7)
    mc22 = _series("MEX", "total").loc[2022] + _series("CAN", "total").loc[2022]
    ch22 = _series("CHN", "total").loc[2022]
    return [
        Claim(CHAPTER, "Mexico and Canada together: 31% of US goods trade as of July 2023", "WILSON2023",
              "USMCA and North America", 31, ytd_both, "%",
              basis=f"(Mexico + Canada) / world, exports + imports, Jan-Jul 2023, {_CX}"),
        Claim(CHAPTER, "US goods trade with Mexico and Canada in 2022 was 44% higher than with China",
              "WILSON2023", "USMCA and North America", 44, 100 * (mc22 / ch22 - 1), "%", kind="growth",
              reason="The sentence is ambiguous and no reading matches: Mexico and Canada together exceed China "
                     f"by far more; Mexico alone by {100 * (_series('MEX', 'total').loc[2022] / ch22 - 1):.0f}%, "
                     f"Canada alone by {100 * (_series('CAN', 'total').loc[2022] / ch22 - 1):.0f}%.",
              basis=f"(US-Mexico + US-Canada) / US-China goods trade - 1, 2022, {_CX}"),
    ]


def _claims_atp_partners() -> list[Claim]:
    """NAP2025 Goal 3, most advanced technological region: ATP deficit by category and partner (not in data)."""
    shares = [("China", 23), ("Taiwan", 20), ("Ireland", 20), ("Mexico", 16), ("Thailand", 7), ("Malaysia", 6),
              ("South Korea", 5)]
    return [
        Claim(CHAPTER, "ATP: 'Information & Communications' is 77.4% of the ATP deficit (-231.5 bn)", "NAP2025",
              _ATP_SEC, 77.4, None, "%", report_inputs={"ATP 4 balance": 231.5, "ATP balance": 298.9},
              arithmetic="share", needed=f"{_ATP_NEEDED}."),
        Claim(CHAPTER, "ATP 4 (Information & Communications) balance: -231.5 billion dollars (2024)", "NAP2025",
              _ATP_SEC, -231.5, None, "billion USD", needed=f"{_ATP_NEEDED}."),
        Claim(CHAPTER, "Seven countries account for 98% of the US ATP deficit", "NAP2025", _ATP_SEC, 98, None, "%",
              report_inputs=dict(shares), arithmetic="sum",
              needed=f"{_ATP_NEEDED}. The report's seven shares sum to 97%, within their rounding."),
        *[Claim(CHAPTER, f"{name} accounts for {share}% of the US ATP deficit", "NAP2025", _ATP_SEC, share, None,
                "%", needed=f"{_ATP_NEEDED}.")
          for name, share in shares],
        Claim(CHAPTER, "Mexico ranks fourth in the US ATP deficit", "NAP2025", _ATP_SEC, 4, None, "rank",
              needed=f"{_ATP_NEEDED}."),
        Claim(CHAPTER, "Mexico is the largest export market for US advanced technology products", "NAP2025",
              _ATP_SEC, 1, None, "rank", needed=f"{_ATP_NEEDED}."),
        Claim(CHAPTER, "For every 100 dollars of ATP Mexico exports to the US, the US exports 54 back", "NAP2025",
              _ATP_SEC, 54, None, "USD per 100 USD", needed=f"{_ATP_NEEDED}."),
        *[Claim(CHAPTER, f"ATP 4 balance with {name}: {value} billion dollars (2024)", "NAP2025", _ATP_SEC, value,
                None, "billion USD", needed=f"{_ATP_NEEDED}.")
          for name, value in [("China", -97.6), ("Taiwan", -57.9), ("Mexico", -34.8)]],
    ]


def _claims_aerospace(sec: pd.DataFrame) -> list[Claim]:
    """NAP2025 Goal 3, aerospace and USMCA: Canada's share of US aerospace imports and ATP 8 balances."""
    return [
        Claim(CHAPTER, "94% of US aerospace product imports come from Canada", "NAP2025", _AERO, 94,
              sec.loc[("aero", "CAN"), "share"], "%", measure="other",
              quote="94% of U.S. aerospace product imports come from Canada",
              reason=f"The data hold US imports of HS 88 (aircraft, spacecraft and parts; ATP 8 also counts "
                     f"engines) in 2024: Canada supplies {sec.loc[('aero', 'CAN'), 'share']:.0f}%. The report's "
                     f"94% matches Canada's share of the US deficits with the four net sellers of its own ATP 8 "
                     f"table ({100 * _AERO_SELLERS['Canada'] / sum(_AERO_SELLERS.values()):.1f}%), not a share of "
                     "imports.",
              basis=f"US imports for consumption, HS 88, from Canada / world, 2024, {_HS10}"),
        *[Claim(CHAPTER, f"ATP 8 (aerospace) balance with {name}: {value / 1e9:,.2f} billion dollars", "NAP2025",
                _AERO, value / 1e9, None, "billion USD", rounding=1e-9,
                quote=f"{name}: {'(-) ' if value < 0 else ''}${abs(value):,}",
                needed="Census ATP 8 (aerospace) exports and imports by partner.")
          for name, value in [("China", 10_708_339_542), ("Brazil", 8_271_632_517), ("Singapore", 5_749_032_870),
                              ("United Kingdom", 4_796_385_286),
                              *[(k, -v) for k, v in _AERO_SELLERS.items()]]],
    ]


def _claims_medical_devices(sec: pd.DataFrame) -> list[Claim]:
    """NAP2025 North America in data, trade is a gateway: medical devices and pharmaceutical ingredients."""
    return [
        Claim(CHAPTER, "Regional trade in medical devices was 12 billion dollars in 2013", "NAP2025", _GATE, 12,
              None, "billion USD", needed=_MED),
        Claim(CHAPTER, "Regional trade in medical devices rose from 12 to 20 billion dollars, 2013-2023",
              "NAP2025", _GATE, 20, _two(sec, "med"), "billion USD", measure="other",
              reason="The data hold one side of one leg: US imports of HS 9018-9022 from Mexico and Canada in 2024. "
                     "They alone come close to the report's total for trade in both directions among all three "
                     "countries in 2023.",
              basis=f"US imports for consumption, HS 9018-9022, from Mexico + Canada, 2024, {_HS10}"),
        Claim(CHAPTER, "Trade in medical devices in North America has doubled in the last decade", "NAP2025", _GATE,
              2, None, "times", kind="ratio", rounding=0.25,
              report_inputs={"2023": 20, "2013": 12}, arithmetic="ratio",
              quote="Trade in medical devices in North America has doubled in the last decade",
              reason="The bullet below the headline says 'nearly doubled'; 12 to 20 billion is two-thirds more.",
              needed=_MED),
        *[Claim(CHAPTER, f"{name}: {share}% of world medical device exports (2023)", "NAP2025", _GATE, share, None,
                "%", needed=f"{_COMTRADE}, medical devices, 2023")
          for name, share in [("United States", 20.9), ("Germany", 11.0), ("Mexico", 10.5)]],
        *[Claim(CHAPTER, f"{name}'s medical device exports grew {g}% from 2013 to 2023", "NAP2025", _GATE, g, None,
                "%", kind="growth", needed=_MED)
          for name, g in [("The United States", 41.5), ("Mexico", 146), ("Canada", 93.1)]],
        *[Claim(CHAPTER, f"Medical device imports to {name} rose by over 100% from 2013 to 2023", "NAP2025", _GATE,
                100, None, "%", kind="growth", comparison="over", needed=_MED)
          for name in ("Mexico", "the United States")],
        Claim(CHAPTER, "Medical device imports to Canada rose 44.1% from 2013 to 2023", "NAP2025", _GATE, 44.1,
              None, "%", kind="growth", needed=_MED),
        Claim(CHAPTER, "Regional trade in active pharmaceutical ingredients was close to 15.4 billion dollars "
              "(2023)", "NAP2025", _GATE, 15.4, None, "billion USD", needed=f"{_COMTRADE}, active pharmaceutical "
              "ingredients (HS 2941 and related), 2023"),
    ]


def _claims_electronics(sec: pd.DataFrame) -> list[Claim]:
    """NAP2025 North America in data, trade is a gateway: electrical and electronic goods."""
    elec = _electronics_usmca_share(2023)
    return [
        Claim(CHAPTER, "Regional trade in electrical and electronic goods was 135 billion dollars ten years before "
              "2023", "NAP2025", _GATE, 135, None, "billion USD", needed=_EE),
        Claim(CHAPTER, "Regional trade in electrical and electronic goods reached 182 billion dollars in 2023",
              "NAP2025", _GATE, 182, _two(sec, "elec"), "billion USD", measure="other",
              reason="The data hold one side of one leg: US imports of HS 85 from Mexico and Canada in 2024; US "
                     "exports to them and the Mexico-Canada leg are not in the mirror.",
              basis=f"US imports for consumption, HS 85, from Mexico + Canada, 2024, {_HS10}"),
        Claim(CHAPTER, "Trade in electrical and electronic goods in the region increased by 35% in ten years",
              "NAP2025", _GATE, 35, None, "%", kind="growth", report_inputs={"2023": 182, "2013": 135},
              arithmetic="growth", needed=_EE),
        Claim(CHAPTER, "USMCA suppliers are 28% of the three countries' electronics imports (2023)", "NAP2025",
              _GATE, 28, elec, "%", measure="other",
              reason="The data hold US imports only, in electronics-type End-Use groups (product groups, not "
                     "the report's HS/NAICS scope); Mexico's and Canada's imports are not in the mirror.",
              basis="Mexico + Canada / world, US general imports in End-Use groups 21300, 21301, 21320, 21400, "
                    "20000, 20005, 2023, Census End-Use file"),
        *[Claim(CHAPTER, f"{name} ranks {r} among exporters of electrical and electronic goods (2023)", "NAP2025",
                _GATE, r, None, "rank", needed=f"{_COMTRADE}, HS 85, 2023, all exporters")
          for name, r in [("The United States", 6), ("Mexico", 9), ("Canada", 30)]],
        *[Claim(CHAPTER, f"{name}: {share}% of world electronics exports (2023)", "NAP2025", _GATE, share, None,
                "%", needed=f"{_COMTRADE}, HS 85, 2023, all exporters")
          for name, share in [("China", 31.4), ("Taiwan", 8.57), ("South Korea", 6.22), ("Japan", 4.03)]],
    ]


def _claims_aerospace_semiconductors() -> list[Claim]:
    """NAP2025 North America in data, trade is a gateway: aerospace export ranks and semiconductors."""
    return [
        Claim(CHAPTER, "The United States is the world's largest exporter of aerospace products", "NAP2025", _GATE,
              1, None, "rank", needed=_AERO_RANK),
        Claim(CHAPTER, "Canada is the fourth largest exporter of aerospace products", "NAP2025", _GATE, 4, None,
              "rank", needed=_AERO_RANK),
        Claim(CHAPTER, "Mexico is not among the top 10 aerospace exporters", "NAP2025", _GATE, 10, None, "rank",
              comparison="over", needed=_AERO_RANK),
        Claim(CHAPTER, "Annual semiconductor market growth of 19% compared to 2023", "NAP2025", _GATE, 19, None, "%",
              kind="growth", needed=_SIA),
        Claim(CHAPTER, "The US led semiconductor design with over 60% market share (2022)", "NAP2025", _GATE, 60,
              None, "%", comparison="over", needed=_SIA),
        Claim(CHAPTER, "East Asia holds more than 70% of global semiconductor materials processing and production "
              "capacity (2022)", "NAP2025", _GATE, 70, None, "%", comparison="more than", needed=_SIA),
        Claim(CHAPTER, "About 40% of global semiconductor assembly takes place in China", "NAP2025", _GATE, 40, None,
              "%", needed=_SIA),
        Claim(CHAPTER, "US semiconductor production capacity increased 11% between 2012 and 2022", "NAP2025", _GATE,
              11, None, "%", kind="growth", needed=_SIA),
        Claim(CHAPTER, "US semiconductor capacity is expected to triple by 2032", "NAP2025", _GATE, 3, None, "times",
              kind="ratio", needed=f"A projection ({_SIA})"),
        Claim(CHAPTER, "China's semiconductor capacity grew more than 300% in the last decade", "NAP2025", _GATE,
              300, None, "%", kind="growth", comparison="more than", needed=_SIA),
        Claim(CHAPTER, "The US semiconductor industry employs more than 300,000 people", "NAP2025", _GATE, 300_000,
              None, "jobs", kind="count", comparison="more than",
              needed="BLS CES/QCEW employment in NAICS 334413 (semiconductors) and design services; not in the "
                     "mirror"),
        *[Claim(CHAPTER, f"{name}: {share}% of the global semiconductor market (2023)", "NAP2025", _GATE, share,
                None, "%", needed=_SIA)
          for name, share in [("The United States", 50), ("Korea", 14), ("China", 7)]],
    ]


def _two(sec: pd.DataFrame, sector: str) -> float:
    """US imports of a sector from Mexico + Canada (billion USD), from :func:`sector_imports` indexed."""
    return float((sec.loc[(sector, "MEX"), "value"] + sec.loc[(sector, "CAN"), "value"]) / 1e3)


def _asean_ytd_growth(through_month: int = 7) -> float:
    """Percent change of US goods trade with the ten ASEAN members, January..``through_month`` 2023 against
    2018 (Census country.xlsx, latest vintage)."""
    members = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")
    m = census.monthly()
    m = m[m["iso3"].isin(members) & m["year"].isin((2018, 2023)) & (m["month"] <= through_month)]
    if not m["published"].all() or m["iso3"].nunique() != len(members):
        raise census.PartialYearError("ASEAN months 1-7 of 2018 and 2023 not all published")
    t = m.groupby("year")["value"].sum()
    return float(100 * (t[2023] / t[2018] - 1))


def _electronics_usmca_share(year: int) -> float:
    """Mexico + Canada as a percent of US general imports in the electronics-type End-Use groups, ``year``."""
    df = census.enduse_imports()
    codes = [c for group in ELECTRONICS_ENDUSE.values() for c in group]
    df = df[(df["year"] == year) & df["end_use"].isin(codes)]
    world = df.loc[df["cty_code"] == 0, "value"].sum()
    return float(100 * df.loc[df["iso3"].isin(["MEX", "CAN"]), "value"].sum() / world)
