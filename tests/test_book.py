"""Build the whole book with warnings as errors, then check the HTML a reader gets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"

pytestmark = pytest.mark.xdist_group("book")


@pytest.fixture(scope="session")
def built_book():
    """Run `jupyter-book build . -W -n --keep-going` once (execution cache in _build)."""
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n", "--keep-going"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    log = proc.stdout + proc.stderr
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "build.log").write_text(log)
    return proc.returncode, log


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for ch in part["chapters"]:
            files.append(ch["file"])
            files += [s["file"] for s in ch.get("sections", [])]
    return files


def test_book_builds_with_zero_warnings(built_book):
    code, log = built_book
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
    from northam.analysis import overview

    html = (HTML / "notebooks" / "01-north-america-in-data.html").read_text()
    k = overview.key_numbers()
    assert f"{k['usmca_latest_bn']:,.0f}" in html
    assert f"{k['usmca_2004_bn']:,.0f}" in html
    assert "reproduced" in html


def test_data_and_methods_lists_every_source(built_book):
    from northam import registry

    html = (HTML / "book" / "data-and-methods.html").read_text()
    for src in registry.sources().values():
        assert src.sha256 in html, src.key
