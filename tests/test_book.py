"""Build the whole book with warnings as errors, then check the HTML a reader gets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"

pytestmark = [pytest.mark.book, pytest.mark.xdist_group("book")]


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
  figures: Array.from(document.querySelectorAll('figure[id^="fig-"]')).map(f => ({
      id: f.id, csv: (f.querySelector('a[href$=".csv"]') || {}).href || null})),
};
"""


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_pages_in_a_real_browser(server, browser, width):
    import urllib.request

    browser.set_window_size(width, 900)
    problems = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for page in toc_pages():
        browser.get(f"{server}/{page}.html")
        info = browser.execute_script(PAGE_CHECK_JS)
        logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
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
        if width == 375 and info["overflow"] > 2:
            problems.append(f"{page}: horizontal overflow of {info['overflow']} px at 375 px {info['wide']}")
        if page.startswith("notebooks/") and info["figures"]:
            from selenium.webdriver.common.by import By

            first = browser.find_element(By.ID, info["figures"][0]["id"])
            browser.execute_script("arguments[0].scrollIntoView();", first)
            first.screenshot(str(SHOTS / f"{Path(page).name}-{width}.png"))
    assert not problems, "\n".join(problems)


def test_page_weight(built_book):
    """No page over 1.5 MB with its images."""
    for page in toc_pages():
        html_path = HTML / f"{page}.html"
        html = html_path.read_text()
        total = html_path.stat().st_size
        for src in set(re.findall(r'<img [^>]*src="([^"]+)"', html)):
            if not src.startswith(("data:", "http")):
                total += (html_path.parent / src).resolve().stat().st_size
        assert total < 1.5e6, f"{page}: {total / 1e6:.2f} MB"


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


def test_new_chapter_scaffold_builds(built_book, tmp_path):
    """`python -m northam new-chapter` in a copy of the book: the new page builds and is in the HTML."""
    import os

    from northam import registry

    copy = tmp_path / "book"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "_build", "__pycache__",
                                                               "*.egg-info"))
    (copy / "_build").mkdir()
    for kept in (".jupyter_cache", "figures", "deps"):  # the execution cache, its figures and records
        shutil.copytree(ROOT / "_build" / kept, copy / "_build" / kept)
    env = {**os.environ, "PYTHONPATH": f"{copy / 'lib'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "NORTHAM_DATA_CACHE": str(tmp_path / "cache"), "NORTHAM_DATA_MIRROR": str(registry.mirror_dir()),
           "NORTHAM_PDF": "0"}  # the PDF edition is tested on the main build (test_pdf.py)
    run = functools_run(env, copy)
    run([sys.executable, "-m", "northam", "new-chapter", "labor-canada", "--title", "Labour in Canada"])
    assert "labor-canada" in (copy / "_toc.yml").read_text()
    own = tmp_path / "wages.csv"  # the researcher's own data, registered and read by the new page
    own.write_text("province,wage\nOntario,31.25\nQuebec,29.5\n")
    run([sys.executable, "-m", "northam", "add-source", str(own), "--domain", "labor-canada",
         "--title", "Hourly wages", "--publisher", "A researcher", "--license", "CC-BY-4.0"])
    page = copy / "notebooks" / "labor-canada.md"
    page.write_text(page.read_text().replace("## The reports' figures next to the data", (
        "```{code-cell} ipython3\n:tags: [remove-input]\n\nimport pandas as pd\n\n"
        "from northam import registry\n\npd.read_csv(registry.fetch(\"wages.csv\"))\n```\n\n"
        "## The reports' figures next to the data")))
    out = run([sys.executable, "-m", "northam", "build"]).stdout
    executed = set(re.findall(r"/([\w-]+/[\w-]+)\.md(?:: Executing notebook| in [\d.]+ s)", out))
    assert executed == {"notebooks/labor-canada", "book/claims-ledger"}, executed
    new = copy / "_build" / "html" / "notebooks" / "labor-canada.html"
    text = new.read_text()
    assert "Labour in Canada" in text and "The reports" in text and "Cite this page" in text
    assert "Ontario" in text and "31.25" in text
    module = copy / "lib" / "northam" / "analysis" / "labor_canada.py"
    module.write_text(module.read_text() + "\n# the researcher edits the analysis\n")
    out = run([sys.executable, "-m", "northam", "build"]).stdout
    executed = set(re.findall(r"/([\w-]+/[\w-]+)\.md(?:: Executing notebook| in [\d.]+ s)", out))
    assert executed == {"notebooks/labor-canada", "book/claims-ledger"}, executed
    run([sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider", str(copy / "tests" / "test_labor_canada.py")])


def functools_run(env, cwd):
    def run(cmd):
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
        return proc

    return run


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
