"""Generate notebooks/06-labor-mobility.ipynb (no outputs). Run from the repository root."""
import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
HIDE = {"tags": ["hide-input"]}
SOURCES = [
    "state_dept_FYs97-24_NIVDetailTable.xlsx",
    "dhs_ohss_khsm_usbp_encounters_fy2000_fy2025m11.xlsx",
    "cbp_sw_land_border_encounters_fy22_fy25aug.csv",
    "unhcr_refugees_pkg_asylum_applications.rda",
    "unhcr_refugees_pkg_population.rda",
    "segob_upm_eventos_presentados_por_entidad_2019.xlsx",
    "segob_upm_eventos_presentados_por_entidad_2020.xlsx",
    "segob_upm_eventos_presentados_por_entidad_2021.xlsx",
    "undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv",
    "owid_unwpp2022_median_age.csv",
    "owid_unwpp2022_population_by_age_group.csv",
]
src_list = ",\n        ".join(f'"{s}"' for s in SOURCES)

cells = [
    md("""# Labor mobility

**The question.** How do people move for work and for refuge between Mexico, the United States and Canada:
through temporary work visas, across the border without authorization, or by asking for asylum, and what do
the three countries' age structures say about the workers of the coming decades?

Both reports treat labor mobility as part of the integration agenda: the North American Project asks for wider
use of the USMCA's TN visa and of seasonal work visas, and the Wilson Center describes Mexico as a country of
emigration, transit and destination at once. This chapter rebuilds their charts from the published files."""),
    code(f"""from northam import charts, claims, page
from northam.analysis import labor

page.begin(
    "labor",
    sources=[
        {src_list},
    ],
    stamp="",
)""", metadata=HIDE),
    md("""## The data

- **US nonimmigrant visas issued by class and nationality**, fiscal years 1997–2024, US Department of State,
  Bureau of Consular Affairs {cite:p}`state_dept_fys97_24_nivdetailtable`. Visas issued (count) per fiscal year
  (October–September). One sheet per year; class codes change spelling (H-2A becomes H2A) and order, and one sheet
  is out of order: the loader finds classes by code and sheets by name and refuses a workbook with a year or a
  class missing. A visa issued is not a person admitted: TN status can also be granted at the border.
- **Border Patrol encounters**, fiscal years 2000 to {glue:text}`labor_enc_last_fy` plus the first months of the
  next, DHS Office of Homeland Security Statistics {cite:p}`dhs_ohss_khsm_usbp_encounters_fy2000_fy2025m11`,
  by month, region and citizenship (rounded to the nearest 10; an encounter is an event, not a person). The
  partial last fiscal year is left out of annual figures. **CBP southwest border encounters**, FY2022 onward,
  add the ports of entry {cite:p}`cbp_sw_land_border_encounters_fy22_fy25aug`.
- **Asylum applications and refugee stocks**, UNHCR Refugee Data Finder as published in the `refugees` R
  package {cite:p}`unhcr_refugees_pkg_asylum_applications,unhcr_refugees_pkg_population`, read with `pyreadr`.
  For Mexico UNHCR reports COMAR's figures. The 2025 rows are left out (they may be mid-year figures).
- **Foreigners presented to Mexico's migration authority**, by state and month, SEGOB's Unidad de Política
  Migratoria {cite:p}`segob_upm_eventos_presentados_por_entidad_2019,segob_upm_eventos_presentados_por_entidad_2020,segob_upm_eventos_presentados_por_entidad_2021`:
  2019, 2020 and January–July 2021 only.
- **Mexican-born people abroad**, UN DESA International Migrant Stock 2019
  {cite:p}`undesa_migrant_stock_origin_destination_2019_clean_guyabel`, mid-year, 1990–2019.
- **Median age and population by age group**, UN World Population Prospects 2022 via Our World in Data
  {cite:p}`owid_unwpp2022_median_age,owid_unwpp2022_population_by_age_group` (age groups for 2021 only).
- **Missing here:** Canada's temporary foreign worker permits (the Seasonal Agricultural Worker Program), the
  American Community Survey's count of Mexican immigrants after 2019, and SEGOB's bulletins for 2014–2018 and
  2022–2023."""),
    code("""numbers = labor.key_numbers()
page.glue_all(numbers)
VISA_COLORS = {"TN": "#0072B2", "TD": "#56B4E9", "H2A": "#009E73", "H2B": "#E69F00", "H1B": "#CC79A7"}""",
         metadata=HIDE),
    md("""## Work visas issued to Mexicans

The reports chart nonimmigrant visas to Mexicans as an index with 2010 = 100. The index hides how different the
classes are in size, so the levels are shown next to it (logarithmic scale)."""),
    code("""idx, lv = labor.visa_index(), labor.visas_mexico()
fig, (a1, a2) = charts.figure("US work visas issued to Mexican nationals, by class",
                              "Left: index, FY2010 = 100. Right: visas issued (log scale). Fiscal years",
                              ncols=2, figsize=(10, 4.4))
for c in labor.VISA_CLASSES:
    a1.plot(idx.index, idx[c], color=VISA_COLORS[c], label=labor.VISA_LABELS[c])
    a2.plot(lv.index, lv[c], color=VISA_COLORS[c])
a2.set_yscale("log")
a1.legend(loc="upper left", fontsize=8)
charts.publish(fig, "labor-visas-index", data=idx.add_suffix("_index").join(lv).rename_axis("fiscal_year"),
    source="US Department of State, Nonimmigrant Visa Issuances by Visa Class and Nationality, FY1997-2024",
    alt=(f"Two line charts of visas issued to Mexicans by class, FY2010 to FY{numbers['labor_visa_last_fy']}. "
         f"TN visas rose to {idx.loc[2023, 'TN']:,.0f} on the 2010 = 100 index by FY2023 and fell back in FY2024; "
         f"H-2A rose to {idx['H2A'].iloc[-1]:,.0f}; H-1B ended at {idx['H1B'].iloc[-1]:,.0f}."),
    caption="Visas issued to Mexican nationals by class, as an index (FY2010 = 100) and in levels.")""",
         metadata=HIDE),
    md("""**Finding.** TN visas to Mexicans, the USMCA's professional visa, grew almost tenfold from FY2010 to FY2023
(index {glue:text}`labor_tn_index_2023:,.0f`), to {glue:text}`labor_tn_2023:,.0f`. The FY2024 sheet then shows
only {glue:text}`labor_tn_last:,.0f` TN visas plus {glue:text}`labor_td_last:,.0f` TD visas for their families:
a break in the series that the claims table below discusses. H-1B visas to Mexicans ended below their 2010 level
(index {glue:text}`labor_h1b_index_last:,.0f`)."""),
    md("""## Seasonal work visas: H-2A and H-2B

H-2A visas are for temporary farm work and H-2B for other seasonal work. The Wilson Center's booklet charts both
for Mexicans; here Mexico's share of all H-2A visas issued worldwide is added."""),
    code("""h2 = labor.h2_mexico()
fig, (a1, a2) = charts.figure("H-2A and H-2B visas issued to Mexican nationals",
                              "Left: thousand visas. Right: Mexico's share of all H-2A visas, percent. Fiscal years",
                              ncols=2, figsize=(10, 4.4), gridspec_kw={"width_ratios": [1.6, 1]})
a1.bar(h2.index - 0.2, h2["H2A"] / 1e3, width=0.4, color=VISA_COLORS["H2A"], label="H-2A (farm)")
a1.bar(h2.index + 0.2, h2["H2B"] / 1e3, width=0.4, color=VISA_COLORS["H2B"], label="H-2B (non-farm)")
a1.legend(loc="upper left")
a2.plot(h2.index, h2["mex_share_h2a_pct"], color=charts.country_color("MEX"), marker="o", markersize=3)
a2.set_ylim(0, 100)
charts.publish(fig, "labor-h2-visas", data=h2, source="US Department of State, NIV detail table FY1997-2024",
    alt=(f"Bar chart of H-2A and H-2B visas to Mexicans, FY2010-FY{numbers['labor_visa_last_fy']}: H-2A rise from "
         f"{h2['H2A'].iloc[0]:,.0f} to {h2['H2A'].iloc[-1]:,.0f}, H-2B from {h2['H2B'].iloc[0]:,.0f} to "
         f"{h2['H2B'].iloc[-1]:,.0f}; line of Mexico's share of all H-2A visas, between "
         f"{h2['mex_share_h2a_pct'].min():.0f} and {h2['mex_share_h2a_pct'].max():.0f} percent."),
    caption="H-2A and H-2B visas issued to Mexicans, and Mexico's share of all H-2A visas issued worldwide.")""",
         metadata=HIDE),
    md("""**Finding.** H-2A visas to Mexicans rose from {glue:text}`labor_h2a_2010:,.0f` in FY2010 to
{glue:text}`labor_h2a_last:,.0f` in FY{glue:text}`labor_visa_last_fy`, {glue:text}`labor_h2a_ratio:.1f` times as
many; H-2B visas went from {glue:text}`labor_h2b_2010:,.0f` to {glue:text}`labor_h2b_last:,.0f`. Mexicans receive
almost all H-2A visas: {glue:text}`labor_h2a_share_2010:.1f`% in FY2010 and {glue:text}`labor_h2a_share_last:.1f`%
in FY{glue:text}`labor_visa_last_fy`."""),
    md("""## Border Patrol encounters of Mexicans at the southwest border

The Wilson Center's Figure 1 shows encounters of Mexicans between ports of entry, FY2010–2023. The DHS file goes
back to FY2000. During Title 42 (March 2020 to May 2023) many encounters were quick expulsions, and people
expelled often tried again, so repeat crossings inflate the counts of those years."""),
    code("""enc = labor.encounters_mexicans()
fig, (a1, a2) = charts.figure("Border Patrol encounters of Mexicans at the southwest border",
                              "Top: thousand encounters per fiscal year. Bottom: Mexicans' share of all, percent",
                              nrows=2, figsize=(7.5, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
a1.plot(enc.index, enc["mexico"] / 1e3, color=charts.country_color("MEX"), label="Border Patrol (DHS OHSS)")
a1.plot(enc.index, enc["cbp_mexico"] / 1e3, color="#333333", ls="--", marker="o", ms=3,
        label="All CBP incl. ports of entry (wider series)")
a2.plot(enc.index, enc["mex_share_pct"], color=charts.country_color("MEX"))
for ax in (a1, a2):
    ax.axvspan(*labor.TITLE42_FY, color="#dddddd", zorder=0)
a1.text(labor.TITLE42_FY[0], 0.95, " Title 42", transform=a1.get_xaxis_transform(), fontsize=8.5, va="top")
a1.legend(loc="upper center", fontsize=8)
charts.publish(fig, "labor-usbp-mexicans", data=enc, source="DHS OHSS, KHSM CBP Encounters (USBP) workbook; CBP, "
    "Southwest Land Border Encounters FY22-FY25", alt=(f"Line charts, FY{numbers['labor_enc_first_fy']}-"
    f"FY{numbers['labor_enc_last_fy']}: encounters of Mexicans fall from {enc['mexico'].iloc[0]:,.0f} to a low of "
    f"{numbers['labor_enc_min']:,.0f} in FY{numbers['labor_enc_min_fy']}, rise again during Title 42 and stand at "
    f"{enc['mexico'].iloc[-1]:,.0f}; Mexicans' share of all southwest encounters falls from "
    f"{enc['mex_share_pct'].iloc[0]:.0f} to {enc['mex_share_pct'].iloc[-1]:.0f} percent."),
    caption="Border Patrol encounters of Mexican nationals at the southwest land border by fiscal year; shaded: "
            "Title 42 period. The dashed line (FY2022 on) also counts encounters at ports of entry.")""",
         metadata=HIDE),
    md("""**Finding.** Border Patrol encountered {glue:text}`labor_enc_2000:,.0f` Mexicans at the southwest border in
FY2000, {glue:text}`labor_enc_share_2000:.0f`% of all its encounters there. The count fell to
{glue:text}`labor_enc_min:,.0f` in FY{glue:text}`labor_enc_min_fy`, climbed to {glue:text}`labor_enc_2022:,.0f`
in FY2022 under Title 42 and was {glue:text}`labor_enc_last:,.0f` in FY{glue:text}`labor_enc_last_fy`, when
Mexicans were {glue:text}`labor_enc_share_last:.0f`% of the total (the low was
{glue:text}`labor_enc_share_min:.0f`% in FY{glue:text}`labor_enc_share_min_fy`). Counting ports of entry too,
CBP recorded {glue:text}`labor_cbp_mex_last:,.0f` encounters of Mexicans in FY{glue:text}`labor_enc_last_fy`, of
which {glue:text}`labor_cbp_ofo_last:,.0f` by the Office of Field Operations."""),
    md("""## Asylum in Mexico and refugees hosted in North America

The Wilson Center charts asylum applications to COMAR, Mexico's refugee agency, for 2013–2023. UNHCR publishes
COMAR's figures by country of origin; the five largest origins over the period are shown."""),
    code("""org, hosted = labor.asylum_mexico_by_origin(), labor.refugees_hosted(2010)
fig, (a1, a2) = charts.figure("Asylum in Mexico and refugees hosted in North America",
                              "Left: applications lodged in Mexico, thousands, by origin. Right: refugees plus "
                              "asylum-seekers hosted at year end, millions", ncols=2, figsize=(10, 4.4))
(org / 1e3).plot.bar(stacked=True, ax=a1, width=0.8, colormap="tab10", legend=False)
a1.legend(fontsize=7.5, loc="upper left"); a1.set_xlabel("")
for iso in hosted.columns:
    a2.plot(hosted.index, hosted[iso] / 1e6, color=charts.country_color(iso), label=charts.country_label(iso))
a2.legend(loc="upper left")
charts.publish(fig, "labor-asylum", data=org.add_prefix("apps_mex_").join(hosted.add_prefix("hosted_"), how="outer"),
    source="UNHCR Refugee Population Statistics ('refugees' R package): asylum_applications, population",
    alt=(f"Stacked bars of asylum applications in Mexico by origin, {org.index[0]}-{org.index[-1]}, rising from "
         f"{org.sum(axis=1).iloc[0]:,.0f} to a peak of {org.sum(axis=1).max():,.0f}; lines of refugees and "
         f"asylum-seekers hosted, with the US far above Canada and Mexico."),
    caption="Asylum applications lodged in Mexico by country of origin (UNHCR, from COMAR), and refugees plus "
            "asylum-seekers hosted by each country at the end of each year.")""", metadata=HIDE),
    md("""**Finding.** Applications for asylum in Mexico went from {glue:text}`labor_asylum_2013:,.0f` in 2013 to
{glue:text}`labor_asylum_2019:,.0f` in 2019, {glue:text}`labor_asylum_2021:,.0f` in 2021 and
{glue:text}`labor_asylum_2023:,.0f` in 2023, before falling to {glue:text}`labor_asylum_last:,.0f` in
{glue:text}`labor_asylum_last_year`. {glue:text}`labor_asylum_top_origin` is the largest origin over the period.
At the end of {glue:text}`labor_asylum_last_year` Mexico hosted {glue:text}`labor_hosted_mex_last:,.0f` refugees
and asylum-seekers (against {glue:text}`labor_hosted_mex_2013:,.0f` in 2013), Canada
{glue:text}`labor_hosted_can_last:,.0f` and the United States {glue:text}`labor_hosted_usa_last:,.0f`."""),
    md("""## Foreigners presented to Mexico's migration authority, by state

The Wilson Center's Figure 3 shows apprehensions by Mexican authorities for 2014–2023. The open files found
cover only three years, by state, without nationality."""),
    code("""seg = labor.segob_by_state()
fig, ax = charts.figure("Foreigners presented to Mexico's migration authority, by state",
                        "Events (one person can count more than once), thousands; 2021 covers January-July only")
(seg.iloc[::-1] / 1e3).plot.barh(ax=ax, color=["#0072B2", "#56B4E9", "#BBBBBB"], width=0.8)
ax.grid(axis="x"); ax.set_ylabel(""); ax.legend(loc="lower right")
charts.publish(fig, "labor-segob-states", data=seg, source="SEGOB, Unidad de Política Migratoria, Boletín "
    "estadístico, Cuadro 3.1 (2019, 2020, 2021)", alt=(f"Horizontal bar chart of events by state for 2019, 2020 "
    f"and January-July 2021; {seg.index[0]} leads with {seg.iloc[0, 0]:,.0f} in 2019, far ahead of other states."),
    caption="Events of foreigners presented to the National Migration Institute, by state. The 2021 bar holds "
            "seven months only and is not comparable with full years.")
page.missing("Apprehensions by Mexican authorities for 2014-2018 and 2022-2023 (Wilson Center, Figure 3)",
             "SEGOB/UPM monthly bulletins for those years; only 2019, 2020 and January-July 2021 were found as open files")""",
         metadata=HIDE),
    md("""**Finding.** Mexican authorities recorded {glue:text}`labor_segob_2019:,.0f` events of foreigners presented
in 2019, {glue:text}`labor_segob_2020:,.0f` in 2020 and {glue:text}`labor_segob_2021_partial:,.0f` in January–July
2021 alone. {glue:text}`labor_segob_top_state`, on the Guatemalan border, accounted for
{glue:text}`labor_segob_top_state_share_2019:.0f`% of the 2019 total."""),
    md("""## Mexican-born people living in the United States

The Wilson Center quotes American Community Survey figures: about 11.7 million Mexican immigrants in 2010 and
10.7 million in 2021. UN DESA's migrant stock gives an independent series up to 2019."""),
    code("""stock, acs = labor.mexican_born_in_us() / 1e6, labor.report_acs_points()
fig, ax = charts.figure("Mexican-born people living in the United States", "Million persons, mid-year")
ax.plot(stock.index, stock, color=charts.country_color("MEX"), marker="o", label="UN DESA migrant stock")
ax.scatter(acs.index, acs, color="#333333", marker="D", zorder=3, label="Reported (ACS, Wilson Center)")
ax.set_ylim(0, None); ax.legend(loc="lower right")
charts.publish(fig, "labor-mexican-born-us", data=stock.rename("undesa_million").to_frame().join(acs, how="outer"),
    source="UN DESA, International Migrant Stock 2019 (origin-destination); reported values from the Wilson Center",
    alt=(f"Line chart: Mexican-born residents of the US rise from {stock.iloc[0]:.1f} million in 1990 to "
         f"{stock.max():.1f} million in {stock.idxmax()} and ease to {stock.iloc[-1]:.1f} million in 2019; the "
         f"report's ACS points ({acs.iloc[0]:.1f} and {acs.iloc[1]:.1f} million) lie slightly below."),
    caption="Mexican-born migrant stock in the US (UN DESA) and the ACS-based figures quoted by the Wilson Center.")""",
         metadata=HIDE),
    md("""**Finding.** By UN DESA's count the Mexican-born population of the US grew from
{glue:text}`labor_stock_1990_m:.1f` million in 1990 to {glue:text}`labor_stock_2010_m:.1f` million in 2010, then
eased to {glue:text}`labor_stock_2019_m:.1f` million in 2019. The two sources agree on the turn after 2010 but not
on the level: UN DESA starts from the same census and ACS counts but adjusts them to mid-year and, for some
years, interpolates, while the report's figures are ACS survey estimates for the calendar year, with sampling
error and no adjustment for under-count."""),
    md("""## Demography: median age and working-age population

The North American Project points to Mexico's young population (median age 29) as a regional asset."""),
    code("""age, shares = labor.median_age(), labor.age_structure()
fig, (a1, a2) = charts.figure("Median age and age structure", "Left: median age, years, 1950-2021. Right: share "
                              "of the population by age, 2021, percent", ncols=2, figsize=(10, 4.4),
                              gridspec_kw={"width_ratios": [1.6, 1]})
for iso in age.columns:
    a1.plot(age.index, age[iso], color=charts.country_color(iso), label=charts.country_label(iso))
a1.legend(loc="upper left")
shares.rename(index=charts.country_label).plot.bar(ax=a2, stacked=True, color=["#BBBBBB", "#0072B2", "#E69F00"], rot=0)
a2.set_ylim(0, 118); a2.set_xlabel(""); a2.legend(loc="upper center", ncol=3, fontsize=8)
charts.publish(fig, "labor-demography", data=labor.demography_table(), source="UN World Population Prospects 2022 via Our World in Data",
    alt=(f"Line chart of median age 1950-2021: Mexico rises from {age['MEX'].iloc[0]:.1f} to {age['MEX'].iloc[-1]:.1f}"
         f" years, the US to {age['USA'].iloc[-1]:.1f}, Canada to {age['CAN'].iloc[-1]:.1f}; stacked bars of age "
         f"shares in 2021, with 15-64-year-olds near two thirds in all three and a far smaller 65+ share in Mexico."),
    caption="Median age of the three countries, and the share of their populations aged 0-14, 15-64 and 65+ in 2021.")
charts.table(shares.reset_index(), caption="Population by age group, 2021 (percent of total)")""", metadata=HIDE),
    md("""**Finding.** Mexico's median age rose from {glue:text}`labor_median_mex_1950:.1f` years in 1950 to
{glue:text}`labor_median_mex_2021:.1f` in 2021, against {glue:text}`labor_median_usa_2021:.1f` in the United
States and {glue:text}`labor_median_can_2021:.1f` in Canada. The working-age shares (15–64) are close:
{glue:text}`labor_wa_mex:.1f`% in Mexico, {glue:text}`labor_wa_usa:.1f`% in the US and
{glue:text}`labor_wa_can:.1f`% in Canada. The difference is at the ends: people aged 65 and over are
{glue:text}`labor_old_mex:.1f`% of Mexicans but {glue:text}`labor_old_usa:.1f`% of Americans and
{glue:text}`labor_old_can:.1f`% of Canadians, and Mexico has many more children who will reach working age."""),
    md("""## Beyond the reports: seasonality and trend of border encounters

Annual totals mix a strong seasonal cycle with the trend. The monthly Border Patrol series of Mexicans is split
with STL (seasonal-trend decomposition by loess, on logarithms). For the trend's uncertainty a structural time
series model (local linear trend plus a stochastic seasonal) gives a smoothed trend with a 95% interval."""),
    code("""d, prof = labor.decompose_encounters(), labor.seasonal_profile()
fig, (a1, a2) = charts.figure("Monthly encounters of Mexicans: trend and season", "Left: thousand encounters per "
    "month, observed and trend with 95% interval. Right: seasonal effect by month, percent vs trend",
    ncols=2, figsize=(10, 4.4), gridspec_kw={"width_ratios": [1.6, 1]})
a1.plot(d.index, d["observed"] / 1e3, color="#BBBBBB", lw=1, label="Observed")
a1.fill_between(d.index, d["uc_low"] / 1e3, d["uc_high"] / 1e3, color=charts.country_color("MEX"), alpha=0.3)
a1.plot(d.index, d["uc_trend"] / 1e3, color=charts.country_color("MEX"), lw=1.6, label="Trend (95% interval)")
a1.axvspan(*labor.title42_dates(), color="#eeeeee", zorder=0); a1.legend(loc="upper right")
for col, c in zip(prof.columns, ["#999999", "#0072B2"]):
    a2.plot(prof.index, prof[col], color=c, marker="o", ms=3, label=col)
a2.set_xticks(range(1, 13), list("JFMAMJJASOND")); a2.legend(fontsize=8)
charts.publish(fig, "labor-encounters-stl", data=d, source="DHS OHSS, KHSM CBP Encounters (USBP) workbook, monthly",
    alt=(f"Left: monthly encounters of Mexicans with a smoothed trend and band, ending at {d['uc_trend'].iloc[-1]:,.0f}"
         f" a month in {numbers['labor_stl_last_month']}. Right: the seasonal spring peak shrinks from "
         f"{prof.iloc[:, 0].max():.0f} to {prof.iloc[:, 1].max():.0f} percent above trend."),
    caption="Left: monthly Border Patrol encounters of Mexicans (grey), the model's trend and 95% interval; shaded: "
            "Title 42. Right: STL seasonal factors averaged over two decades.")""", metadata=HIDE),
    md("""**Finding.** In {glue:text}`labor_stl_last_month` the trend stood at about
{glue:text}`labor_stl_trend_last:,.0f` encounters of Mexicans a month (95% interval
{glue:text}`labor_stl_trend_low:,.0f` to {glue:text}`labor_stl_trend_high:,.0f`), and its slope at that point was
{glue:text}`labor_stl_slope_last:+.1f`% a year. The decomposition shows what annual
totals hide: the old seasonal rhythm of Mexican labor migration, a spring peak {glue:text}`labor_stl_peak_early:.0f`%
above trend and a December trough {glue:text}`labor_stl_trough_early:.0f`% below it in
{glue:text}`labor_stl_early_label`, has flattened to {glue:text}`labor_stl_peak_late:.0f`% and
{glue:text}`labor_stl_trough_late:.0f`% in {glue:text}`labor_stl_late_label`. It also dates turning points within
fiscal years, such as the fall after Title 42 ended in May 2023."""),
    md("""## The reports' figures next to the data

The North American Project {cite:p}`nap2025` and the Wilson Center {cite:p}`wilson2023` quote these figures on
labor mobility. For TN visas the fair comparison is TN alone: TD visas go to TN workers' spouses and children."""),
    code("""claims.show(labor.claims())
page.missing("Canada's Seasonal Agricultural Worker Program cap of 30,000 Mexican workers (NAP)",
             "IRCC or ESDC work-permit data by program and citizenship")
page.missing("H-2B annual cap and supplemental visas, 2025 (NAP)", "USCIS cap notices; they are caps, not issuances")
page.missing("Mexican immigrants in the US in 2021 (Wilson Center)",
             "ACS 2021 foreign-born by country of birth, or a UN DESA revision covering 2020 or later")""",
         metadata=HIDE),
    md("""## What the reports do not show

- **Visas are not people.** A visa issued is not an entry: one worker can hold several H-2 visas over the years,
  and Canadians get TN status at the border without a visa, so TN visas count only Mexicans' consular issuances.
- **The FY2024 TN break.** The State Department's FY2024 detail table shows TN visas to Mexicans halving after a
  decade of growth. Whether this is a change in the table or in issuance cannot be told from this file alone.
- **Encounters are events.** Under Title 42 many people were expelled and crossed again, so encounters then
  overstate the number of people; the change of legal regime also breaks comparisons across the shaded period.
- **Two border series.** The DHS file counts Border Patrol only; CBP's file adds ports of entry, so the dashed
  line is higher by design, not because of a revision.
- **Mexico's data are thin.** Open, machine-readable SEGOB bulletins were found only for 2019–2021 (2021 partial),
  and they count events without nationality.
- **Age structure is one year.** The working-age shares are for 2021 only; the file holds no projections."""),
    code("""page.cite_this("Labor mobility")""", metadata={"tags": ["remove-input"]}),
]
nb = nbf.v4.new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/06-labor-mobility.ipynb")
