"""Generator of notebooks/03-trade.ipynb (run from the repository root, then `python -m northam stamp`)."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
cells = [
    md("""# Trade: USMCA goods trade and the deficits in context

**The question.** How have US exports to and imports from Mexico and Canada grown since NAFTA, how do the
US deficits with its neighbours compare with the deficit with China, and do the trade figures the two reports
quote hold up against the Census files?

The opening chapter showed the size of US trade with its two neighbours. This chapter looks inside it: the two
directions of trade, the balances, the ratio of deficit to exports that one of the reports uses, advanced
technology products, the nearshoring comparison with China, and each partner's share of US trade."""),
    code("""from northam import charts, claims, page
from northam.analysis import trade

page.begin(
    "trade",
    sources=[
        "census_country_goods_trade_1985-2026jan.xlsx",
        "census_country_goods_trade_1985-2024ytd.xlsx",
        "census_api_us_goods_trade_by_country_2013-2024.xlsx",
        "census_enduse_imports_by_country_2016-2025.xlsx",
        "usatradeonline_hs87_imports_usmca_claims_2022-2024.xlsx",
    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **US goods trade by partner country**, monthly from 1985, US Census Bureau (`country.xlsx`, release of early
  2026) {cite:p}`census_country_goods_trade_1985_2026jan`. Million current US dollars; imports are general
  imports at Customs value, exports are total exports (F.A.S.); not adjusted for inflation or seasonality. It also
  carries the total of Advanced Technology Products (code 0007) and the world total. Months not yet published are
  zero-filled: the loader counts published months, and only full years are used as years. The latest year in the
  file, {glue:text}`trade_partial_year`, has {glue:text}`trade_partial_year_months` published month(s) and is left out.
- **The late-2024 release of the same file** {cite:p}`census_country_goods_trade_1985_2024ytd`, used only to show
  how much Census revises a year.
- **US goods trade by partner, 2013–2024, from the Census international trade API**, compiled for a UN DESA
  briefing {cite:p}`census_api_us_goods_trade_by_country_2013_2024`: the revised 2024 values the report's
  deficit ratios rest on (whole dollars, converted to millions).
- **US imports by partner and End-Use code, 2016–2025** {cite:p}`census_enduse_imports_by_country_2016_2025`, and
  **US imports claiming USMCA preference, 2022–2024**, from USA Trade Online
  {cite:p}`usatradeonline_hs87_imports_usmca_claims_2022_2024`.
- **Missing here:** trade in Advanced Technology Products by partner and by category, industry (NAICS) detail,
  and trade between Mexico and Canada in recent years. The notes at the end say what data would be needed."""),
    code("""numbers = trade.key_numbers()
page.glue_all(numbers)
SRC = "US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, early-2026 release)\"""", metadata=HIDE),
    md("""## Exports, imports and balance with Mexico and Canada

US trade with each neighbour in both directions, and the balance (exports minus imports)."""),
    code("""flows = trade.usmca_flows()
bn = flows.assign(value=flows["value"] / 1e3).pivot_table(index="year", columns=["iso3", "flow"], values="value")
fig, (ax, ax2) = charts.figure("US goods exports and imports with Mexico and Canada",
                               "Billion current US dollars, full years; lower panel: balance (exports minus imports)",
                               nrows=2, sharex=True, figsize=(7.5, 6.2), height_ratios=[2, 1])
for iso in ["MEX", "CAN"]:
    c, lab = charts.country_color(iso), charts.country_label(iso)
    ax.plot(bn.index, bn[(iso, "exports")], color=c, label=f"Exports to {lab}")
    ax.plot(bn.index, bn[(iso, "imports")], color=c, linestyle="--", label=f"Imports from {lab}")
    ax2.plot(bn.index, bn[(iso, "balance")], color=c, label=lab)
ax2.axhline(0, color="#666666", linewidth=0.8)
for a in (ax, ax2):
    charts.mark_years(a, {trade.NAFTA: "NAFTA", trade.USMCA: "USMCA"})
ax.legend(loc="upper left", bbox_to_anchor=(0, 0.9), fontsize=8.5)
last = int(bn.index.max())
charts.publish(
    fig, "trade-usmca-flows", data=flows.assign(unit="million USD"), source=SRC,
    alt=(f"Two-panel line chart, {int(bn.index.min())} to {last}. Upper panel: US exports to and imports from Mexico "
         f"and Canada all rise; imports from Mexico reach {bn.loc[last, ('MEX', 'imports')]:,.0f} billion dollars in "
         f"{last}, exports to Mexico {bn.loc[last, ('MEX', 'exports')]:,.0f} billion. Lower panel: the balance with "
         f"Mexico turns negative after 1994 and falls to {bn.loc[last, ('MEX', 'balance')]:,.0f} billion; the balance "
         f"with Canada is {bn.loc[last, ('CAN', 'balance')]:,.0f} billion."),
    caption="US goods exports (solid) and imports (dashed) with Mexico and Canada, and the balance. Dashed "
            "vertical lines mark NAFTA (January 1994) and USMCA (July 2020).",
)""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`trade_latest_year` the United States exported
{glue:text}`trade_mex_exports_bn:,.0f` billion dollars of goods to Mexico and imported {glue:text}`trade_mex_imports_bn:,.0f`
billion, a balance of {glue:text}`trade_mex_balance_bn:,.0f` billion. With Canada, exports were
{glue:text}`trade_can_exports_bn:,.0f` billion and imports {glue:text}`trade_can_imports_bn:,.0f` billion (balance
{glue:text}`trade_can_balance_bn:,.0f` billion). In 1993, the year before NAFTA, exports to Mexico were
{glue:text}`trade_mex_exports_1993_bn:,.0f` billion and the balance with Mexico was a surplus of
{glue:text}`trade_mex_balance_1993_bn:,.1f` billion; the last surplus was in {glue:text}`trade_mex_last_surplus_year`."""),
    md("""## The deficits with China and Mexico

One of the reports charts the two deficits from 1990 {cite:p}`nap2025`."""),
    code("""bal = trade.balances_china_mexico()
fig, ax = charts.figure("US goods trade balance with China and Mexico",
                        "Exports minus imports, billion current US dollars, full years")
for iso in ["CHN", "MEX"]:
    ax.plot(bal["year"], bal[iso] / 1e3, color=charts.country_color(iso), label=charts.country_label(iso))
ax.axhline(0, color="#666666", linewidth=0.8)
charts.mark_years(ax, {2018: "Tariffs on China"}, ymax_frac=0.2)
ax.legend(loc="lower left")
charts.publish(
    fig, "trade-balances-chn-mex", data=bal.assign(unit="million USD"), source=SRC,
    alt=(f"Line chart of the US goods balance with China and with Mexico, {bal['year'].min()} to {bal['year'].max()}. "
         f"The deficit with China deepens to {numbers['trade_chn_deficit_peak_bn']:,.0f} billion dollars in "
         f"{numbers['trade_chn_deficit_peak_year']} and narrows to {numbers['trade_chn_deficit_latest_bn']:,.0f} billion; "
         f"the deficit with Mexico widens steadily to {numbers['trade_mex_deficit_latest_bn']:,.0f} billion."),
    caption="US goods trade balance with China and with Mexico. The dashed line marks the first US tariffs "
            "on Chinese goods (2018).",
)""", metadata=HIDE),
    md("""**Finding.** The US deficit with China peaked at {glue:text}`trade_chn_deficit_peak_bn:,.0f` billion dollars in
{glue:text}`trade_chn_deficit_peak_year` and was {glue:text}`trade_chn_deficit_latest_bn:,.0f` billion in
{glue:text}`trade_latest_year`; the deficit with Mexico reached {glue:text}`trade_mex_deficit_latest_bn:,.0f` billion."""),
    md("""## Deficits measured against exports

The North American Project divides each deficit by US exports to the same partner, a *trade deficit ratio*
{cite:p}`nap2025`: a low ratio means the partner buys back most of what it sells. The chart uses the latest full
year; the report's 2024 ratios are set against the API file, their basis, in the table of claims below."""),
    code("""top = trade.top_partners_tdr()
fig, ax = charts.figure(f"Top {len(top)} US goods-trade partners, {int(top['year'][0])}",
                        "Billion current US dollars; label: deficit as % of US exports to the partner")
y = range(len(top))[::-1]
ax.barh([v + 0.2 for v in y], top["exports"] / 1e3, height=0.4, color="#0072B2", label="US exports")
ax.barh([v - 0.2 for v in y], top["deficit"] / 1e3, height=0.4, color="#BBBBBB", label="US deficit")
for v, (_, r) in zip(y, top.iterrows()):
    ax.text(max(r["exports"], r["deficit"]) / 1e3 + 5, v, f"{r['tdr_pct']:.0f}%", va="center", fontsize=9)
ax.set_yticks(list(y), top["partner"])
ax.grid(axis="x"); ax.grid(axis="y", visible=False)
ax.legend(loc="lower right")
charts.publish(
    fig, "trade-top-partners-tdr", data=top.assign(unit="million USD; tdr_pct in %"), source=SRC,
    alt=("Horizontal bar chart of US exports and US deficit for the five largest partners. The deficit is "
         + "; ".join(f"{r.partner} {r.tdr_pct:.0f}%" for r in top.itertuples()) + " of US exports."),
    caption="US exports to, and deficit with, the five largest US goods-trade partners in the latest full year; "
            "the label is the deficit as a share of US exports to that partner.",
)""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`trade_latest_year` the deficit with Canada was {glue:text}`trade_tdr_can_latest:.0f`%
of US exports to Canada and the deficit with Mexico {glue:text}`trade_tdr_mex_latest:.0f`%, while the deficit with
China was {glue:text}`trade_tdr_chn_latest:.0f`% of US exports to China."""),
    md("""## Advanced Technology Products

Census publishes a total for trade in Advanced Technology Products (ATP, code 0007); the report charts its
balance {cite:p}`nap2025`."""),
    code("""atp = trade.atp_balance()
fig, ax = charts.figure("US trade balance in Advanced Technology Products",
                        "Exports minus imports, billion current US dollars, all partners, full years")
b = atp["balance"] / 1e3
ax.bar(atp["year"], b, color=["#0072B2" if v >= 0 else "#D55E00" for v in b])
ax.axhline(0, color="#666666", linewidth=0.8)
charts.publish(
    fig, "trade-atp-balance", data=atp.assign(unit="million USD"), source=SRC + ", code 0007",
    alt=(f"Bar chart of the US ATP trade balance, {atp['year'].min()} to {atp['year'].max()}: surpluses until "
         f"{numbers['trade_atp_first_deficit_year'] - 1}, deficits every year from "
         f"{numbers['trade_atp_first_deficit_year']}, reaching {b.iloc[-1]:,.0f} billion dollars in {atp['year'].max()}."),
    caption="US trade balance in Advanced Technology Products (all ten categories, all partners). "
            "Blue: surplus; orange: deficit.",
)""", metadata=HIDE),
    md("""**Finding.** The ATP balance, a surplus when the series starts in {glue:text}`trade_atp_first_year`, has been
in deficit every year since {glue:text}`trade_atp_first_deficit_year`; the deficit was
{glue:text}`trade_atp_balance_2024_bn:,.1f` billion dollars in 2024 and {glue:text}`trade_atp_balance_latest_bn:,.1f`
billion in {glue:text}`trade_latest_year`."""),
    md("""## Nearshoring: Mexico and China, January to July

The Wilson Center booklet compares US trade with Mexico and with China over the first seven months of 2018 and of
2023 {cite:p}`wilson2023`."""),
    code("""ytd = trade.ytd_trade()
fig, ax = charts.figure("US goods trade with Mexico and China, January to July",
                        "Exports plus imports, billion current US dollars")
for i, iso in enumerate(["MEX", "CHN"]):
    d = ytd[ytd["iso3"] == iso]
    bars = ax.bar([x + (i - 0.5) * 0.38 for x in range(len(d))], d["total"] / 1e3, width=0.38,
                  color=charts.country_color(iso), label=charts.country_label(iso))
    ax.bar_label(bars, fmt="%.0f", fontsize=9)
ax.set_xticks(range(len(d)), [f"Jan–Jul {y}" for y in d["year"]])
ax.legend(loc="upper left")
charts.publish(
    fig, "trade-ytd-mex-chn", data=ytd.assign(unit="million USD"), source=SRC,
    alt=(f"Grouped bar chart. January-July 2018: Mexico {numbers['trade_ytd_mex_2018_bn']:,.0f} billion dollars, "
         f"China {numbers['trade_ytd_chn_2018_bn']:,.0f} billion. January-July 2023: Mexico "
         f"{numbers['trade_ytd_mex_2023_bn']:,.0f} billion, China {numbers['trade_ytd_chn_2023_bn']:,.0f} billion."),
    caption="US goods trade (exports plus imports) with Mexico and with China, January to July of 2018 and 2023.",
)""", metadata=HIDE),
    md("""**Finding.** Between January–July 2018 and January–July 2023, US trade with Mexico rose by
{glue:text}`trade_ytd_mex_change_pct:.0f`% to {glue:text}`trade_ytd_mex_2023_bn:,.1f` billion dollars, while trade
with China changed by {glue:text}`trade_ytd_chn_change_pct:.0f`% to {glue:text}`trade_ytd_chn_2023_bn:,.1f` billion."""),
    md("""## Beyond the reports: each partner's share of US trade

Shares of total US goods trade (exports plus imports with the world) remove inflation and overall growth
from the comparison."""),
    code("""sh = trade.partner_shares()
fig, ax = charts.figure("Share of total US goods trade", "Exports plus imports with the partner, % of the US total, full years")
for iso in ["CAN", "MEX", "CHN"]:
    ax.plot(sh["year"], sh[iso], color=charts.country_color(iso), label=charts.country_label(iso))
charts.mark_years(ax, {numbers["trade_mex_over_chn_since"]: "MEX > CHN"}, ymax_frac=0.3)
charts.mark_years(ax, {numbers["trade_mex_over_can_since"]: "MEX > CAN"}, ymax_frac=0.2)
ax.set_ylim(0, None)
ax.legend(loc="lower left")
charts.publish(
    fig, "trade-partner-shares", data=sh.assign(unit="% of US goods trade"), source=SRC + ", codes 1220, 2010, 5700, 0015",
    alt=(f"Line chart of shares of US goods trade, {sh['year'].min()} to {sh['year'].max()}. Canada's share declines to "
         f"{numbers['trade_share_can_latest']:.1f}%; China's rises to {numbers['trade_share_chn_peak']:.1f}% in "
         f"{numbers['trade_share_chn_peak_year']} then falls to {numbers['trade_share_chn_latest']:.1f}%; Mexico's rises "
         f"to {numbers['trade_share_mex_latest']:.1f}%, ahead of China every year since {numbers['trade_mex_over_chn_since']} "
         f"and of Canada since {numbers['trade_mex_over_can_since']}."),
    caption="Each partner's share of total US goods trade (exports plus imports, world total not seasonally adjusted). "
            "Dashed lines: the years since which Mexico's share has been above China's and above Canada's.",
)""", metadata=HIDE),
    md("""**Finding.** Mexico's share first moved above China's in {glue:text}`trade_mex_over_chn_first` and has stayed
above it every year since {glue:text}`trade_mex_over_chn_since`; it passed Canada's in
{glue:text}`trade_mex_over_can_first` and has led every year since {glue:text}`trade_mex_over_can_since`. In
{glue:text}`trade_latest_year` Mexico accounted for {glue:text}`trade_share_mex_latest:.1f`% of US goods trade, Canada
{glue:text}`trade_share_can_latest:.1f`% and China {glue:text}`trade_share_chn_latest:.1f`%, down from a peak of
{glue:text}`trade_share_chn_peak:.1f`% in {glue:text}`trade_share_chn_peak_year`."""),
    md("""### A trend break at 2018

A segmented linear trend with a break at the first US tariffs on China (2018), fitted by ordinary least squares to
the shares from 2000; the intervals are 95% confidence intervals with Newey–West standard errors, which allow for
the year-to-year persistence of the shares. Twenty-odd annual points give wide intervals: read the slopes as
orders of magnitude."""),
    code("""data = trade.trend_break_fits(("CHN", "MEX"))
fig, ax = charts.figure("Trend in shares of US goods trade, break at 2018",
                        "% of US goods trade; line: segmented linear trend, band: 95% confidence interval")
for iso, f in data.groupby("iso3"):
    c = charts.country_color(iso)
    ax.plot(f["year"], f["share"], "o", color=c, markersize=3.5, label=charts.country_label(iso))
    ax.plot(f["year"], f["fit"], color=c, linewidth=1.5)
    ax.fill_between(f["year"], f["lo"], f["hi"], color=c, alpha=0.2, linewidth=0)
charts.mark_years(ax, {numbers["trade_break_year"]: "Break"}, ymax_frac=0.2)
ax.legend(loc="upper left")
charts.publish(fig, "trade-share-trend-break", data=data.assign(unit="% of US goods trade"), source=SRC,
    alt=(f"Scatter of China's and Mexico's shares with fitted segmented trends. China's trend slope changes from "
         f"{numbers['trade_chn_slope_before']:+.2f} to {numbers['trade_chn_slope_after']:+.2f} points a year after 2018; "
         f"Mexico's from {numbers['trade_mex_slope_before']:+.2f} to {numbers['trade_mex_slope_after']:+.2f}."),
    caption="Shares of US goods trade (dots) with a segmented linear trend (line) and its 95% confidence band.")""", metadata=HIDE),
    md("""**Finding.** From {glue:text}`trade_trend_start` to {glue:text}`trade_break_year` China's share grew by
{glue:text}`trade_chn_slope_before:.2f` percentage points a year (95% interval {glue:text}`trade_chn_slope_before_lo:.2f`
to {glue:text}`trade_chn_slope_before_hi:.2f`); after the break its trend was {glue:text}`trade_chn_slope_after:.2f`
points a year ({glue:text}`trade_chn_slope_after_lo:.2f` to {glue:text}`trade_chn_slope_after_hi:.2f`). Mexico's trend was
{glue:text}`trade_mex_slope_before:.2f` points a year before ({glue:text}`trade_mex_slope_before_lo:.2f` to
{glue:text}`trade_mex_slope_before_hi:.2f`) and {glue:text}`trade_mex_slope_after:.2f` after
({glue:text}`trade_mex_slope_after_lo:.2f` to {glue:text}`trade_mex_slope_after_hi:.2f`). China's reversal is well
outside the uncertainty; Mexico's intervals before and after overlap, so a speed-up of its share after 2018 is not
established by this simple model."""),
    md("""### How much of US imports from the neighbours uses USMCA

Not all imports from Mexico and Canada enter under the agreement's preference: many goods are duty-free anyway."""),
    code("""cl = trade.usmca_claim_shares()
charts.table(cl.assign(all=cl["all"] / 1e3, usmca=cl["usmca"] / 1e3).rename(columns={
    "year": "Year", "partner": "From", "all": "Imports (bn USD)", "usmca": "Claiming USMCA (bn USD)",
    "share": "Share claiming USMCA (%)"}), caption="US general imports entered claiming USMCA preference "
    "(USA Trade Online, first release, March 2025)")""", metadata=HIDE),
    md("""**Finding.** In 2024 {glue:text}`trade_usmca_claim_mex_2024:.1f`% of US imports from Mexico and
{glue:text}`trade_usmca_claim_can_2024:.1f`% of those from Canada were entered claiming USMCA preference
({glue:text}`trade_usmca_claim_both_2024:.1f`% together)."""),
    md("""### Revisions between releases

Census revises recent years each spring. The same year, {glue:text}`trade_rev_year`, in two releases of
`country.xlsx`:"""),
    code("""rev = trade.revisions()
charts.table(rev.assign(old=rev["old"] / 1e3, new=rev["new"] / 1e3, revision=rev["revision"] / 1e3).rename(columns={
    "iso3": "Partner", "flow": "Flow", "old": "Late-2024 release (bn USD)", "new": "Early-2026 release (bn USD)",
    "revision": "Revision (bn USD)", "revision_pct": "Revision (%)"}), caption="2023 US goods trade in two releases",
    floatfmt=",.2f")""", metadata=HIDE),
    md("""**Finding.** The largest revision is {glue:text}`trade_rev_max_abs_bn:,.1f` billion dollars, at most
{glue:text}`trade_rev_max_abs_pct:.2f`% of any export or import flow: small against the changes discussed above, but
enough to move a quoted figure by a few tenths of a percent."""),
    md("""## The reports' figures next to the data

Each figure the reports state on goods trade {cite:p}`nap2025,wilson2023`, with the value the Census files give.
The 2024 deficit ratios and the Canada total use the API compilation (the basis of the report's 2024 figures); the
other rows use the early-2026 `country.xlsx`."""),
    code("""claims.show(trade.claims())""", metadata=HIDE),
    code("""page.missing("Trade deficit in advanced technology products by partner (NAP 2025) and the composition of "
             "the ATP balance by its ten categories",
             "Census ATP trade by partner country and by ATP category (FT-900 exhibit 16 or USA Trade Online); "
             "the mirror holds only the ATP total (code 0007).")
page.missing("Top partners in ATP 8, aerospace (NAP 2025)", "Census ATP 8 trade by partner.")
page.missing("Share of US imports, NAICS 334 and 335 (NAP 2025)",
             "US imports by NAICS 334/335 and partner (Census NAICS-based trade). The End-Use table below is "
             "a proxy by product group, not by industry.")
page.missing("Mexico–Canada trade in 2024 (NAP 2025)",
             "Mexican (INEGI) or Canadian (Statistics Canada) customs data after 2020; the IMF Direction of Trade "
             "extracts, used in the world-economy section, stop in 2020.")
page.missing("Trade in medical devices and in electrical and electronic goods within North America (NAP 2025)",
             "HS-level trade of all three countries (UN Comtrade or national customs); the mirror has only "
             "US imports by End-Use code from 2016.")""", metadata=HIDE),
    md("""As a proxy for the NAICS 334/335 charts, the partners' shares of US imports in electronics-type End-Use
groups (product groups, not industries):"""),
    code("""el = trade.electronics_import_shares()
charts.table(el.rename(columns={"group": "End-Use group", "year": "Year", "MEX": "Mexico (%)", "CHN": "China (%)",
                                "CAN": "Canada (%)", "TWN": "Taiwan (%)", "VNM": "Vietnam (%)"}),
             caption="Share of US general imports by partner, electronics-type End-Use groups (Census End-Use file)")""",
         metadata=HIDE),
    md("""**Finding.** In computers and accessories, Mexico's share of US imports went from
{glue:text}`trade_elec_comp_mex_2016:.0f`% in 2016 to {glue:text}`trade_elec_comp_mex_2025:.0f`% in 2025, and China's
from {glue:text}`trade_elec_comp_chn_2016:.0f`% to {glue:text}`trade_elec_comp_chn_2025:.0f`%."""),
    md("""## What the reports do not show

- **Whose statistics.** Every figure here is US-recorded. Mexico records its imports from the United States
  at a much lower value than the US records its exports to Mexico; the report's 2024 figure for Mexico's imports
  from the US is of that kind, so it cannot be checked against Census data.
- **Deficit ratios depend on the year.** The ratio moves with both flows; a ratio for one year, as the report
  gives, says little about the trend. The latest full year gives different ratios from 2024.
- **Gross, not value added.** A deficit with Mexico includes US content that crosses the border and comes back
  inside finished goods; gross trade statistics cannot separate it. Value-added trade data (OECD TiVA) would.
- **Nominal dollars.** All values are in current dollars; the shares chart removes price and growth effects,
  the level charts do not.
- **Only the US legs.** Intra-North American totals here exclude Mexico–Canada trade.
- **Revisions.** The two releases of `country.xlsx` differ for recent years; the registry pins the exact files,
  so every number above can be traced to one release."""),
    code("""page.cite_this('Trade: USMCA goods trade and the deficits in context')""", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/03-trade.ipynb")
