"""Build the whole book with warnings as errors, then check the HTML a reader gets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"

pytestmark = pytest.mark.book


def toc_pages() -> list[str]:
    from northam import chapters

    return ["book/index"] + [p.docname for p in chapters.pages()]


def test_book_builds_with_zero_warnings(built_book):
    code, log = built_book.code, built_book.log
    warnings = [line for line in log.splitlines() if "WARNING" in line and "TCP without encryption" not in line]
    assert code == 0, log[-3000:]
    assert not warnings, "\n".join(warnings[:20])


def test_every_toc_page_is_built(built_book):
    for page in toc_pages():
        assert (HTML / f"{page}.html").is_file(), page


def test_figures_have_alt_text_and_csv_download(built_book):
    for page in toc_pages():
        html = (HTML / f"{page}.html").read_text()
        for img in re.findall(r"<img [^>]*>", html):
            if "logo" in img:
                continue
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and len(alt.group(1)) > 20, f"{page}: image without alt text: {img[:120]}"
            src = re.search(r'src="([^"]+)"', img).group(1)
            if not src.startswith("data:"):
                assert (HTML / Path(page).parent / src).resolve().is_file(), f"{page}: missing image {src}"
        for fig in re.findall(r'<figure[^>]*id="fig-[^"]+".*?</figure>', html, flags=re.S):
            link = re.search(r'href="([^"]+\.csv)"', fig)
            assert link, f"{page}: figure without CSV download"
            assert (HTML / Path(page).parent / link.group(1)).resolve().is_file(), link.group(1)


def test_glued_numbers_reach_the_page(built_book):
    from northam.analysis import north_america as overview

    html = (HTML / "notebooks" / "north-america.html").read_text()
    k = overview.key_numbers()
    assert f"{k['usmca_latest_bn']:,.0f}" in html
    assert f"{k['usmca_2004_bn']:,.0f}" in html
    assert "reproduced" in html


def test_data_and_methods_lists_every_source(built_book):
    from northam import registry

    html = (HTML / "book" / "data-and-methods.html").read_text()
    for src in registry.sources().values():
        assert src.sha256 in html, src.key


def test_a_citation_shows_its_own_label_and_no_two_sources_look_alike(built_book):
    """A citation in the text shows the label its entry carries in the references ("World Bank, n.d.-c"):
    two different sources never show the same text, on screen or on paper."""
    from html import unescape

    refs = (HTML / "book" / "references.html").read_text()
    labels = {anchor: unescape(label) for anchor, label in re.findall(
        r'<div class="citation" id="([^"]+)"[^>]*>\s*<span class="label"><span class="fn-bracket">\[</span>'
        r'(.*?)<span class="fn-bracket">\]</span>', refs)}
    assert len(labels) > 100 and len(set(labels.values())) == len(labels), "two entries share a label"
    for title in ("The North American Project.", "Mexico's Next President: Challenges and Recommendations."):
        assert title in unescape(refs), f"the reports' titles keep their capitals: {title}"
    shown: dict[str, set[str]] = {}
    for page in toc_pages():
        html = (HTML / f"{page}.html").read_text()
        for anchor, text in re.findall(r'<a class="reference internal" href="[^"]*references\.html#([^"]+)"[^>]*>'
                                       r'([^<]+)</a>', html):
            assert unescape(text) == labels[anchor], (page, text, labels[anchor])
            shown.setdefault(unescape(text), set()).add(anchor)
    assert len(shown) > 50, "citations not found in the pages"
    alike = {text: anchors for text, anchors in shown.items() if len(anchors) > 1}
    assert not alike, alike
    for page in ("book/references", "book/data-and-methods", "notebooks/world"):  # entries and their tooltips
        escapes = re.findall(r".{30}\\[$%&#_].{10}", (HTML / f"{page}.html").read_text())
        assert not escapes, f"{page}: BibTeX escapes shown to the reader: {escapes[:3]}"


# --------------------------------------------------------------------------------------------------
# The built HTML as a reader sees it: headless Chromium (Debian's chromium + chromium-driver)

SHOTS = ROOT / "_build" / "screenshots"


@pytest.fixture(scope="module")
def server(built_book):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from northam import pdf

    assert pdf.browser_available(), "install Debian's chromium and chromium-driver"
    driver = pdf.chromium_driver({"goog:loggingPrefs": {"browser": "ALL"}})
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


PAGE_CHECK_JS = """
const imgs = Array.from(document.querySelectorAll('main img, article img'));
return {
  title: document.title,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  wide: Array.from(document.querySelectorAll('article *')).filter(e => e.getBoundingClientRect().right
        > window.innerWidth + 2 && !e.closest('.table-wrapper, .pst-scrollable-table-container, pre, .highlight,'
        + ' .cell_output, mjx-container, .MathJax')).slice(0, 3).map(e => e.tagName + '.' + e.className),
  broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
  noalt: imgs.filter(i => !(i.getAttribute('alt') || '').trim()).map(i => i.src),
  // a word of a download link ("Download", "data", "(CSV)") laid out on two lines was split inside it
  split: Array.from(document.querySelectorAll('article a.download span.pre')).filter(s => s.getClientRects().length > 1)
        .slice(0, 3).map(s => s.textContent),
  // a claim card's cell whose text runs past the card (a long file name that does not break)
  cards: Array.from(document.querySelectorAll('table.claims-table td')).filter(td => td.scrollWidth > td.clientWidth + 1)
        .slice(0, 3).map(td => td.textContent.trim().slice(0, 80)),
  figures: Array.from(document.querySelectorAll('figure[id^="fig-"]')).map(f => ({
      id: f.id, csv: (f.querySelector('a[href$=".csv"]') || {}).href || null})),
};
"""


@pytest.fixture(scope="module")
def visits(server, browser):
    """``visits(width)``: every page of the table of contents opened once at ``width`` px, as a first visit
    (the browser's cache disabled), and what the checks below read from it, per page:

    - ``info``: the layout and markup checks of :data:`PAGE_CHECK_JS`;
    - ``logs``: the console's errors;
    - ``charts``, ``fetched``: each chart's rendition and text size (:data:`CHART_TEXT_JS`), and the files the
      page had fetched once loaded (lazy images not forced);
    - ``weigh``: everything it loads once every image is loaded, lazy ones included (:data:`WEIGH_JS`).

    The screenshots kept as build artefacts are taken on the same visit, once every image has loaded. One visit
    per page and width serves the three tests that read it."""
    from selenium.webdriver.common.by import By

    done: dict[int, dict] = {}

    def visit(width: int) -> dict:
        if width in done:
            return done[width]
        browser.set_window_size(width, 900)
        browser.set_script_timeout(60)
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # a first visit
        SHOTS.mkdir(parents=True, exist_ok=True)
        pages = {}
        try:
            for page in toc_pages():
                browser.get(f"{server}/{page}.html")
                rec = {"info": browser.execute_script(PAGE_CHECK_JS),
                       "logs": [e for e in browser.get_log("browser")
                                if e["level"] == "SEVERE" and "favicon" not in e["message"]],
                       "charts": browser.execute_script(CHART_TEXT_JS),
                       "fetched": set(browser.execute_script(
                           "return performance.getEntriesByType('resource').map(e => e.name.split('/').pop())")),
                       "weigh": browser.execute_async_script(WEIGH_JS)}
                pages[page] = rec
                figures = rec["info"]["figures"]
                if page.startswith("notebooks/") and figures:
                    first = browser.find_element(By.ID, figures[0]["id"])
                    browser.execute_script("arguments[0].scrollIntoView();", first)
                    first.screenshot(str(SHOTS / f"{Path(page).name}-{width}.png"))
                if page in FIRST_SCREENS:  # what a reader sees first, and the ledger's rows
                    browser.execute_script("window.scrollTo(0, 0);")
                    browser.save_screenshot(str(SHOTS / f"first-screen-{Path(page).name}-{width}.png"))
                    tables = browser.find_elements("css selector", "article table")
                    if page == "book/claims-ledger" and len(tables) > 1:
                        browser.execute_script("arguments[0].scrollIntoView();", tables[1])
                        browser.save_screenshot(str(SHOTS / f"ledger-rows-{width}.png"))
        finally:
            browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        done[width] = pages
        return pages

    return visit


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_pages_in_a_real_browser(server, visits, width):
    import urllib.request

    problems = []
    for page, rec in visits(width).items():
        info, logs = rec["info"], rec["logs"]
        if not info["title"] or "404" in info["title"]:
            problems.append(f"{page}: did not load")
        if logs:
            problems.append(f"{page}: console errors {[e['message'][:200] for e in logs]}")
        if info["broken"]:
            problems.append(f"{page}: images not rendered {info['broken']}")
        if info["noalt"]:
            problems.append(f"{page}: images without alt text {info['noalt']}")
        for fig in info["figures"]:
            if not fig["csv"]:
                problems.append(f"{page}: figure {fig['id']} has no CSV link")
                continue
            with urllib.request.urlopen(fig["csv"]) as resp:
                if resp.status != 200 or not resp.read(200):
                    problems.append(f"{page}: CSV link of {fig['id']} does not resolve")
        if info["split"]:
            problems.append(f"{page}: download links with a word split across two lines {info['split']}")
        if width == 375 and info["cards"]:
            problems.append(f"{page}: text running out of its claim card at 375 px {info['cards']}")
        if width == 375 and info["overflow"] > 2:
            problems.append(f"{page}: horizontal overflow of {info['overflow']} px at 375 px {info['wide']}")
    assert not problems, "\n".join(problems)


FIRST_SCREENS = ("book/index", "notebooks/trade", "book/claims-ledger")

VISIBLE_SEARCH_JS = """
return Array.from(document.querySelectorAll('.search-button-field, .search-button')).filter(e => {
  const r = e.getBoundingClientRect(), st = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight;
}).length;
"""


@pytest.mark.parametrize("width", [1280, 1000, 375], ids=["desktop", "laptop", "phone"])
def test_one_search_box_on_screen(server, browser, width):
    browser.set_window_size(width, 900)
    for page in ("book/index", "notebooks/trade"):
        browser.get(f"{server}/{page}.html")
        assert browser.execute_script(VISIBLE_SEARCH_JS) == 1, f"{page} at {width} px"


# --------------------------------------------------------------------------------------------------
# Charts on a phone and for colour-blind readers (issue #17)

#: Smallest chart text a reader may get, in CSS px, at the size the browser shows the chart.
MIN_CHART_TEXT_CSS_PX = 9
#: Known exceptions, each checked both ways (the test fails if a chart listed passes now): none left. Charts
#: with no phone rendition (a figure with axes placed by hand and no ``phone=`` layout: on a phone they show the
#: desktop one, too small).
NO_PHONE_LAYOUT_YET: set[str] = set()
#: Drawn past the desktop canvas, so shown smaller than the type scale.
DESKTOP_LEFT_TO_DO: set[str] = set()
#: Series pairs still too close for deuteranopes.
CVD_LEFT_TO_DO: set[str] = set()

CHART_TEXT_JS = """
return Array.from(document.querySelectorAll('figure[id^="fig-"] img')).map(i => {
  const src = i.currentSrc || i.src, phone = src.endsWith('.phone.png');
  return {id: i.closest('figure').id, file: src.split('/').pop(), phone: phone,
          shown: i.getBoundingClientRect().width, natural: i.naturalWidth,
          px: parseFloat(phone ? i.dataset.phoneSmallestTextPx : i.dataset.smallestTextPx)};
});
"""


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_chart_text_is_legible_at_the_size_shown(visits, width):
    """For every chart the browser chose (img.currentSrc): shown width / natural width * the rendition's
    smallest text in image px >= 9 CSS px; the phone rendition on a phone, the desktop one on a desktop, and
    one rendition downloaded."""
    problems, seen = [], 0
    for page, rec in visits(width).items():
        fetched = rec["fetched"]
        for c in rec["charts"]:
            seen += 1
            slug = c["id"].removeprefix("fig-")
            if not c["px"] or not c["natural"]:  # NaN (None here): no record of the rendition's text size
                problems.append(f"{page} {c['id']}: no smallest-text record for {c['file']}")
                continue
            css = c["shown"] / c["natural"] * c["px"]
            if width < 500 and slug in NO_PHONE_LAYOUT_YET:
                if c["phone"]:
                    problems.append(f"{page} {c['id']}: has a phone rendition now; drop it from NO_PHONE_LAYOUT_YET")
                continue
            if width >= 500 and slug in DESKTOP_LEFT_TO_DO:
                if css >= MIN_CHART_TEXT_CSS_PX:
                    problems.append(f"{page} {c['id']}: legible now; drop it from DESKTOP_LEFT_TO_DO")
                continue
            if css < MIN_CHART_TEXT_CSS_PX:
                problems.append(f"{page} {c['id']} ({c['file']}): smallest text {css:.1f} CSS px")
            if c["phone"] != (width < 500):
                problems.append(f"{page} {c['id']}: the browser chose {c['file']} at {width} px")
            if {f"{slug}.png", f"{slug}.phone.png"} <= fetched:
                problems.append(f"{page} {c['id']}: both renditions downloaded")
    assert seen > 40, f"only {seen} charts found"
    assert not problems, "\n".join(problems)


def test_chart_series_stay_apart_for_deuteranopes(built_book):
    """The series colours recorded at publish time, pairwise at least CVD_MIN_DISTANCE apart in CAM02-UCS
    after colorspacious' deuteranomaly (severity 100) simulation."""
    import json

    from northam import charts

    records = sorted((HTML / "data").glob("*/*.figure.json"))
    assert len(records) > 40, "figure records missing from the built book"
    problems = []
    for path in records:
        rec = json.loads(path.read_text())
        label = {c["color"]: c["label"] for c in rec["series_colors"]}
        base = {c["color"]: c["base"] for c in rec["series_colors"]}
        close = charts.cvd_close_pairs(list(label), base=base)
        if rec["slug"] in CVD_LEFT_TO_DO:
            assert close, f"{rec['slug']} passes now: drop it from CVD_LEFT_TO_DO"
            continue
        for a, b, d in close:
            problems.append(f"{rec['slug']}: {label[a]!r} {a} vs {label[b]!r} {b}: {d}")
    assert not problems, f"closer than {charts.CVD_MIN_DISTANCE} for a deuteranope:\n" + "\n".join(problems)


def _cells_and_glued(html: str) -> list[str]:
    import html as htmllib

    raw = re.findall(r'<span class="pasted-text">(.*?)</span>', html, flags=re.S)
    raw += re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", html, flags=re.S)
    return [" ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", r)).split()) for r in raw]


def test_numbers_have_real_minus_signs_and_no_negative_zero(built_book):
    """Glued numbers and table cells: a negative number has U+2212, never a hyphen; no "-0.0" or "−0"."""
    problems = []
    for page in toc_pages():
        for text in _cells_and_glued((HTML / f"{page}.html").read_text()):
            if re.search(r"(?<![\w.,/\u2212-])-\d", text):
                problems.append(f"{page}: hyphen-minus before a number: {text[:120]!r}")
            if re.search(r"(?<![\w.,])[-\u2212]0(?:\.0+)?(?![\d.])", text):
                problems.append(f"{page}: signed zero: {text[:120]!r}")
    assert not problems, "\n".join(problems[:20])


#: Everything the browser loaded for the page: the document, every resource (CSS, scripts, fonts) and
#: every image at the rendition the browser chose, lazy images included (made eager and awaited).
WEIGH_JS = """
const done = arguments[arguments.length - 1];
const imgs = Array.from(document.images);
imgs.forEach(i => { i.loading = 'eager'; });
Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.addEventListener('load', r);
                                                               i.addEventListener('error', r); })))
  .then(() => document.fonts.ready)
  .then(() => done({
    document: location.href,
    resources: performance.getEntriesByType('resource').map(e => e.name),
    images: imgs.map(i => i.currentSrc || i.src),
    fontIcons: document.querySelectorAll("i[class*='fa-']").length,
    svgIcons: Array.from(document.querySelectorAll('svg.svg-inline--fa')).filter(s => {
        const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length,
  }));
"""


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_page_weight_in_a_browser(server, visits, width):
    """Every page under 1 MB with everything a browser loads for it (HTML, CSS, scripts, fonts, images),
    measured as the size on disk of each file Chromium fetched on a first visit; the theme's icons are drawn
    (inline SVG)."""
    problems, weights = [], {}
    for page, rec in visits(width).items():
        problems += _weigh(server, page, rec["weigh"], width, weights)
    # the measurement, kept beside the screenshots (the README quotes it; CI uploads it)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"page-weight-{width}.json").write_text(json.dumps(weights, indent=1))
    assert not problems, "\n".join(problems)


def _weigh(server, page: str, info: dict, width: int, weights: dict) -> list[str]:
    """Problems of ``page`` at ``width`` from what it loaded (``info``, :data:`WEIGH_JS`); its bytes loaded (all,
    and images) go into ``weights[page]``."""
    from urllib.parse import unquote, urlsplit

    problems = []
    sizes, images = {}, 0
    for url in {info["document"], *info["resources"], *info["images"]}:
        if not url.startswith(server):
            problems.append(f"{page}: loads {url[:100]} from outside the book")
            continue
        path = HTML / unquote(urlsplit(url).path).lstrip("/")
        if path.is_file():
            sizes[path.relative_to(HTML).as_posix()] = path.stat().st_size
            images += path.stat().st_size if url in info["images"] else 0
    total = sum(sizes.values())
    weights[page] = {"bytes": total, "image_bytes": images}
    if total >= 1_000_000:
        top = ", ".join(f"{k} {v / 1e3:.0f} kB" for k, v in sorted(sizes.items(), key=lambda x: -x[1])[:4])
        problems.append(f"{page} at {width} px: {total / 1e3:.0f} kB (images {images / 1e3:.0f} kB; {top})")
    if info["fontIcons"] or not info["svgIcons"]:
        problems.append(f"{page}: icons not drawn ({info['fontIcons']} left as <i>, {info['svgIcons']} SVG)")
    return problems


def test_claims_ledger_shows_chapter_claims_with_status(built_book):
    import html as htmllib

    from northam import claims

    def norm(text: str) -> str:
        return re.sub(r"[^a-z0-9%]+", " ", htmllib.unescape(text).lower()).strip()

    page = (HTML / "book" / "claims-ledger.html").read_text()
    rows = [norm(re.sub(r"<[^>]+>", " ", r)) for r in re.findall(r"<tr.*?</tr>", page, flags=re.S)]
    every = claims.collect()
    assert every, "no claims registered"
    for c in every:
        match = [r for r in rows if norm(c.claim) in r]
        assert match, f"claim missing from the ledger: {c.claim}"
        assert any(f" {norm(c.status)} " in f" {r} " for r in match), f"wrong status for {c.claim}: {match[0][:300]}"
    counts = claims.counts(claims.table(every))
    total = int(counts.loc[counts["chapter"] == "all", "total"].iloc[0])
    assert total == len(every)


def _provenance_files(page: str) -> set[str]:
    """Registry keys listed in the provenance box of a built page (the first cell of each table row)."""
    text = (HTML / f"{page}.html").read_text()
    box = text[text.index("Provenance of this page"):]
    box = box[:box.index("</table>")] if "</table>" in box else ""
    cells = [re.search(r"<td.*?</td>", row, flags=re.S) for row in re.findall(r"<tr.*?</tr>", box, flags=re.S)]
    return {re.sub(r"<[^>]+>|\s", "", c.group(0)) for c in cells if c}


def test_claims_ledger_provenance_lists_the_files_behind_the_chapters_claims(built_book):
    """The ledger reads the claims the chapters published, not the data; its provenance lists the registered
    files the chapters read, taken here from each chapter's dependency record of the build."""
    records = [json.loads(p.read_text()) for p in (ROOT / "_build" / "deps").glob("notebooks__*.json")]
    expected = {k.split(":", 1)[1] for r in records for k in r["inputs"] if k.startswith("data:")}
    assert len(expected) > 20
    assert _provenance_files("book/claims-ledger") == expected
    assert _provenance_files("notebooks/north-america") == {"census_country_goods_trade_1985-2026jan.xlsx"}


def test_claims_ledger_reads_as_cards_on_a_phone_and_links_each_row(server, browser):
    """Every claims table (the ledger, each chapter's) labels its cells with their column; each ledger row
    links to the claim's row in its chapter; at 375 px a row is a card no wider than the screen."""
    ledger = (HTML / "book" / "claims-ledger.html").read_text()
    pages = {page: (HTML / f"{page}.html").read_text() for page in toc_pages()}
    tables = {p: re.findall(r'<table class="[^"]*claims-table.*?</table>', h, flags=re.S) for p, h in pages.items()}
    assert tables["book/claims-ledger"], "the ledger has no claims table"
    for page, found in tables.items():
        for table in found:
            cells = re.findall(r"<td([^>]*)>", table)
            assert cells and all('data-label="' in c for c in cells), f"{page}: a claims cell without data-label"
    links = re.findall(r'<tr class="claim-[^"]+"><td[^>]*><a href="\.\./([^"#]+)\.html#([^"]+)"',
                       "".join(tables["book/claims-ledger"]))
    rows = ledger.count('<tr class="claim-')
    assert links and len(links) == rows, f"{len(links)} of {rows} ledger rows link to their chapter"
    for page, anchor in links:
        assert f'id="{anchor}"' in pages[page], f"ledger links to {page}#{anchor}, which does not exist"

    browser.set_window_size(375, 900)
    browser.get(f"{server}/book/claims-ledger.html")
    cards = browser.execute_script("""
      const rows = Array.from(document.querySelectorAll('table.claims-table tbody tr'));
      return {n: rows.length, display: [...new Set(rows.map(r => getComputedStyle(r).display))],
              wide: rows.filter(r => r.getBoundingClientRect().width > window.innerWidth).length,
              header: Array.from(document.querySelectorAll('table.claims-table thead')).filter(
                  h => h.getBoundingClientRect().height > 2).length};""")
    assert cards["n"] == rows and cards["display"] == ["block"], cards
    assert cards["wide"] == 0 and cards["header"] == 0, cards


def test_one_changed_byte_in_the_mirror_stops_the_build(built_book, tmp_path):
    """Even with every notebook in the execution cache, a corrupted source file stops the build."""
    import os

    from northam import registry

    real = registry.mirror_dir()
    key = "census_country_goods_trade_1985-2026jan.xlsx"
    src = registry.source(key)
    mirror = tmp_path / "mirror"
    for path in real.rglob("*"):
        if path.is_file():
            target = mirror / path.relative_to(real)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    bad = mirror / src.domain / src.file
    bad.unlink()
    data = bytearray((real / src.domain / src.file).read_bytes())
    data[4096] ^= 0x01
    bad.write_bytes(bytes(data))
    env = {**os.environ, "NORTHAM_DATA_MIRROR": str(mirror)}
    proc = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n",
                           "--keep-going"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Refusing data file" in out and src.sha256 in out and registry.file_sha256(bad) in out


def test_no_markdown_left_unrendered(built_book):
    """Text written as Markdown inside raw HTML (a citation's *title*) shows its asterisks: none may be left."""
    for page in toc_pages():
        text = (HTML / f"{page}.html").read_text(encoding="utf-8")
        body = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", text, flags=re.S)
        hits = re.findall(r"\*[A-Z][^*<>\n]{3,80}\*", body)
        assert not hits, (page, hits[:3])
