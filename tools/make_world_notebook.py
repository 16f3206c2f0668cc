"""Generator of notebooks/02-world-economy.ipynb (run from the repository root, then `python -m northam stamp`)."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
SOURCES = [
    "worldbank_gdp_current_usd.csv",
    "wdi_country_metadata_region_income.csv",
    "unctad_wir2024_annex_tab01_fdi_inflows.csv",
    "wdi_fdi_net_inflows_usd.csv",
    "wdi_hightech_exports_usd.csv",
    "wdi_hightech_exports_pct_manuf.csv",
    "worldbank_lpi_2023_scores_ranks.csv",
    "wdi_lpi_overall.csv",
    "undp_hdr23-24_composite_indices_time_series.csv",
    "wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv",
    "wdi_remittances_received_usd.csv",
    "wdi_official_exchange_rate_lcu_per_usd.csv",
    "fred_DEXMXUS_daily.csv",
    "fred_DEXCAUS_daily.csv",
    "wdi_natural_resource_rents_pct_gdp.csv",
    "imf_dots_mexico_exports_imports_by_partner_1960-2020.xlsx",
    "imf_dots_canada_exports_imports_by_partner_1960-2020.xlsx",
    "imf_dots_united_states_exports_imports_by_partner_1960-2020.xlsx",
]
sources_literal = "".join(f'        "{k}",\n' for k in SOURCES)
MEMBERS_LOOP = 'for iso in ["USA", "MEX", "CAN"]:'

cells = [
    md("""# The region in the world economy

**The question.** How large are the three North American economies in the world, and how do they compare
with other countries on investment received, high-technology exports, logistics and human development? And
how does the region look from each member's own trade records, including the Mexico–Canada leg that US data
do not show?

This section extends the opening chapter with the macro context both reports start from. Each chart rests on
one published table; where a report's figure cannot be rebuilt from open data, the page says so."""),
    code(f"""from northam import charts, claims, page
from northam.analysis import world

page.begin(
    "world",
    sources=[
{sources_literal}    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **GDP in current US dollars**, 1960–{glue:text}`world_gdp_last_year`, World Bank World Development
  Indicators (WDI) {cite:p}`worldbank_gdp_current_usd`, and other WDI series: FDI net inflows on a balance-of-
  payments basis {cite:p}`wdi_fdi_net_inflows_usd`, high-technology exports in dollars
  {cite:p}`wdi_hightech_exports_usd` and as a share of manufactured exports
  {cite:p}`wdi_hightech_exports_pct_manuf`, the LPI overall score {cite:p}`wdi_lpi_overall`, trade as a percent
  of GDP {cite:p}`wdi_api_ne_trd_gnfs_zs_trade_pct_gdp`, personal remittances received
  {cite:p}`wdi_remittances_received_usd`, the official exchange rate {cite:p}`wdi_official_exchange_rate_lcu_per_usd`
  and natural-resource rents {cite:p}`wdi_natural_resource_rents_pct_gdp`.
- **Which rows are countries.** Every WDI file mixes economies with aggregates (the world, regions, income groups,
  the European Union). The WDI country metadata file {cite:p}`wdi_country_metadata_region_income` flags the
  aggregates (empty region); they are dropped before any ranking.
- **FDI inflows, 1990–2023**, UNCTAD World Investment Report 2024, annex table 1
  {cite:p}`unctad_wir2024_annex_tab01_fdi_inflows`, in million current dollars. The table writes numbers with
  spaces as thousands separators and mixes regions with economies; the loader handles both.
- **Logistics Performance Index 2023** with its six components and published grouped ranks, World Bank
  {cite:p}`worldbank_lpi_2023_scores_ranks` (scores from 1 = low to 5 = high).
- **Human Development Index, 1990–2022**, UNDP Human Development Report 2023/2024
  {cite:p}`undp_hdr23_24_composite_indices_time_series`. The copy has a byte-order mark and some garbled
  country names, so it is joined on ISO3 codes only.
- **Daily exchange rates** (noon buying rates in New York) from FRED, pesos {cite:p}`fred_dexmxus_daily` and
  Canadian dollars {cite:p}`fred_dexcaus_daily` per US dollar, up to {glue:text}`world_fx_daily_last`.
- **Goods trade by partner as each member records it**, IMF Direction of Trade Statistics workbooks for Mexico
  {cite:p}`imf_dots_mexico_exports_imports_by_partner_1960_2020`, Canada
  {cite:p}`imf_dots_canada_exports_imports_by_partner_1960_2020` and the United States
  {cite:p}`imf_dots_united_states_exports_imports_by_partner_1960_2020`, million current dollars, 1960–2020.
- **Missing here:** anything after 2020 from the IMF workbooks (so no Mexican-side trade data for 2021–2024),
  the 2018 LPI components, mining value added in national accounts, and the origin of FDI by partner."""),
    code("""numbers = world.key_numbers()
page.glue_all(numbers)""", metadata=HIDE),
    md("""### How ranks are counted

A rank depends on what is ranked. The page uses two rules and shows both:

- **Rule A, economies only** (the book's rule): the world, regions, income groups, the European Union and
  UNCTAD's regional rows are all dropped; only individual economies are ranked.
- **Rule B, the EU as one unit**: as rule A, plus the European Union counted as one more unit next to the
  economies (its member states stay in the list too).

Ranks go from 1 (largest); ties share the lower rank."""),
    md("""## North America's share of world GDP

The three economies' GDP in current dollars as a share of the world total, and where each ranks among the
world's economies."""),
    code("""share, ranks = world.gdp_share(), world.gdp_ranks()
fig, (ax, ax2) = charts.figure("North America's share of world GDP", "Percent of world GDP (current US dollars); "
                               "lower panel: rank among economies, 1 = largest", nrows=2, sharex=True,
                               figsize=(7.5, 6.2), height_ratios=[2, 1])
ax.stackplot(share["year"], [share[i] for i in ["USA", "CAN", "MEX"]], labels=["United States", "Canada", "Mexico"],
             colors=[charts.country_color(i) for i in ["USA", "CAN", "MEX"]], alpha=0.85)
ax.legend(loc="upper right"); ax.set_ylim(0, None)
for iso in ["USA", "MEX", "CAN"]:
    ax2.plot(ranks["year"], ranks[iso], color=charts.country_color(iso), linewidth=1.6)
ax2.invert_yaxis(); ax2.set_ylabel("Rank")
last = share.iloc[-1]
charts.publish(fig, "world-gdp-share", data=share.merge(ranks, on="year", suffixes=("_pct", "_rank")),
    source="World Bank, WDI NY.GDP.MKTP.CD (worldbank_gdp_current_usd.csv); aggregates dropped with the WDI metadata",
    alt=(f"Stacked area chart of the US, Canadian and Mexican shares of world GDP from {int(share['year'].min())} "
         f"to {int(last['year'])}. The combined share falls from {share['north_america'].iloc[0]:.0f}% to "
         f"{last['north_america']:.1f}%. A lower panel shows the US ranked {int(ranks['USA'].iloc[-1])}, Canada "
         f"{int(ranks['CAN'].iloc[-1])} and Mexico {int(ranks['MEX'].iloc[-1])} in the last year."),
    caption="Share of world GDP (current dollars) of the three members, stacked, and their rank among economies.");""",
         metadata=HIDE),
    md("""**Finding.** In {glue:text}`world_gdp_last_year` the three economies produced
{glue:text}`world_gdp_share_last:.1f`% of world GDP in current dollars: the United States
{glue:text}`world_gdp_usa_share_last:.1f`%, Canada {glue:text}`world_gdp_can_share_last:.1f`% and Mexico
{glue:text}`world_gdp_mex_share_last:.1f`%, out of a world total of {glue:text}`world_gdp_world_tn_last:.1f`
trillion dollars. The share was highest in {glue:text}`world_gdp_share_peak_year`, at
{glue:text}`world_gdp_share_peak:.1f`%, when the World Bank's world total covered fewer economies and before the
rise of East Asia. Among economies the United States ranks {glue:text}`world_gdp_rank_usa`, Canada
{glue:text}`world_gdp_rank_can` and Mexico {glue:text}`world_gdp_rank_mex`: all three are among the fifteen
largest."""),
    md("""## Foreign direct investment received

FDI inflows from UNCTAD's World Investment Report, the source the North American Project cites, and the
2023 ranks under both rules. The World Bank's balance-of-payments series is shown next to it for comparison."""),
    code("""fdi = world.fdi_unctad()
fig, ax = charts.figure("FDI inflows to the three members", "Billion current US dollars, 1990–2023")
for iso in ["USA", "MEX", "CAN"]:
    ax.plot(fdi["year"], fdi[iso], color=charts.country_color(iso), label=charts.country_label(iso))
ax.axhline(0, color="#888888", linewidth=0.8); ax.legend(loc="upper left")
charts.mark_years(ax, {1994: "NAFTA", 2020.5: "USMCA"})
peak = fdi.loc[fdi["USA"].idxmax()]
charts.publish(fig, "world-fdi-inflows", data=fdi.assign(unit="billion USD"),
    source="UNCTAD, World Investment Report 2024, annex table 1 (FDI inflows by economy)",
    alt=(f"Line chart of FDI inflows 1990-2023. US inflows are far larger, peaking at {peak['USA']:.0f} billion "
         f"dollars in {int(peak['year'])} and {fdi['USA'].iloc[-1]:.0f} billion in 2023; Canada received "
         f"{fdi['CAN'].iloc[-1]:.0f} billion and Mexico {fdi['MEX'].iloc[-1]:.0f} billion in 2023."),
    caption="FDI inflows to the United States, Mexico and Canada (UNCTAD).")
charts.table(world.fdi_rank_table(2023), caption="FDI inflows 2023 (billion US dollars) and rank under rule A "
             "(economies only) and rule B (EU as one unit)")""", metadata=HIDE),
    md("""**Finding.** In 2023 the United States received {glue:text}`world_fdi_usa_2023:,.1f` billion dollars of
FDI, Canada {glue:text}`world_fdi_can_2023:,.1f` billion and Mexico {glue:text}`world_fdi_mex_2023:,.1f` billion
(UNCTAD). Among economies only (rule A) they rank {glue:text}`world_fdi_rank_a_usa`,
{glue:text}`world_fdi_rank_a_can` and {glue:text}`world_fdi_rank_a_mex`. Counting the European Union
({glue:text}`world_fdi_eu_2023:,.1f` billion) as one more unit (rule B) moves Canada to
{glue:text}`world_fdi_rank_b_can` and Mexico to {glue:text}`world_fdi_rank_b_mex`: the ranks the report quotes
follow rule B. The World Bank's balance-of-payments series gives different values for the same year (Mexico
{glue:text}`world_fdi_wdi_mex_2023:,.1f` billion, rank {glue:text}`world_fdi_wdi_rank_a_mex` under rule A), a
reminder that FDI statistics are revised and compiled differently."""),
    md("""## High-technology exports

Exports of high-technology products (aerospace, computers, pharmaceuticals, scientific instruments, electrical
machinery) in dollars and as a share of each country's manufactured exports."""),
    code("""ht = world.hightech()
fig, (ax, ax2) = charts.figure("High-technology exports", "Left: billion current US dollars; right: percent of "
                               "manufactured exports", ncols=2, figsize=(8.5, 4.2))
for iso in ["USA", "MEX", "CAN"]:
    d = ht[ht["iso3"] == iso]
    ax.plot(d["year"], d["value_bn"], color=charts.country_color(iso), label=charts.country_label(iso))
    ax2.plot(d["year"], d["share_pct"], color=charts.country_color(iso))
ax.set_ylim(0, None); ax2.set_ylim(0, None); ax.legend(loc="center left")
charts.publish(fig, "world-hightech-exports", data=ht,
    source="World Bank, WDI TX.VAL.TECH.CD and TX.VAL.TECH.MF.ZS",
    alt=(f"Two line charts, {int(ht['year'].min())}-{int(ht['year'].max())}. Left: high-tech exports in billion "
         f"dollars, the US highest, Mexico second and Canada third. Right: the share of manufactured exports, "
         f"in the last year {numbers['world_ht_usa_share_last']:.0f}% for the US, "
         f"{numbers['world_ht_mex_share_last']:.0f}% for Mexico and {numbers['world_ht_can_share_last']:.0f}% for Canada."),
    caption="High-technology exports of the three members: value and share of manufactured exports.")
charts.table(world.hightech_rank_table(2023).rename_axis("iso3").reset_index(),
             caption="High-technology exports 2023 (billion US dollars) and rank under rules A and B")""", metadata=HIDE),
    md("""**Finding.** In 2023 the United States exported {glue:text}`world_ht_usa_2023_bn:,.0f` billion dollars of
high-technology goods, Mexico {glue:text}`world_ht_mex_2023_bn:,.0f` billion and Canada
{glue:text}`world_ht_can_2023_bn:,.0f` billion. Among economies only they rank {glue:text}`world_ht_rank_a_usa`,
{glue:text}`world_ht_rank_a_mex` and {glue:text}`world_ht_rank_a_can`; with the EU as one unit
{glue:text}`world_ht_rank_b_usa`, {glue:text}`world_ht_rank_b_mex` and {glue:text}`world_ht_rank_b_can`. In
{glue:text}`world_ht_last_year` high-technology goods made up {glue:text}`world_ht_usa_share_last:.0f`% of the
United States' manufactured exports, {glue:text}`world_ht_mex_share_last:.0f`% of Mexico's and
{glue:text}`world_ht_can_share_last:.0f`% of Canada's."""),
    md("""## Logistics performance

The World Bank's Logistics Performance Index 2023 scores 139 economies overall and on six components. The chart
sets the three members against the best score in each component."""),
    code("""lpi = world.lpi_components()
fig, ax = charts.figure("Logistics Performance Index 2023", "Score from 1 (low) to 5 (high); black mark: best score")
y = range(len(lpi))
for k, iso in enumerate(["USA", "MEX", "CAN"]):
    ax.barh([i + (k - 1) * 0.26 for i in y], lpi[iso], height=0.26, color=charts.country_color(iso),
            label=charts.country_label(iso))
ax.scatter(lpi["best"], list(y), marker="|", s=300, color="black", label="Best score", zorder=3)
ax.set_yticks(list(y), lpi["component"]); ax.invert_yaxis(); ax.set_xlim(1, 5)
ax.grid(axis="x"); ax.grid(axis="y", visible=False)
ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.08), ncol=4, fontsize=8)
charts.publish(fig, "world-lpi-2023", data=lpi,
    source="World Bank, Logistics Performance Index 2023 (scores and grouped ranks)",
    alt=(f"Horizontal bar chart of LPI 2023 scores. Overall: Canada {numbers['world_lpi_can_score']:.1f}, US "
         f"{numbers['world_lpi_usa_score']:.1f}, Mexico {numbers['world_lpi_mex_score']:.1f}, best "
         f"{numbers['world_lpi_best']:.1f}. Canada and the US are close to the best score in most components; "
         "Mexico trails in all, most in customs."),
    caption="LPI 2023 overall score and components for the three members, with the best score in each.")
charts.table(lpi[["component", "USA_rank", "MEX_rank", "CAN_rank", "best_economy"]],
             caption="LPI 2023 grouped ranks (as published; ties share a rank) and the best performer")""",
         metadata=HIDE),
    md("""**Finding.** Canada scores {glue:text}`world_lpi_can_score:.1f` and ranks {glue:text}`world_lpi_can_rank`,
the United States {glue:text}`world_lpi_usa_score:.1f` (rank {glue:text}`world_lpi_usa_rank`) and Mexico
{glue:text}`world_lpi_mex_score:.1f` (rank {glue:text}`world_lpi_mex_rank`), against
{glue:text}`world_lpi_best:.1f` for {glue:text}`world_lpi_best_economy`. On infrastructure, Canada scores
{glue:text}`world_lpi_infra_can:.1f`, the United States {glue:text}`world_lpi_infra_usa:.1f` and Mexico
{glue:text}`world_lpi_infra_mex:.1f` (rank {glue:text}`world_lpi_infra_rank_mex`). Scores are published to one
decimal: ranking the rounded WDI scores gives the US {glue:text}`world_lpi_usa_rank_wdi` and Mexico
{glue:text}`world_lpi_mex_rank_wdi`, because the official ranks break ties with unrounded scores."""),
    md("""## Human development

The UNDP's Human Development Index combines life expectancy, schooling and income per person."""),
    code("""h = world.hdi()
fig, ax = charts.figure("Human Development Index", "Index from 0 to 1, 1990–2022")
for iso in ["USA", "MEX", "CAN"]:
    ax.plot(h["year"], h[iso], color=charts.country_color(iso), label=charts.country_label(iso))
ax.legend(loc="lower right")
charts.publish(fig, "world-hdi", data=h.assign(unit="index 0-1"),
    source="UNDP, Human Development Report 2023/2024, composite indices time series",
    alt=(f"Line chart of the HDI 1990-2022. Canada and the US stay between {h[['USA', 'CAN']].min().min():.2f} and "
         f"{h[['USA', 'CAN']].max().max():.2f}; Mexico rises from {h['MEX'].iloc[0]:.2f} to {h['MEX'].iloc[-1]:.2f}, "
         "with a dip in 2020-2021."),
    caption="Human Development Index of the three members.")
charts.table(world.hdi_rank_table(2022), caption="HDI 2022, official rank and rank recomputed over countries only",
             floatfmt=".3f")""", metadata=HIDE),
    md("""**Finding.** In 2022 Canada's HDI is {glue:text}`world_hdi_can_2022:.3f` (rank
{glue:text}`world_hdi_can_rank`), the United States' {glue:text}`world_hdi_usa_2022:.3f` (rank
{glue:text}`world_hdi_usa_rank`) and Mexico's {glue:text}`world_hdi_mex_2022:.3f` (rank
{glue:text}`world_hdi_mex_rank`) among {glue:text}`world_hdi_countries_ranked` countries; recomputing the ranks
over the file's countries (aggregate rows dropped) gives the same result. Mexico has closed part of the gap since
1990, when its index was {glue:text}`world_hdi_mex_1990:.3f`."""),
    md("""## Trade openness, remittances and FDI

Trade (exports plus imports of goods and services) as a share of GDP, and, for Mexico, remittances from
workers abroad next to FDI inflows."""),
    code("""op, rf = world.openness(), world.mexico_remittances_fdi()
fig, (ax, ax2) = charts.figure("Trade openness, and Mexico's remittances against FDI", "Left: trade, percent "
                               "of GDP; right: Mexico, billion current US dollars", ncols=2, figsize=(8.5, 4.2))
for iso in ["USA", "MEX", "CAN"]:
    ax.plot(op["year"], op[iso], color=charts.country_color(iso), label=charts.country_label(iso))
ax.plot(op["year"], op["WLD"], color=charts.country_color("WLD"), linestyle="--", label="World")
ax.legend(loc="upper left", fontsize=8)
ax2.plot(rf["year"], rf["remittances"], color=charts.country_color("MEX"), label="Remittances received")
ax2.plot(rf["year"], rf["fdi"], color="#555555", linestyle="--", label="FDI net inflows (BoP)")
ax2.legend(loc="upper left", fontsize=8)
charts.publish(fig, "world-openness-remittances", data=op.merge(rf, on="year", how="outer"),
    source="World Bank, WDI NE.TRD.GNFS.ZS, BX.TRF.PWKR.CD.DT and BX.KLT.DINV.CD.WD",
    alt=(f"Two line charts. Left: Mexico's trade rises from {numbers['world_open_mex_1993']:.0f}% of GDP in 1993 to "
         f"{numbers['world_open_mex_last']:.0f}% in {numbers['world_open_last_year']}, Canada's is "
         f"{numbers['world_open_can_last']:.0f}% and the US's {numbers['world_open_usa_last']:.0f}%. Right: Mexico's "
         f"remittances climb to {numbers['world_remit_mex_last']:.0f} billion dollars and exceed FDI in recent years."),
    caption="Trade as a share of GDP (left) and Mexico's remittances received against its FDI inflows (right).");""",
         metadata=HIDE),
    md("""**Finding.** Mexico's trade rose from {glue:text}`world_open_mex_1993:.0f`% of GDP in 1993, the year
before NAFTA, to {glue:text}`world_open_mex_last:.0f`% in {glue:text}`world_open_last_year`, above Canada
({glue:text}`world_open_can_last:.0f`%) and the world ({glue:text}`world_open_wld_last:.0f`%); the large US
economy trades {glue:text}`world_open_usa_last:.0f`% of its GDP. Remittances to Mexico reached
{glue:text}`world_remit_mex_last:,.1f` billion dollars in {glue:text}`world_remit_last_year`, against
{glue:text}`world_remit_mex_2000:,.1f` billion in 2000, and exceeded FDI inflows (balance-of-payments basis,
{glue:text}`world_fdi_wdi_mex_last:,.1f` billion in {glue:text}`world_remit_last_year`) in
{glue:text}`world_remit_over_fdi_years` years since 2000, the first in {glue:text}`world_remit_over_fdi_since`."""),
    md("""## Exchange rates

Pesos and Canadian dollars per US dollar: the World Bank's annual averages and FRED's daily rates where the
daily series exists."""),
    code("""fx = world.fx_chart_data()
fig, (ax, ax2) = charts.figure("Pesos and Canadian dollars per US dollar", "Local currency per US dollar; line: "
                               "daily (FRED), dots: annual average (World Bank)", ncols=2, figsize=(8.5, 4.2))
for a, iso in [(ax, "MEX"), (ax2, "CAN")]:
    d, y = fx[(fx["iso3"] == iso) & (fx["series"] == "FRED daily")], fx[(fx["iso3"] == iso) & (fx["series"] != "FRED daily")]
    a.plot(d["x"], d["rate"], color=charts.country_color(iso), linewidth=0.6)
    a.plot(y["x"], y["rate"], "o", color="black", markersize=2.5)
    a.set_title(charts.country_label(iso), fontsize=10, pad=4)
fig.subplots_adjust(top=0.82)
charts.publish(fig, "world-exchange-rates", data=fx.drop(columns="x"), source="World Bank, WDI PA.NUS.FCRF; FRED DEXMXUS, DEXCAUS",
    alt=(f"Two line charts of exchange rates. The peso goes from {numbers['world_fx_mxn_1993']:.1f} per dollar in 1993 "
         f"to {numbers['world_fx_mxn_1996']:.1f} in 1996 after the 1994-95 crisis, peaks at "
         f"{numbers['world_fx_mxn_daily_max']:.1f} on {numbers['world_fx_mxn_daily_max_date']} and averages "
         f"{numbers['world_fx_mxn_last']:.1f} in {numbers['world_fx_last_year']}. The Canadian dollar stays between "
         f"{fx.loc[fx['iso3'] == 'CAN', 'rate'].min():.2f} and {fx.loc[fx['iso3'] == 'CAN', 'rate'].max():.2f} per US dollar."),
    caption="Exchange rates against the US dollar: daily noon rates in New York and World Bank annual averages.");""",
         metadata=HIDE),
    md("""**Finding.** The peso averaged {glue:text}`world_fx_mxn_1993:.2f` per dollar in 1993 and
{glue:text}`world_fx_mxn_1996:.2f` in 1996, after the 1994–95 crisis; its weakest daily rate in the FRED series
was {glue:text}`world_fx_mxn_daily_max:.2f` on {glue:text}`world_fx_mxn_daily_max_date`. In
{glue:text}`world_fx_last_year` the annual averages were {glue:text}`world_fx_mxn_last:.2f` pesos and
{glue:text}`world_fx_cad_last:.2f` Canadian dollars per US dollar. The two sources agree closely where they
overlap: for 2022 the mean of FRED's daily rates is {glue:text}`world_fx_check_mxn_fred:.2f` pesos against the
World Bank's {glue:text}`world_fx_check_mxn_wb:.2f`."""),
    md("""## The region from each member's side

The IMF's Direction of Trade workbooks record each member's goods trade with every partner, as that member's
own customs data show it. They give each country's exports to the other two and the third leg of regional trade,
between Mexico and Canada, which US data cannot show. The workbooks end in 2020."""),
    code("""dots = world.dots_chart_data(2012, 1990)
intra, legs = dots[dots["panel"] == "share"], dots[dots["panel"] == "leg"]
fig, axes = charts.figure("North American trade as each member records it", "Top left: exports to the other two "
                          "members, % of exports; other panels: goods trade on each leg, billion US dollars",
                          nrows=2, ncols=2, figsize=(8.5, 6.4))
for iso in ["USA", "MEX", "CAN"]:
    d = intra[intra["reporter"] == iso]
    axes[0, 0].plot(d["year"], d["share_pct"], color=charts.country_color(iso), label=charts.country_label(iso))
axes[0, 0].set_ylim(0, 100); axes[0, 0].legend(loc="lower left", fontsize=8)
axes[0, 0].set_title("Exports to the other two, %", fontsize=10, pad=4)
for a, leg in zip([axes[0, 1], axes[1, 0], axes[1, 1]], ["USA-MEX", "USA-CAN", "MEX-CAN"]):
    for rep in leg.split("-"):
        d = legs[(legs["leg"] == leg) & (legs["reporter"] == rep)]
        a.plot(d["year"], d["total"], color=charts.country_color(rep), label=f"as {charts.country_label(rep)} records it")
    a.set_title(leg.replace("-", "–"), fontsize=10, pad=4); a.legend(loc="upper left", fontsize=7.5)
charts.publish(fig, "world-dots-legs", data=dots,
    source="IMF, Direction of Trade Statistics, reporter workbooks for Mexico, Canada and the United States (to 2020)",
    alt=(f"Four line charts. Mexico sends {numbers['world_intra_mex_share_2020']:.0f}% of its exports to the US and "
         f"Canada in 2020, Canada {numbers['world_intra_can_share_2020']:.0f}%, the US "
         f"{numbers['world_intra_usa_share_2020']:.0f}%. On the Mexico-Canada leg, Canada records "
         f"{numbers['world_mirror_total_can_side']:.1f} billion dollars of trade in 2020 and Mexico "
         f"{numbers['world_mirror_total_mex_side']:.1f} billion."),
    caption="Share of each member's exports going to the other two (2012–2020), and the three legs of regional goods "
            "trade as each side's customs records them (1990–2020).");""", metadata=HIDE),
    md("""**Finding.** In 2020 Mexico sent {glue:text}`world_intra_mex_share_2020:.1f`% of its goods exports to the
United States and Canada ({glue:text}`world_intra_mex_share_2012:.1f`% in 2012), Canada
{glue:text}`world_intra_can_share_2020:.1f`% and the United States {glue:text}`world_intra_usa_share_2020:.1f`%.
The same goods are recorded differently on each side of a border ("mirror statistics"): in 2020 Canada recorded
{glue:text}`world_mirror_can_imports_from_mex:.1f` billion dollars of imports from Mexico, while Mexico recorded
only {glue:text}`world_mirror_mex_exports_to_can:.1f` billion of exports to Canada,
{glue:text}`world_mirror_ratio:.1f` times less. Much of the gap is goods that Mexico records as exports to the
United States and that Canada, which records imports by country of origin, counts as coming from Mexico; import
values also include freight and insurance. Mexico–Canada trade was {glue:text}`world_mirror_total_can_side:.1f` billion
by Canada's records and {glue:text}`world_mirror_total_mex_side:.1f` billion by Mexico's. The mirror has no
Mexican-side (or Canadian-side) data after {glue:text}`world_dots_last_year`."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` opens with the region's weight in the world; the Wilson Center's
booklet {cite:p}`wilson2023` quotes Mexico's FDI. Ranks are compared under rule A (economies only); the note
gives the rule-B rank. Mining's share of GDP has no open data in the mirror: the table below shows
natural-resource rents instead, which is a **different measure** (estimated resource revenue minus extraction
cost, {glue:text}`world_rents_year`), not mining value added."""),
    code("""claims.show(world.claims())
charts.table(world.resource_rents().assign(measure="Natural-resource rents, % of GDP (not mining value added)"),
             caption="A different measure: total natural-resource rents, percent of GDP (World Bank)")""",
         metadata=HIDE),
    code("""page.missing("North America's share of world GDP in 2024 (IMF)", "IMF World Economic Outlook GDP for 2024; "
             "the World Bank file ends in 2023")
page.missing("Intraregional exports, 2021–2022, and Mexico–Canada trade in 2024", "Mexican (INEGI) and Canadian "
             "(Statistics Canada) trade by partner after 2020, or a newer IMF Direction of Trade extract")
page.missing("LPI infrastructure ranking of North America, 2018 against 2023", "the LPI 2018 edition's "
             "infrastructure scores; the mirror has the 2023 components and the WDI overall score only")
page.missing("Mining's share of GDP in 2024", "mining value added from national accounts (Statistics Canada, "
             "BEA, INEGI)")
page.missing("Origin and sectors of Mexico's FDI in 2024", "FDI by country of origin and sector from Mexico's "
             "Secretaría de Economía")""", metadata=HIDE),
    md("""## What the reports do not show

- **Ranks depend on the rule.** Whether the European Union counts as one unit changes Canada's and Mexico's
  ranks in FDI and high-tech exports; the reports do not say which rule they use.
- **Two FDI series.** UNCTAD and the World Bank's balance-of-payments series differ by several billion dollars
  for the same country and year, and so do the ranks.
- **Mirror statistics.** Each country's customs count the same trade differently; the Mexico–Canada leg is
  about {glue:text}`world_mirror_total_can_side:.0f` billion dollars in Canada's records and
  {glue:text}`world_mirror_total_mex_side:.0f` billion in Mexico's for 2020. A single figure hides this.
- **Current dollars and exchange rates.** Shares of world GDP in current dollars move with exchange rates: the
  peso's falls in 1995, 2008 and 2020 lower Mexico's share without any change in output.
- **Remittances.** Mexico's income from workers abroad now rivals or exceeds its FDI, a link between the
  economies that trade figures leave out."""),
    code("""page.cite_this('The region in the world economy')""", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/02-world-economy.ipynb")
