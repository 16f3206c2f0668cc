"""One-off generator of notebooks/01-north-america-in-data.ipynb (kept for reference; edit the notebook)."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
cells = [
    md("""# North America in data

**The question.** How large is the goods trade that ties the United States to Mexico and Canada, how has it
grown since NAFTA, and where do the two neighbours rank among all US trading partners?

This opening chapter uses a single source, the US Census Bureau's goods-trade-by-country file, so that every
number below can be traced to one published table. Later chapters add food, cars, people, water and energy."""),
    code("""from myst_nb import glue

from northam import charts, claims, page
from northam.analysis import overview

page.begin(
    "north-america",
    sources=["census_country_goods_trade_1985-2026jan.xlsx"],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **US goods trade by partner country**, monthly and annual from 1985, US Census Bureau, Foreign Trade Division
  (`country.xlsx`, release of early 2026) {cite:p}`census_country_goods_trade_1985_2026jan`. Million current US
  dollars; imports are general imports at Customs value, exports are total exports (F.A.S.); not adjusted for
  inflation or seasonality.
- The file zero-fills months not yet published. The loader counts published months and only full years enter
  the charts: the latest year in the file, {glue:text}`partial_year`, has {glue:text}`partial_year_months` published
  month(s) and is left out.
- An older vintage of the same file (release of late 2024) is registered only to show revisions.
- **Missing here:** the Mexico–Canada leg of North American trade is not in US data; the IMF's Direction of
  Trade files, covered in the world-economy section, give it up to 2020."""),
    code("""numbers = overview.key_numbers()
for key, value in numbers.items():
    glue(key, value, display=False)
legs = overview.usmca_legs()""", metadata=HIDE),
    md("""## US goods trade with Mexico and Canada, 1985 to today

The sum of US trade with its two neighbours is the US side of intra-North American trade."""),
    code("""fig, ax = charts.figure(
    "US goods trade with Mexico and Canada",
    "Exports plus imports, billion current US dollars, full years",
)
bn = legs.set_index("year") / 1e3
ax.plot(bn.index, bn["usmca"], color=charts.country_color("NAM"), label="Mexico + Canada")
ax.plot(bn.index, bn["MEX"], color=charts.country_color("MEX"), label="Mexico")
ax.plot(bn.index, bn["CAN"], color=charts.country_color("CAN"), label="Canada")
charts.mark_years(ax, {1994: "NAFTA", 2020.5: "USMCA"})
ax.set_ylim(0, None)
ax.legend(loc="upper left", bbox_to_anchor=(0, 0.9))
charts.publish(
    fig, "overview-usmca-legs", data=legs.assign(unit="million USD"),
    source="US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, 2026 release)",
    alt=(f"Line chart of US goods trade with Mexico, with Canada and their sum from {int(bn.index.min())} to "
         f"{int(bn.index.max())}. The sum rises from about {bn['usmca'].iloc[0]:,.0f} billion dollars to about "
         f"{bn['usmca'].iloc[-1]:,.0f} billion; Mexico's line overtakes Canada's in the late 2010s."),
    caption="US goods trade (exports plus imports) with Mexico, with Canada, and the two together. "
            "Dashed lines mark NAFTA's entry into force (January 1994) and USMCA's (July 2020).",
)""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`latest_year` the United States traded goods worth
{glue:text}`usmca_latest_bn:,.0f` billion dollars with its two neighbours: {glue:text}`mex_latest_bn:,.0f` billion with
Mexico and {glue:text}`can_latest_bn:,.0f` billion with Canada. That is {glue:text}`usmca_growth_since_1993:.1f` times
the {glue:text}`usmca_1993_bn:,.0f` billion of 1993, the year before NAFTA, in current dollars; in 2004 the total was
{glue:text}`usmca_2004_bn:,.0f` billion."""),
    md("""## Where Mexico and Canada rank among US partners

Only countries are ranked: regions and groupings such as the European Union are left out."""),
    code("""ranks = overview.rank_history(("MEX", "CAN", "CHN"))
fig, ax = charts.figure("Rank among US goods-trade partners", "Rank by exports plus imports, 1 = largest")
for iso in ["CAN", "MEX", "CHN"]:
    ax.plot(ranks.index, ranks[iso], color=charts.country_color(iso), label=charts.country_label(iso),
            marker="o", markersize=3)
ax.invert_yaxis()
ax.set_yticks(range(1, int(ranks.max().max()) + 1))
ax.legend(loc="lower left")
charts.publish(
    fig, "overview-partner-ranks", data=ranks,
    source="US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, 2026 release)",
    alt=("Line chart of the rank of Canada, Mexico and China among US goods-trade partners by year. Canada is "
         "first for most of the period; China rises to first in the late 2010s; Mexico is first from "
         f"{numbers['mex_first_top_year']} in most years."),
    caption="Rank of Canada, Mexico and China among all US goods-trade partner countries, by total trade.",
)""", metadata=HIDE),
    code("""top = overview.top_partners(numbers["latest_year"])
top_bn = top.assign(**{c: top[c] / 1e3 for c in ["exports", "imports", "total"]})
charts.table(top_bn[["rank", "partner", "exports", "imports", "total"]],
             caption=f"Top ten US goods-trade partners, {numbers['latest_year']} (billion US dollars)")""",
         metadata=HIDE),
    md("""**Finding.** In {glue:text}`latest_year` Mexico ranked {glue:text}`mex_rank_latest` and Canada
{glue:text}`can_rank_latest` among US goods-trade partners, ahead of China ({glue:text}`chn_rank_latest`). Mexico first
held the top rank in {glue:text}`mex_first_top_year`."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` and the Wilson Center's booklet {cite:p}`wilson2023` quote totals for
trade within the region. The table sets each quoted figure next to the value from the Census file."""),
    code("""claims.show(overview.claims())""", metadata=HIDE),
    md("""## What the reports do not show

- **Only the US legs.** Census data record US trade; the Mexico–Canada leg needs Mexican or Canadian customs
  data, which the open mirror holds only to 2020 (IMF Direction of Trade Statistics).
- **Nominal dollars.** Growth is in current dollars; part of it is inflation.
- **Revisions.** Census revises recent years every spring. The registry pins the exact file used, so a newer
  release changes the hash and re-executes this chapter."""),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/01-north-america-in-data.ipynb")
