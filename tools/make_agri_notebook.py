"""Generator of notebooks/04-agribusiness.ipynb (run from the repository root; writes no outputs).

Then stamp it: ``python -m northam stamp notebooks/04-agribusiness.ipynb``.
"""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
TITLE = "Agribusiness: the North American table"
ERS = "USDA Economic Research Service, U.S. Food Imports (food.csv, 1999-2023)"
HS = "US Census Bureau, international trade API, imports by HS chapter (2023-2024 monthly)"

cells = [
    md(f"""# {TITLE}

**The question.** How much of the food the United States buys abroad comes from Mexico and Canada, which
products carry that trade, how seasonal is it, and how have farm output and farm jobs moved behind it?

The North American Project {{cite:p}}`nap2025` presents food and farm trade as a pillar of regional
integration: Mexico fills US winter shelves with fresh produce and beer, Canada ships grains, oils and meat.
This chapter rebuilds what the open files allow: the import side of that trade, farm output and farm jobs."""),
    code("""from northam import charts, claims, page
from northam.analysis import agri

page.begin(
    "agri",
    sources=[
        "ers_us_food_imports_by_country_1999-2023.csv",
        "census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData",
        "census_enduse_imports_by_country_2016-2025.xlsx",
        "agdata_fao_qcl_crop_group_aggregates_1961-2024.csv.gz",
        "fred_LNU02034560_employment_agriculture_related_industries.csv",
    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **US food imports by food group, commodity and leading source country**, 1999–2023, USDA Economic Research
  Service, *U.S. Food Imports* {cite:p}`ers_us_food_imports_by_country_1999_2023`. Million current US dollars
  (customs value). The file is Windows-1252 encoded and its year column also holds two summary rows,
  "means10years" and "means" (average growth rates); the loader drops them so they are never read as years.
- **US imports by HS chapter and partner, monthly 2023–2024**, US Census Bureau trade API, saved as an R data
  file {cite:p}`census_api_us_imports_by_hs2_by_country_monthly_2023_2024`. Current dollars, general imports;
  chapters 01–24 are food and agricultural products.
- **US imports by End-Use category and partner**, 2016–2025, US Census Bureau
  {cite:p}`census_enduse_imports_by_country_2016_2025`: foods, feeds and beverages are the End-Use codes starting
  with 0.
- **Crop production by crop group** (cereals, fruit, vegetables), 1961–2024, FAOSTAT via the agData package
  {cite:p}`agdata_fao_qcl_crop_group_aggregates_1961_2024`. Tonnes. Item names contain commas inside an unquoted
  CSV, so the loader parses each line from both ends.
- **US employment in agriculture and related industries**, monthly since 1948, BLS Current Population Survey via
  FRED {cite:p}`fred_lnu02034560_employment_agriculture_related_industries`. Thousands of persons, not seasonally
  adjusted; this copy ends in {glue:text}`agri_emp_last_month`.
- **Nominal dollars throughout.** The mirror holds no US price index or deflator, so import values are in
  current dollars and part of their growth is inflation. The ERS file's "imported food prices" are average
  dollars per tonne of each food group, which move with the product mix as well as with prices, so they are not
  used as a deflator.
- **Missing here:** US agricultural *exports* by destination, the volumes behind the availability shares, and
  production of single crops (maize, wheat, rice); see the list at the end."""),
    code("""numbers = agri.key_numbers()
page.glue_all(numbers)""", metadata=HIDE),
    md("""## Mexico and Canada in US fresh fruit and vegetable imports

Shares of the import *value* of fresh or chilled fruit and of fresh vegetables, by origin."""),
    code("""shares = agri.fresh_produce_shares()
fig, axes = charts.figure("Where US fresh fruit and vegetable imports come from",
                          "Percent of US import value, 1999-2023", ncols=2, sharey=True)
for ax, product in zip(axes, ["Fresh fruit", "Fresh vegetables"]):
    s = shares[shares["product"] == product].set_index("year")
    ax.stackplot(s.index, s["MEX"], s["CAN"], s["ROW"], labels=["Mexico", "Canada", "Rest of the world"],
                 colors=[charts.country_color(c) for c in ("MEX", "CAN", "ROW")])
    ax.set_title(product, fontsize=10, loc="left")
    ax.set_ylim(0, 100)
axes[0].legend(loc="upper left", fontsize=8)
fig.subplots_adjust(top=0.8)
charts.publish(fig, "agri-fresh-shares", data=shares, source=agri.ERS_SOURCE,
    alt=(f"Two stacked area charts of the origin of US fresh fruit and fresh vegetable imports, 1999 to 2023. "
         f"Mexico's share of fresh fruit rises from {numbers['agri_fruit_mex_1999']:.0f}% to "
         f"{numbers['agri_fruit_mex_2023']:.0f}%; its share of fresh vegetables stays around two thirds "
         f"({numbers['agri_veg_mex_2023']:.0f}% in 2023) with Canada at {numbers['agri_veg_can_2023']:.0f}%."),
    caption="Shares of US fresh fruit and fresh vegetable import value supplied by Mexico, Canada and all other "
            "countries.")""", metadata=HIDE),
    md("""**Finding.** In 2023 Mexico supplied {glue:text}`agri_fruit_mex_2023:.1f`% of the
{glue:text}`agri_fruit_world_2023_bn:.1f` billion dollars of fresh fruit the United States imported, up from
{glue:text}`agri_fruit_mex_1999:.1f`% in 1999; Canada supplied {glue:text}`agri_fruit_can_2023:.1f`%. Of the
{glue:text}`agri_veg_world_2023_bn:.1f` billion dollars of fresh vegetables, {glue:text}`agri_veg_mex_2023:.1f`% came
from Mexico and {glue:text}`agri_veg_can_2023:.1f`% from Canada. Mexico's vegetable share was already
{glue:text}`agri_veg_mex_1999:.1f`% in 1999; the fruit share is where it gained most."""),
    md("""## Food imports from Mexico and from Canada by food group

ERS food groups, in current dollars (no deflator in the mirror). The six largest groups of 2023 are shown
for each partner; the other groups are summed."""),
    code("""fig, axes = charts.figure("US food imports from Mexico and from Canada, by food group",
                          "Billion current US dollars (nominal, not deflated), 1999-2023", ncols=2, sharey=True)
for ax, iso in zip(axes, ["MEX", "CAN"]):
    w = agri.food_groups_wide(iso) / 1e3
    ax.stackplot(w.index, w.T.to_numpy(), labels=w.columns, colors=[agri.GROUP_COLORS[g] for g in w.columns])
    ax.set_title(charts.country_label(iso), fontsize=10, loc="left")
    ax.legend(loc="upper left", fontsize=7)
fig.subplots_adjust(top=0.8)
data = agri.food_groups().assign(unit="million current USD")
charts.publish(fig, "agri-food-groups", data=data, source=agri.ERS_SOURCE,
    alt=(f"Two stacked area charts of US food imports by food group from Mexico and from Canada, 1999 to 2023, in "
         f"nominal dollars. Imports from Mexico grow from {numbers['agri_food_mex_1999_bn']:.1f} to "
         f"{numbers['agri_food_mex_2023_bn']:.1f} billion dollars, led by fruit, vegetables and beverages; imports from "
         f"Canada grow from {numbers['agri_food_can_1999_bn']:.1f} to {numbers['agri_food_can_2023_bn']:.1f} billion, "
         f"led by grain products, vegetable oils and vegetables."),
    caption="US food imports from Mexico and from Canada by ERS food group, current dollars. Values are not "
            "adjusted for inflation.")""", metadata=HIDE),
    md("""**Finding.** Summed over the ERS food groups, US food imports from Mexico rose from
{glue:text}`agri_food_mex_1999_bn:.1f` billion dollars in 1999 to {glue:text}`agri_food_mex_2023_bn:.1f` billion in 2023,
overtaking those from Canada ({glue:text}`agri_food_can_1999_bn:.1f` and {glue:text}`agri_food_can_2023_bn:.1f` billion).
The two baskets differ: fresh produce and beverages from Mexico, grains, oils and meat from Canada. These are
current dollars; without a price index in the mirror the real growth cannot be separated from inflation."""),
    md("""## Beer: a value chain that ends in US imports

The report's beer story runs from US barley, malt and corn starch to Mexican breweries and back. The import leg
is in the ERS file (line "Malt beer")."""),
    code("""beer = agri.beer_imports()
fig, ax = charts.figure("US beer imports by origin", "Malt beer, billion current US dollars, 1999-2023")
cols = ["Mexico", "Netherlands", "Canada", "Other"]
ax.stackplot(beer.index, (beer[cols] / 1e3).T.to_numpy(), labels=cols,
             colors=[charts.country_color("MEX"), "#56B4E9", charts.country_color("CAN"), charts.country_color("ROW")])
ax2 = ax.twinx()
ax2.plot(beer.index, beer["mex_share"], color="black", linestyle=":", label="Mexico's share (right, %)")
ax2.set_ylim(0, 100)
ax.legend(loc="upper left", fontsize=8)
ax2.legend(loc="lower right", fontsize=8)
charts.publish(fig, "agri-beer", data=beer.reset_index().assign(unit="million current USD; share percent"),
    source=agri.ERS_SOURCE,
    alt=(f"Stacked area chart of US malt beer imports by origin, 1999 to 2023, with Mexico's share as a dotted line. "
         f"Mexico's share rises from {numbers['agri_beer_mex_share_1999']:.0f}% to "
         f"{numbers['agri_beer_mex_share_2023']:.0f}%; total imports reach {numbers['agri_beer_world_2023_bn']:.1f} "
         f"billion dollars in 2023."),
    caption="US malt beer imports by origin (areas, left axis) and Mexico's share of them (dotted line, right axis).")""",
         metadata=HIDE),
    md("""**Finding.** In 2022 the United States imported {glue:text}`agri_beer_world_2022_bn:.2f` billion dollars of malt
beer, {glue:text}`agri_beer_mex_2022_bn:.2f` billion of it from Mexico. Mexico's share climbed from
{glue:text}`agri_beer_mex_share_1999:.0f`% in 1999 to {glue:text}`agri_beer_mex_share_2023:.0f`% in 2023, when imports
from Mexico reached {glue:text}`agri_beer_mex_2023_bn:.2f` billion. The export leg of the chain (US barley, malt and
starch shipped to Mexican breweries) is not in the mirror."""),
    md("""## Food and farm imports by HS chapter, 2023–2024

Census data by Harmonized System chapter (01–24 are food and agricultural products) give the monthly detail
that the annual ERS file lacks."""),
    code("""top = agri.hs_top_chapters(2024)
fig, axes = charts.figure("Largest food and farm chapters of US imports, 2024",
                          "HS chapters 01-24, billion current US dollars", nrows=2, figsize=(8, 6.5))
for ax, iso in zip(axes, ["MEX", "CAN"]):
    t = top[top["iso3"] == iso].iloc[::-1]
    ax.barh(t["label"], t["value"] / 1e3, color=charts.country_color(iso))
    ax.set_title(f"From {charts.country_label(iso)}", fontsize=10, loc="left")
    ax.tick_params(axis="y", labelsize=8)
fig.subplots_adjust(top=0.86, hspace=0.35)
charts.publish(fig, "agri-hs-top", data=top.assign(unit="million current USD; share percent"),
    source="US Census Bureau, international trade API (HS2 imports, 2023-2024)",
    alt=(f"Two horizontal bar charts of the six largest HS food and farm chapters of US imports in 2024. From "
         f"Mexico the largest is {numbers['agri_hs_top_mex_label']} ({numbers['agri_hs_top_mex_share']:.0f}% of "
         f"chapters 01-24); from Canada it is {numbers['agri_hs_top_can_label']} "
         f"({numbers['agri_hs_top_can_share']:.0f}%)."),
    caption="The six largest HS chapters (01-24) of US imports from Mexico and from Canada in 2024.")""",
         metadata=HIDE),
    code("""season = agri.hs_seasonal(("07", "08"))
fig, ax = charts.figure("Monthly US imports of vegetables and fruit from Mexico",
                        "HS 07 (vegetables) and HS 08 (fruit and nuts), million current US dollars, 2023-2024")
ax.plot(season.index, season["07"], color=charts.country_color("MEX"), label="HS 07 vegetables")
ax.plot(season.index, season["08"], color="#E69F00", label="HS 08 fruit and nuts")
for start, end in agri.winter_spans(season.index):
    ax.axvspan(start, end, color="#DDDDDD", zorder=0, lw=0)
ax.set_ylim(0, None)
ax.legend(loc="upper right", fontsize=8)
charts.publish(fig, "agri-hs-seasonal", data=season.reset_index().assign(unit="million current USD"),
    source="US Census Bureau, international trade API (HS2 imports, 2023-2024)",
    alt=(f"Line chart of monthly US imports of vegetables and of fruit from Mexico, 2023 to 2024, with winter months "
         f"shaded. Vegetable imports peak in the winter months and fall in late summer; winter months bring about "
         f"{numbers['agri_winter_veg_ratio']:.1f} times the imports of other months."),
    caption="Monthly US imports from Mexico of HS chapter 07 (vegetables) and 08 (fruit and nuts). Shaded: "
            "December to February.")""", metadata=HIDE),
    code("""totals = agri.enduse_food_imports()
charts.table((totals[["MEX", "CAN", "MEX+CAN", "WORLD"]] / 1e3).assign(share_na=totals["share_na"])
             .reset_index().rename(columns={"share_na": "Mexico+Canada, % of world"}),
             caption="US imports of foods, feeds and beverages (End-Use 0), billion current US dollars")""",
         metadata=HIDE),
    md("""**Finding.** In 2024 the United States imported {glue:text}`agri_hs_mex_2024_bn:.1f` billion dollars of food and
farm products (HS 01–24) from Mexico and {glue:text}`agri_hs_can_2024_bn:.1f` billion from Canada,
{glue:text}`agri_hs_mexcan_share_2024:.0f`% of the {glue:text}`agri_hs_world_2024_bn:.0f` billion imported from the
world. The largest chapter from Mexico was {glue:text}`agri_hs_top_mex_label`
({glue:text}`agri_hs_top_mex_share:.0f`% of chapters 01–24), from Canada {glue:text}`agri_hs_top_can_label`
({glue:text}`agri_hs_top_can_share:.0f`%). On the narrower End-Use definition (foods, feeds and beverages), imports
from the two neighbours were {glue:text}`agri_enduse_mexcan_2023_bn:.1f` billion dollars in 2023, and
{glue:text}`agri_enduse_share_na_last:.0f`% of the world total in {glue:text}`agri_enduse_last_year`. The report's figure
for food trade within the region counts both directions; the open data hold only the US import side,
{glue:text}`agri_hs_mexcan_2023_bn:.1f` billion dollars in 2023 on the HS 01–24 definition."""),
    md("""## How seasonal are vegetable imports from Mexico?

With only 24 months of chapter data, a regression of log monthly imports on a winter-month indicator (December
to February, with a year effect; statsmodels OLS) measures how much more arrives in winter. The ERS file is
annual, so the 1999–2023 question is asked of Mexico's annual share instead: a linear trend with
autocorrelation-robust (Newey-West) errors."""),
    code("""trend = agri.fresh_produce_shares()
charts.table(trend[trend["year"].isin([1999, 2005, 2011, 2017, 2023])].pivot(index="year", columns="product",
             values="MEX").reset_index(), caption="Mexico's share of US fresh produce imports, selected years (%)")""",
         metadata=HIDE),
    md("""**Finding.** A winter month brings {glue:text}`agri_winter_veg_ratio:.2f` times the vegetable imports from
Mexico of another month of the same year (95% interval {glue:text}`agri_winter_veg_ratio_lo:.2f` to
{glue:text}`agri_winter_veg_ratio_hi:.2f`). That puts {glue:text}`agri_winter_veg_share:.0f`% of the year's vegetable
imports in the three winter months (interval {glue:text}`agri_winter_veg_share_lo:.0f`–{glue:text}`agri_winter_veg_share_hi:.0f`%),
against {glue:text}`agri_winter_flat_share:.0f`% if they were spread evenly; the observed shares were
{glue:text}`agri_winter_veg_obs_2023:.1f`% in 2023 and {glue:text}`agri_winter_veg_obs_2024:.1f`% in 2024. Fruit and nuts
peak later, in early spring, so their December–February share is lower and not clearly above an even spread
({glue:text}`agri_winter_fruit_share:.0f`%, interval {glue:text}`agri_winter_fruit_share_lo:.0f`–{glue:text}`agri_winter_fruit_share_hi:.0f`%).
Monthly data before 2023 are not in the mirror, so whether the winter share itself changed since 1999 cannot be
tested. Mexico's annual share of fresh vegetable imports grew slowly, by {glue:text}`agri_veg_trend_slope:.2f`
percentage points a year (95% interval {glue:text}`agri_veg_trend_lo:.2f` to {glue:text}`agri_veg_trend_hi:.2f`), or about
{glue:text}`agri_veg_trend_change:.1f` points over 1999–2023; its fruit share grew faster,
{glue:text}`agri_fruit_trend_slope:.2f` points a year (interval {glue:text}`agri_fruit_trend_lo:.2f` to
{glue:text}`agri_fruit_trend_hi:.2f`)."""),
    md("""## Farm output in the three countries

Production of three FAO crop groups, indexed to 2013 (the base year of the report's crop comparison)."""),
    code("""crops = agri.crop_index()
fig, axes = charts.figure("Crop production in the three countries", "Production in tonnes, index 2013 = 100",
                          ncols=3, sharey=True)
for ax, crop in zip(axes, agri.CROPS):
    for iso in ["USA", "MEX", "CAN"]:
        c = crops[(crops["crop"] == crop) & (crops["iso3"] == iso)]
        ax.plot(c["year"], c["index"], color=charts.country_color(iso), label=charts.country_label(iso), lw=1.2)
    ax.axhline(100, color="#888888", lw=0.8, ls="--")
    ax.set_title(crop, fontsize=10, loc="left")
axes[0].legend(loc="upper left", fontsize=8)
fig.subplots_adjust(top=0.8)
charts.publish(fig, "agri-crops", data=crops.assign(unit="t; index 2013=100"),
    source="FAOSTAT QCL crop groups, via the agData R package",
    alt=(f"Three line charts of cereal, fruit and vegetable production in the United States, Mexico and Canada, "
         f"1961 to {numbers['agri_crop_last_year']}, indexed to 2013. By 2023 Mexico's fruit index is "
         f"{numbers['agri_crop_fruit_mex_2023']:.0f} and its vegetable index {numbers['agri_crop_vegetables_mex_2023']:.0f}, "
         f"while the US fruit index is {numbers['agri_crop_fruit_usa_2023']:.0f}."),
    caption="Production of FAO crop groups (cereals, fruit, vegetables), each country indexed to its 2013 level.")""",
         metadata=HIDE),
    md("""**Finding.** Between 2013 and 2023 Mexico's fruit production rose to {glue:text}`agri_crop_fruit_mex_2023:.0f` and
its vegetable production to {glue:text}`agri_crop_vegetables_mex_2023:.0f` (2013 = 100), in step with its export boom,
while US fruit production fell to {glue:text}`agri_crop_fruit_usa_2023:.0f` and US vegetables to
{glue:text}`agri_crop_vegetables_usa_2023:.0f`. Cereals moved less: {glue:text}`agri_crop_cereals_usa_2023:.0f` in the
United States, {glue:text}`agri_crop_cereals_mex_2023:.0f` in Mexico and {glue:text}`agri_crop_cereals_can_2023:.0f` in
Canada. The report's single-crop figures (maize, wheat, rice) need per-crop files the mirror lacks."""),
    md("""## Farm jobs in the United States

The household survey counts people employed in agriculture and related industries; the raw monthly series is
not seasonally adjusted, so a 12-month average shows the trend."""),
    code("""emp = agri.ag_employment()
fig, ax = charts.figure("US employment in agriculture and related industries",
                        "Million persons, monthly, not seasonally adjusted, and 12-month average")
ax.plot(emp["date"], emp["value"] / 1e3, color="#BBBBBB", lw=0.7, label="Monthly")
ax.plot(emp["date"], emp["avg12"] / 1e3, color=charts.country_color("USA"), lw=1.6, label="12-month average")
ax.set_ylim(0, None)
ax.legend(loc="upper right", fontsize=8)
charts.publish(fig, "agri-employment", data=emp.assign(unit="thousand persons"),
    source="BLS Current Population Survey via FRED (series LNU02034560)",
    alt=(f"Line chart of monthly US employment in agriculture and related industries since 1948 with its 12-month "
         f"average. The average falls from about {numbers['agri_emp_1948_avg_m']:.1f} million in 1948 to about "
         f"{numbers['agri_emp_last_avg12_m']:.2f} million in {numbers['agri_emp_last_month']}; the monthly series swings "
         f"with the seasons and steps down in 2000 when the survey's industry classification changed."),
    caption="US employment in agriculture and related industries (household survey), monthly and 12-month "
            "average. The step in 2000 reflects a change of industry classification.")""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`agri_emp_last_month`, the last month in this copy of the series,
{glue:text}`agri_emp_last_m:.2f` million people worked in agriculture and related industries; the 12-month average was
{glue:text}`agri_emp_last_avg12_m:.2f` million. Within 2024 the monthly count ranged from
{glue:text}`agri_emp_2024_min_m:.2f` to {glue:text}`agri_emp_2024_max_m:.2f` million, so a single month says little
about the level. In 1948 the average was {glue:text}`agri_emp_1948_avg_m:.1f` million."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` quotes shares, values and counts for the region's farm trade. The table
sets each next to the open data; the notes below list the report's charts that the mirror cannot rebuild."""),
    code("""claims.show(agri.claims())
page.missing("US agricultural exports by country of destination (constant 2024 dollars), and Mexico as first "
             "destination in 2024", "USDA FAS Global Agricultural Trade System (GATS) or ERS FATUS exports by "
             "destination")
page.missing("US agricultural imports by country of origin in constant 2024 dollars",
             "a US price index or deflator in the mirror; the import values above are nominal")
page.missing("Imports as a percentage of fresh fruit and vegetable availability, 1981-2023",
             "ERS Fruit and Vegetable Yearbook tables (production, exports, imports by volume)")
page.missing("Corn, wheat and rice production in North America, 2013-2023",
             "FAOSTAT QCL per-crop production (the mirror holds crop-group aggregates only)")
page.missing("US economic activity generated per dollar of agricultural exports",
             "ERS agricultural trade multipliers (input-output model)")
page.missing("The beer value chain's export leg (US barley, malt and corn starch to Mexico)",
             "US exports to Mexico by HS heading (1003, 1107, 1108) from Census or USDA GATS")""", metadata=HIDE),
    md("""## What the reports do not show

- **Only the import side.** Every trade value in this chapter is a US import. The report's total for food trade
  within North America also counts US farm exports to Mexico and Canada and the Mexico–Canada leg, which are not
  in the mirror.
- **Current dollars.** Food import values are nominal; food prices rose sharply after 2021, so part of the recent
  growth is price, not volume.
- **Shares depend on the product line.** "Fresh fruit" in ERS's line excludes frozen, dried and prepared fruit and
  juices; Census HS chapters 07 and 08 include processed and dried items and nuts. The two sources give different
  totals for the same country.
- **Seasonality in two years only.** The monthly chapter data cover 2023–2024; a winter share estimated from 24
  months has a wide interval.
- **Farm jobs are a survey count.** The household survey series is not seasonally adjusted, has a classification
  break in 2000, and counts people, not full-time equivalents."""),
    code(f"page.cite_this({TITLE!r})", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/04-agribusiness.ipynb")
