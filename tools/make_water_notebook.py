"""Generator of notebooks/07-water-energy.ipynb (chapter "Water and energy"). Run from the repo root."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
SOURCES = [
    "owid_sdg642_water_stress.csv",
    "aquastat_agricultural_water_withdrawal_as_pct_of_total_water_withdrawal.csv",
    "aquastat_industrial_water_withdrawal_as_pct_of_total_water_withdrawal.csv",
    "aquastat_municipal_water_withdrawal_as_pct_of_total_withdrawal.csv",
    "aquastat_total_internal_renewable_water_resources_per_capita.csv",
    "smn_conagua_monitor_sequia_municipios_2003_2021.xlsx",
    "conagua_cuencas_disponibilidad_2005_2020.csv",
    "conagua_regiones_hidrologicas_escurrimiento_2006_2019.csv",
    "owid_share_elec_by_source.csv",
    "ei_statistical_review_2024_all_data.xlsx",
    "bp_statistical_review_2021_owid_input.csv",
    "sener_sie_pemex_crude_production_by_asset_PMXB1C05_2010_2023.xls",
    "eia_ng_exports_by_country_monthly_1973_2023jan.xls",
]
src_list = ",\n".join(f'        "{s}"' for s in SOURCES)
TITLE = "Water and energy"

cells = [
    md(f"""# {TITLE}

**The question.** What shared resources sit under North America's growth? How stressed is each country's
water, how has drought moved along Mexico's northern border, how clean is each country's electricity, and
what happened to Mexico's oil and to the gas it now buys by pipeline from the United States?

The water half of the chapter uses FAO, CONAGUA and the Mexican drought monitor; the energy half uses the
Energy Institute's Statistical Review, an older BP edition, PEMEX's monthly production and the US Energy
Information Administration's export records."""),
    code(f"""from northam import charts, claims, page
from northam.analysis import water

page.begin(
    "water",
    sources=[
{src_list},
    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **Water stress** (SDG indicator 6.4.2: freshwater withdrawals as a percentage of available freshwater, after
  environmental flows), annual 2000 to {glue:text}`water_stress_last_year`, FAO AQUASTAT via Our World in Data
  {cite:p}`owid_sdg642_water_stress`.
- **Withdrawals by sector** and **internal renewable freshwater per person**, FAO AQUASTAT
  {cite:p}`aquastat_agricultural_water_withdrawal_as_pct_of_total_water_withdrawal,aquastat_industrial_water_withdrawal_as_pct_of_total_water_withdrawal,aquastat_municipal_water_withdrawal_as_pct_of_total_withdrawal,aquastat_total_internal_renewable_water_resources_per_capita`.
  These are not annual: AQUASTAT publishes 5-yearly periods (the loader labels each value with its period, such
  as 2013-2017) plus a latest single year, {glue:text}`water_sector_period`. Percent and m³ per person per year.
- **Drought Monitor of Mexico** (SMN/CONAGUA), the drought category of each of Mexico's municipalities, monthly
  from 2003 and twice a month from 2014 to October 2021 {cite:p}`smn_conagua_monitor_sequia_municipios_2003_2021`.
  No monitor was issued in August 2003 or February 2004. The 2022-2024 drought is not in this copy.
- **Surface water** (CONAGUA): mean annual availability by basin, as published in the official gazette and
  compiled by a student team {cite:p}`conagua_cuencas_disponibilidad_2005_2020`, complete for all basins only in
  2016-2020; and mean natural runoff by hydrological region, 2006-2019
  {cite:p}`conagua_regiones_hidrologicas_escurrimiento_2006_2019`. Million m³ (hm³) per year. The basin table holds
  text in its numeric columns: "-" (not determined) and mangled deficit cells such as "0.-40", kept as
  missing values with their status and counted as basins without availability.
- **Electricity by source**, percent of generation, 1985-2023, Our World in Data from Ember and the Energy
  Institute {cite:p}`owid_share_elec_by_source`. Before 2000 bioenergy and other renewables are not split; the
  gap is counted as other renewables.
- **Oil and gas**: Energy Institute Statistical Review 2024 {cite:p}`ei_statistical_review_2024_all_data`; the
  BP Statistical Review 2021 edition {cite:p}`bp_statistical_review_2021_owid_input`; PEMEX crude production by
  asset, monthly January 2010 to February 2023 (SENER) {cite:p}`sener_sie_pemex_crude_production_by_asset_pmxb1c05_2010_2023`;
  EIA natural gas exports by country, monthly 1973 to January 2023 {cite:p}`eia_ng_exports_by_country_monthly_1973_2023jan`.
- **Missing here:** deliveries under the 1944 water treaty, aquifer data, water supply per person, and any
  Mexican oil production for 2024 (see the notes at the end)."""),
    code("""numbers = water.key_numbers()
page.glue_all(numbers)""", metadata=HIDE),
    md("""## How stressed is each country's water?

Water stress compares what a country withdraws with what it has. Above 25% the UN calls a country stressed."""),
    code("""fig, data = water.plot_stress()
_ = charts.publish(
    fig, "water-stress", data=data, source="FAO AQUASTAT / UN SDG 6.4.2 via Our World in Data",
    alt=(f"Line chart of water stress, {numbers['water_stress_first_year']}-{numbers['water_stress_last_year']}: "
         f"Mexico rises from {numbers['water_stress_mex_first']:.0f}% to {numbers['water_stress_mex_last']:.0f}% with a "
         f"jump after 2017, the US stays near {numbers['water_stress_usa_2021']:.0f}%, Canada near "
         f"{numbers['water_stress_can_2021']:.0f}%, the world near {numbers['water_stress_wld_2021']:.0f}%."),
    caption="Water stress (SDG 6.4.2) in the three countries and the world. Mexico's jump between 2017 and "
            "2018 comes with a revision of AQUASTAT's data, not a sudden change in use.",
)""", metadata=HIDE),
    md("""**Finding.** In 2021 Mexico withdrew {glue:text}`water_stress_mex_2021:.1f`% of its available freshwater, the
United States {glue:text}`water_stress_usa_2021:.1f`% and Canada {glue:text}`water_stress_can_2021:.1f`%, against
{glue:text}`water_stress_wld_2021:.1f`% for the world. Mexico's figure went from {glue:text}`water_stress_mex_2017:.1f`%
in 2017 to {glue:text}`water_stress_mex_2018:.1f`% in 2018: a step from revised inputs, so the series is not a
measure of year-to-year change."""),
    md("""## Who uses the water, and how much is there per person?"""),
    code("""fig, data = water.plot_withdrawals()
_ = charts.publish(
    fig, "water-withdrawals", data=data, source="FAO AQUASTAT (vars 4254-4256, 4158) via Open Numbers",
    alt=(f"Left: stacked bars of withdrawals by sector in {numbers['water_sector_period']}: agriculture takes "
         f"{numbers['water_sector_mex_agri']:.0f}% in Mexico, {numbers['water_sector_usa_agri']:.0f}% in the US and "
         f"{numbers['water_sector_can_agri']:.0f}% in Canada, where industry takes {numbers['water_sector_can_ind']:.0f}%. "
         f"Right: lines of renewable water per person, falling in Mexico from {numbers['water_renew_mex_first']:,.0f} "
         f"to {numbers['water_renew_mex_last']:,.0f} m3."),
    caption="Withdrawals by sector, latest AQUASTAT year, and internal renewable freshwater per person by "
            "AQUASTAT period (5-yearly, then 2018). The fall per person is population growth over a fixed resource.",
)""", metadata=HIDE),
    md("""**Finding.** Agriculture takes {glue:text}`water_sector_mex_agri:.1f`% of Mexico's withdrawals, cities
{glue:text}`water_sector_mex_muni:.1f`% and industry {glue:text}`water_sector_mex_ind:.1f`%. In the United States
industry, mostly power-plant cooling, is the largest user ({glue:text}`water_sector_usa_ind:.0f`%), and in Canada it
takes {glue:text}`water_sector_can_ind:.0f`%. Each Mexican has {glue:text}`water_renew_mex_last:,.0f` m³ of internal
renewable water a year ({glue:text}`water_renew_last_year`), down from {glue:text}`water_renew_mex_first:,.0f` m³ in
{glue:text}`water_renew_first_year`; the figure is {glue:text}`water_renew_usa_last:,.0f` m³ in the United States and
{glue:text}`water_renew_can_last:,.0f` m³ in Canada."""),
    md("""## Drought along the border

The six Mexican states on the US border, with every municipality counted once (not weighted by area or
population). The state-level shares are computed in the `northam` library."""),
    code("""fig, data = water.plot_drought()
_ = charts.publish(
    fig, "water-drought-border", data=data, source="SMN/CONAGUA, Monitor de Sequía de México, MunicipiosSequia.xlsx",
    alt=(f"Six stacked area charts, one per border state, of the share of municipalities in drought categories "
         f"D0 to D4 from 2003 to 2021. Droughts come in waves; the worst, in {numbers['water_drought_peak_month']}, "
         f"put {numbers['water_drought_peak_severe']:.0f}% of border municipalities in severe drought or worse."),
    caption="Share of municipalities in each category of the Drought Monitor: D0 abnormally dry, D1 moderate, "
            "D2 severe, D3 extreme, D4 exceptional drought. White: no drought.",
)""", metadata=HIDE),
    md("""**Finding.** Across the six states, {glue:text}`water_drought_mean_severe:.0f`% of municipalities were in
severe drought or worse in an average month, but the average hides waves: in {glue:text}`water_drought_peak_month`
the share reached {glue:text}`water_drought_peak_severe:.0f`%. The data end in {glue:text}`water_drought_last_month`."""),
    md("""## Surface water: availability by region and basins with none

CONAGUA publishes, for each of the country's basins, the water left after downstream commitments. Summing the
positive balances of a region's basins gives its available volume; because a river's water is counted again in
each basin it flows through, these sums are an index, not a volume one could withdraw."""),
    code("""fig, data = water.plot_surface_water()
_ = charts.publish(
    fig, "water-surface-availability", data=data,
    source="CONAGUA, surface-water availability by basin (DOF), compiled by the proyectoCONAGUA team",
    alt=(f"Left: horizontal bars of available surface water by region in 2016 and 2020; "
         f"{numbers['water_avail_top_region']} holds {numbers['water_avail_top_share']:.0f}% of the 2020 total. "
         f"Right: bars of basins with no availability, rising from {numbers['water_basins_noavail_2016']} in 2016 to "
         f"{numbers['water_basins_noavail_2020']} in 2020, with basins not determined stacked on top."),
    caption="Available surface water by hydrological-administrative region (sum of positive basin balances) and "
            "the number of basins with zero or negative availability, 2016-2020, the years the table covers all "
            "basins. In 2016-2019 most Río Bravo basins were not determined; the 2020 publication revised "
            "availability in the south sharply downward.",
)""", metadata=HIDE),
    code("""fig, data = water.plot_runoff()
_ = charts.publish(
    fig, "water-runoff-regions", data=data, source="CONAGUA (SINA), mean natural surface runoff by hydrological region",
    alt=(f"Line chart of mean natural runoff for the eight largest hydrological regions, "
         f"{numbers['water_runoff_first_year']}-{numbers['water_runoff_last_year']}; the lines step when CONAGUA "
         f"revises its estimates and are otherwise flat. National total in {numbers['water_runoff_last_year']}: "
         f"{numbers['water_runoff_last_km3']:,.0f} km3."),
    caption="Mean natural surface runoff as CONAGUA estimated it in each year's statistics: long-run averages, so "
            "changes are revisions, not wet or dry years.",
)""", metadata=HIDE),
    md("""**Finding.** In 2020, {glue:text}`water_basins_noavail_2020` of Mexico's {glue:text}`water_basins_total` basins had
no water left to allocate, against {glue:text}`water_basins_noavail_2016` in 2016; but in 2016 another
{glue:text}`water_basins_undetermined_2016` basins, nearly all in the Río Bravo region on the border, had no
determination at all, so part of the rise is basins being assessed. Available water is concentrated in the south:
{glue:text}`water_avail_top_region` alone holds {glue:text}`water_avail_top_share:.0f`% of the 2020 total. Mean
natural runoff, the long-run average, was {glue:text}`water_runoff_last_km3:,.0f` km³ a year in CONAGUA's
{glue:text}`water_runoff_last_year` statistics."""),
    md("""## Electricity: sources and the clean share

"Clean" is defined two ways below: renewables alone (hydro, wind, solar, bioenergy, geothermal and other), and
renewables plus nuclear. The North American Project's figures mix them: its US figure is renewables alone, its
Mexican figure follows SENER's "clean energy", which adds nuclear and efficient cogeneration."""),
    code("""fig, data = water.plot_electricity()
_ = charts.publish(
    fig, "water-electricity-mix", data=data, source="Our World in Data, share of electricity by source (Ember, Energy Institute)",
    alt=(f"Three stacked area charts of electricity by source, 1985-{numbers['water_elec_last_year']}, and a line chart "
         f"of clean shares. In {numbers['water_elec_last_year']} renewables plus nuclear are "
         f"{numbers['water_elec_can_clean']:.0f}% in Canada, {numbers['water_elec_usa_clean']:.0f}% in the US and "
         f"{numbers['water_elec_mex_clean']:.0f}% in Mexico, where gas dominates."),
    caption="Share of electricity generation by source, and two clean shares: renewables (solid) and renewables "
            "plus nuclear (dashed).",
)""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`water_elec_last_year`, renewables produced {glue:text}`water_elec_can_renew:.1f`% of
Canada's electricity, {glue:text}`water_elec_usa_renew:.1f`% of the United States' and {glue:text}`water_elec_mex_renew:.1f`%
of Mexico's. Adding nuclear gives {glue:text}`water_elec_can_clean:.1f`%, {glue:text}`water_elec_usa_clean:.1f`% and
{glue:text}`water_elec_mex_clean:.1f`%. Fossil fuels still made {glue:text}`water_elec_mex_fossil:.0f`% of Mexico's
power."""),
    md("""## Mexico's oil: peak, decline and three publications

The Energy Institute (2024 edition), the BP edition of 2021 and PEMEX's own monthly figures, on one chart."""),
    code("""fig, data = water.plot_oil()
_ = charts.publish(
    fig, "water-mexico-oil", data=data,
    source="Energy Institute Statistical Review 2024; BP Statistical Review 2021 (OWID input); PEMEX via SENER SIE",
    alt=(f"Line chart of Mexico's oil production. Crude and condensate peak at {numbers['water_oil_peak_kbd']:,.0f} "
         f"thousand barrels a day in {numbers['water_oil_peak_year']} and fall to {numbers['water_oil_last_kbd']:,.0f} "
         f"in {numbers['water_oil_last_year']}; the BP 2021 line lies on the EI line, and PEMEX's monthly line runs "
         f"from {numbers['water_oil_pemex_first_kbd']:,.0f} in January 2010 to {numbers['water_oil_pemex_last_kbd']:,.0f} "
         f"in {numbers['water_oil_pemex_last_month']}."),
    caption="Mexico's oil production: all oil including natural gas liquids and crude plus condensate (EI 2024 and "
            "the BP 2021 edition), and PEMEX's monthly crude production. The dashed line marks the peak year.",
)
charts.table(water.oil_comparison_table(), caption="Mexico, crude + condensate: gaps between publications",
             floatfmt=",.3f")""",
         metadata=HIDE),
    md("""**Finding.** Crude and condensate peaked in {glue:text}`water_oil_peak_year` at
{glue:text}`water_oil_peak_kbd:,.0f` thousand barrels a day (all oil including gas liquids:
{glue:text}`water_oil_total_peak_kbd:,.0f` thousand) and stood at {glue:text}`water_oil_last_kbd:,.0f` thousand in
{glue:text}`water_oil_last_year`. The three publications agree: the BP 2021 edition differs from the 2024 edition by
at most {glue:text}`water_oil_bp_max_abs_diff_pct:.4f`% in the years both cover, and the annual means of PEMEX's
monthly figures lie between {glue:text}`water_oil_pemex_gap_min:.2f`% and {glue:text}`water_oil_pemex_gap_max:.2f`% of
the Energy Institute's numbers, which are PEMEX's own data."""),
    md("""## Gas by pipeline from the United States

Two sources: the EIA's monthly export volumes (converted from million cubic feet per month to billion cubic feet
per day) and the Energy Institute's 2023 pipeline trade table (billion cubic metres a year, converted at 35.3 bcf
per bcm)."""),
    code("""fig, data = water.plot_gas()
_ = charts.publish(
    fig, "water-gas-exports-mexico", data=data,
    source="EIA, Natural Gas Exports by Country (N9132MX2); Energy Institute Statistical Review 2024, gas trade by pipeline",
    alt=(f"Line chart of monthly US pipeline gas exports to Mexico, {numbers['water_gas_first_year']} to "
         f"{numbers['water_gas_last_month']}: small until 2010, then rising to about {numbers['water_gas_last_full']:.1f} "
         f"bcf a day in {numbers['water_gas_last_full_year']}, with a dot at {numbers['water_gas_ei_2023_bcfd']:.1f} for "
         f"the 2023 annual average from the Energy Institute."),
    caption="US natural gas exports to Mexico by pipeline: EIA monthly volumes (line) and the Energy Institute's "
            "2023 annual flow (dot). The two sources measure the same flow; the EIA file ends in January 2023.",
)""", metadata=HIDE),
    md("""**Finding.** Pipeline exports averaged {glue:text}`water_gas_2014:.1f` bcf a day in 2014,
{glue:text}`water_gas_2015:.1f` in 2015 and {glue:text}`water_gas_last_full:.1f` in {glue:text}`water_gas_last_full_year`;
the highest month in the EIA file was {glue:text}`water_gas_max_month` at {glue:text}`water_gas_max_bcfd:.1f`. For
2023 the Energy Institute records {glue:text}`water_gas_ei_2023_bcm:.1f` billion m³, or
{glue:text}`water_gas_ei_2023_bcfd:.1f` bcf a day on average."""),
    md("""## Is drought on the border becoming more frequent?

A linear trend in the share of border-state municipalities in severe drought or worse (D2-D4), fitted to
monthly values (semi-monthly maps averaged) with a dummy for each calendar month to take out the seasonal cycle.
Drought lasts for months, so the residuals are autocorrelated: the interval uses Newey-West standard errors
(12 lags) (statsmodels OLS)."""),
    code("""charts.table(water.trend_table(), caption="Severe-or-worse drought share, border states: OLS trend",
             floatfmt=",.2f")""", metadata=HIDE),
    md("""**Finding.** The fitted trend is {glue:text}`water_drought_trend_decade:+.1f` percentage points per decade,
with a 95% interval from {glue:text}`water_drought_trend_lo:+.1f` to {glue:text}`water_drought_trend_hi:+.1f`
(p = {glue:text}`water_drought_trend_p:.2f`, {glue:text}`water_drought_trend_n` months): the data cannot tell a
rising trend from none. Seasonally, severe drought peaks around {glue:text}`water_drought_season_peak` and is
lowest around {glue:text}`water_drought_season_low`. Caveats: under two decades hold only a few multi-year
drought episodes, so a straight line is dominated by where they fall; the share is bounded by 0
and 100; the monitor changed from monthly to twice-monthly maps in 2014; and the series stops in October 2021,
before the 2022-2024 drought."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` and the Wilson Center's booklet {cite:p}`wilson2023` quote these
figures on water and energy."""),
    code("""claims.show(water.claims())""", metadata=HIDE),
    code("""page.missing("1944 treaty deliveries by five-year cycle (Wilson Center, water section)",
             "the IBWC/CILA accounts of Rio Grande deliveries by Mexico and Colorado River deliveries by the US, by cycle.")
page.missing("Aquifer availability: 653 aquifers, 157 overexploited (Wilson Center)",
             "CONAGUA's aquifer availability determinations published in the DOF, by aquifer and year.")
page.missing("Water supply per person, 348.3 litres a day in 1996 to 240 in 2020 (Wilson Center)",
             "CONAGUA/SINA drinking-water supply per inhabitant, 1996-2020.")
page.missing("Mexican oil production for 2024 (Wilson Center chart, EIA 2000-2024)",
             "the Energy Institute's 2025 edition or EIA International Energy Statistics with 2024.")
page.missing("Private companies' share of Mexican oil production, 2012-2022 (Wilson Center)",
             "the CNH hydrocarbon information system (SIH) production by operator.")
page.missing("Mexico's monthly natural gas supply by disposition, 2015-June 2023 (Wilson Center)",
             "Wood Mackenzie's proprietary balance, or SENER's monthly gas balance; only the US pipeline exports are "
             "open here.")""", metadata=HIDE),
    md("""## What the reports do not show

- **Mexico's water-stress jump is a revision.** The step between 2017 and 2018 comes from revised AQUASTAT
  inputs; the reports' "worsened in recent years" cannot be read off this series.
- **Drought is regional and episodic.** The border states swing from almost no drought to nearly all
  municipalities in drought within a year or two; a single year's figure says little about a trend, and the open
  monitor stops in 2021.
- **Basin balances double count.** Sums of basin availability count a river again in each basin it crosses;
  the number of basins without availability is the firmer measure, and part of its rise reflects basins newly
  assessed.
- **"Clean" means different things.** With nuclear, the US share roughly doubles; the reports' comparison
  sets a renewables-only US figure beside Mexico's wider definition.
- **Oil vintages agree.** The 2021 and 2024 editions and PEMEX's monthly data match closely for Mexico, so
  differences with the reports come from definitions (crude only, PEMEX only) rather than revisions.
- **Gas dependence runs one way.** Almost all pipeline gas crossing the US-Mexico border goes south; the
  reports show the rise but not that it was already about {glue:text}`water_gas_2015:.1f` bcf a day in 2015."""),
    code(f"page.cite_this({TITLE!r})", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/07-water-energy.ipynb")
