"""Generator of notebooks/05-autos.ipynb (run from the repository root; writes no outputs)."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
cells = [
    md("""# Autos: the region's most integrated industry

**The question.** How much of North America's vehicle output comes from each of the three countries and how has
that mix moved since 2006; what has happened to US jobs in the industry; how far along are the three in selling
electric cars; and how large are auto parts and vehicles in what the United States buys from Mexico and Canada?

Cars and their parts are the standard example of a supply chain that crosses the USMCA borders many times. This
chapter puts the reports' auto figures next to open production, employment, EV and trade data, and is explicit
about a year the open data cannot give."""),
    code("""from northam import charts, claims, page
from northam.analysis import autos

page.begin(
    "autos",
    sources=["oica_production_by_country_type_2006_2023_jhelvy.csv",
             "wikipedia_oica_motor_vehicle_production_2024_egil10.json",
             "fred_CES3133600101_motor_vehicles_parts_employment.csv",
             "fred_MANEMP_manufacturing_employment.csv",
             "iea_gevo2025_ev_data_explorer.xlsx",
             "census_enduse_imports_by_country_2016-2025.xlsx"],
    stamp="",
)""", metadata=HIDE),
    code("""numbers = autos.key_numbers()
page.glue_all(numbers)""", metadata=HIDE),
    md("""## The data

- **Vehicle production** (passenger cars and commercial vehicles, units) by country, 2006–2023, from OICA's
  statistics as scraped into the `oica` R package {cite:p}`oica_production_by_country_type_2006_2023_jhelvy`, and
  the 2024 OICA totals as tabulated on Wikipedia {cite:p}`wikipedia_oica_motor_vehicle_production_2024_egil10`.
  The 2024 table has known errors for small producers, so only its rows for the United States, Mexico and Canada
  are used.
- **US employment** in motor vehicle and parts manufacturing and in all manufacturing, monthly, seasonally
  adjusted, thousands (BLS Current Employment Statistics via FRED)
  {cite:p}`fred_ces3133600101_motor_vehicles_parts_employment,fred_manemp_manufacturing_employment`.
- **Electric cars**: sales share of new cars and cars on the road, IEA Global EV Outlook 2025 data explorer
  {cite:p}`iea_gevo2025_ev_data_explorer`.
- **US auto imports**: End-Use group 3 (vehicles, parts and engines) by partner, million current dollars, US Census
  Bureau {cite:p}`census_enduse_imports_by_country_2016_2025`. Exports by End-Use and partner are not in the mirror,
  so the trade side is imports only.
- **Missing here:** Mexican and Canadian employment by industry, and any clean 2023 production table. Annual
  employment averages use full years only (the file's last year has fewer than twelve months).

**Dropped as implausible.** The loader applies declared checks and never patches a value: a fall of more than
{glue:text}`autos_check_max_fall_pct:.0f`% from the previous year for the same country and vehicle type that the
next year does not confirm; a value below {glue:text}`autos_check_floor_pct:.0f`% of the series median; and a year
in which most series fail. It drops the whole of {glue:text}`autos_dropped_years` (every value there lost its thousands
separators) and {glue:text}`autos_dropped_n_other` other rows, of which the only North American one is
{glue:text}`autos_dropped_na_rows`."""),
    code("""charts.table(autos.dropped_outside_whole_years(), floatfmt=",.0f",
             caption="Other rows of the OICA file dropped by the checks (vehicles)")""", metadata=HIDE),
    md("""## How much each country builds

Production of the three countries, stacked, with the two slumps marked."""),
    code("""autos.chart_production()""", metadata=HIDE),
    md("""**Finding.** The three countries built {glue:text}`autos_total_2006_m:.1f` million vehicles in 2006,
{glue:text}`autos_total_2009_m:.1f` million in the 2009 crash, {glue:text}`autos_total_2020_m:.1f` million in the
pandemic year 2020 and {glue:text}`autos_total_2024_m:.1f` million in 2024, {glue:text}`autos_growth_2024_vs_2020_pct:.0f`%
more than in 2020. In 2020 the United States made {glue:text}`autos_usa_2020_m:.2f` million, Mexico
{glue:text}`autos_mex_2020_m:.2f` million and Canada {glue:text}`autos_can_2020_m:.2f` million; in 2024,
{glue:text}`autos_usa_2024_m:.2f`, {glue:text}`autos_mex_2024_m:.2f` and {glue:text}`autos_can_2024_m:.2f` million."""),
    md("""## Mexico's rising share

Each country's share of the three-country total, with a linear trend of Mexico's share fitted by ordinary least
squares (statsmodels) and its 95% confidence band."""),
    code("""autos.chart_shares()""", metadata=HIDE),
    md("""**Finding.** Mexico's share went from {glue:text}`autos_mex_share_2006:.1f`% in 2006 to
{glue:text}`autos_mex_share_2024:.1f`% in 2024 while Canada's fell from {glue:text}`autos_can_share_2006:.1f`% to
{glue:text}`autos_can_share_2024:.1f`%. A straight line through {glue:text}`autos_trend_first`–{glue:text}`autos_trend_last`
({glue:text}`autos_trend_n` years with data) rises {glue:text}`autos_trend_slope:.2f` points a year (95% CI
{glue:text}`autos_trend_lo:.2f` to {glue:text}`autos_trend_hi:.2f`; R² {glue:text}`autos_trend_r2:.2f`). But the rise
was not steady: a single level shift in {glue:text}`autos_trend_step_year` fits {glue:text}`autos_trend_step_better`
than the line (R² {glue:text}`autos_trend_step_r2:.2f`, by AIC), from an average of
{glue:text}`autos_trend_mean_before:.1f`% before to {glue:text}`autos_trend_mean_after:.1f`% after. With so few
years, the trend is a description, not a forecast."""),
    md("""## US jobs in making vehicles and parts

Monthly BLS employment in motor vehicle, body, trailer and parts manufacturing, and its share of all
manufacturing jobs."""),
    code("""autos.chart_employment()""", metadata=HIDE),
    md("""**Finding.** Annual US employment in the industry peaked at {glue:text}`autos_jobs_peak_k:,.0f` thousand in
{glue:text}`autos_jobs_peak_year`, fell to {glue:text}`autos_jobs_trough_k:,.0f` thousand in
{glue:text}`autos_jobs_trough_year` and averaged {glue:text}`autos_jobs_last_year_k:,.0f` thousand in
{glue:text}`autos_jobs_last_year`; the latest month, {glue:text}`autos_jobs_last_month`, shows
{glue:text}`autos_jobs_last_value_k:,.0f` thousand. Because total manufacturing employment shrank more, autos' share of
factory jobs rose from {glue:text}`autos_jobs_share_1990:.1f`% in 1990 to {glue:text}`autos_jobs_share_last:.1f`%."""),
    md("""## Jobs per vehicle

US auto manufacturing employment divided by the number of vehicles made in the United States, as an index."""),
    code("""autos.chart_jobs_per_vehicle()""", metadata=HIDE),
    md("""**Finding.** There were {glue:text}`autos_jpv_2006:.0f` jobs per thousand vehicles in 2006 and
{glue:text}`autos_jpv_2024:.0f` in 2024 (index {glue:text}`autos_jpv_index_2024:.0f`). The index jumped to
{glue:text}`autos_jpv_index_2009:.0f` in 2009, when output fell faster than payrolls, dropped to
{glue:text}`autos_jpv_index_min:.0f` in {glue:text}`autos_jpv_index_min_year` as output recovered faster than hiring,
and has drifted back up since, as US output stayed below its mid-2010s peak while employment kept recovering. Read it carefully: the
employment series includes parts plants that supply assembly in Mexico and Canada, and a vehicle in 2024 is not the
same product as in 2006 (more trucks, more electronics), so a flat index does not mean flat productivity."""),
    md("""## Electric cars

Share of new cars that are battery-electric or plug-in hybrids, and the number on the road, for the three
countries against China, Europe and the world."""),
    code("""autos.chart_ev()""", metadata=HIDE),
    md("""**Finding.** In 2024 electric cars were {glue:text}`autos_ev_share_2024_can:.0f`% of new cars in Canada,
{glue:text}`autos_ev_share_2024_usa:.0f`% in the United States and {glue:text}`autos_ev_share_2024_mex:.1f`% in Mexico,
against {glue:text}`autos_ev_share_2024_world:.0f`% worldwide, {glue:text}`autos_ev_share_2024_europe:.0f`% in Europe
and {glue:text}`autos_ev_share_2024_chn:.0f`% in China. The US had {glue:text}`autos_ev_stock_2024_usa_m:.1f` million
electric cars on the road, Canada {glue:text}`autos_ev_stock_2024_can_k:,.0f` thousand and Mexico
{glue:text}`autos_ev_stock_2024_mex_k:,.0f` thousand."""),
    md("""## The auto trade

US imports of vehicles, parts and engines from the two neighbours and from the four other large suppliers, and
how much of everything the US imports from Mexico and Canada is automotive."""),
    code("""autos.chart_auto_imports()""", metadata=HIDE),
    code("""autos.chart_auto_share()""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`autos_trade_last_year` the US imported {glue:text}`autos_imp_mex_last_bn:,.0f`
billion dollars of automotive goods from Mexico (up from {glue:text}`autos_imp_mex_2016_bn:,.0f` billion in 2016),
{glue:text}`autos_imp_can_last_bn:,.0f` billion from Canada and {glue:text}`autos_imp_jpn_last_bn:,.0f` billion from
Japan; the two neighbours supplied {glue:text}`autos_imp_usmca_share_of_world_last:.0f`% of all US auto imports.
Autos were {glue:text}`autos_share_mex_last:.0f`% of US imports from Mexico and {glue:text}`autos_share_can_last:.0f`%
of those from Canada (in 2016: {glue:text}`autos_share_mex_2016:.0f`% and {glue:text}`autos_share_can_2016:.0f`%)."""),
    md("""## From NAFTA to USMCA: the rules of origin

The automotive rules of origin are treaty parameters, typed here as written in the agreements: NAFTA Article 403
and USMCA Chapter 4, Appendix to Annex 4-B (Articles 3, 6 and 7). The report's summary of these rules {cite:p}`nap2025`
matches the treaty text."""),
    code("""charts.table(autos.rules_of_origin(), caption="Automotive rules of origin, NAFTA and USMCA")""",
         metadata=HIDE),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` gives the 2023 production total, the auto share of USMCA trade and
job counts for each country. The 2023 total cannot be rebuilt: the open OICA file's 2023 rows are corrupt. The
table below it puts 2020, 2022 and 2024 from the data next to the reported 2023 figure."""),
    code("""claims.show(autos.claims())
charts.table(autos.production_around_2023(), floatfmt=",.2f",
             caption="Three-country production (million vehicles)")
page.missing("North America's motor vehicle production, 2023 (NAP 2025)",
             "a clean OICA 2023 production table for the US, Mexico and Canada")
page.missing("Auto jobs in Mexico (AMIA) and Canada (StatCan)",
             "employment by industry from INEGI and Statistics Canada, with indirect-job multipliers")""",
         metadata=HIDE),
    md("""## What the reports do not show

- **Different job counts.** The US "auto jobs" figure the report cites from USTR counts dealers, suppliers and
  related work; the BLS manufacturing series used here ({glue:text}`autos_jobs_2024_k:,.0f` thousand in 2024) counts
  only people making vehicles and parts.
  Both can be right; they are not the same measure.
- **Imports only.** The auto share of trade here is computed on US imports; the report's share covers trade in
  both directions with a definition it does not give.
- **A broken year.** The open OICA scrape has unusable 2023 values; the chapter shows the gap instead of filling it.
- **Electric cars lag.** The three countries sell a smaller share of electric cars than China or Europe, and
  Mexico's share is a fraction of its neighbours'; the reports mention EVs without numbers.
- **Current dollars.** Trade values are not adjusted for inflation."""),
    code("""page.cite_this("Autos: the region's most integrated industry")""", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/05-autos.ipynb")
