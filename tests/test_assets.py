"""Trimming the theme's assets (northam.assets): icons from fontawesome.js, CSS purge, the search index."""

from __future__ import annotations

from northam import assets

# The shape of the theme's fontawesome.js: each family's icons, then the call that registers them.
FONTAWESOME = (
    'var p={github:[496,512,[],"f09b","M165.9 397.4z"]};d("fab",p),d("fa-brands",p)};'
    'var p={"file-pdf":[512,512,[],"f1c1","M1 2z"],bars:[448,512,["navicon"],"f0c9","M0 96C0 78z"]};'
    'd("fas",p),d("fa-solid",p)'
)


def test_icon_definitions_by_family_with_aliases():
    defs = assets.icon_definitions(FONTAWESOME)
    assert defs["solid"]["bars"] == (448, 512, "f0c9", "M0 96C0 78z", ["navicon"])
    assert defs["solid"]["navicon"][3] == "M0 96C0 78z"
    assert defs["solid"]["file-pdf"][:3] == (512, 512, "f1c1")
    assert "github" in defs["brands"] and "github" not in defs["solid"]


def test_icon_script_holds_only_used_icons(tmp_path):
    scripts = tmp_path / "_static" / "scripts"
    scripts.mkdir(parents=True)
    (scripts / "fontawesome.js").write_text(FONTAWESOME)
    page = tmp_path / "page.html"
    page.write_text('<button><i class="fa-solid fa-bars fa-lg"></i></button><span class="fab fa-github"></span>')
    codepoints = assets.write_icon_script(tmp_path, [page])
    js = (scripts / "fontawesome.js").read_text()
    assert '"solid:bars":[448,512,"M0 96C0 78z"]' in js and '"brands:github"' in js
    assert "file-pdf" not in js and "M1 2z" not in js
    assert codepoints == {"solid": {0xF0C9}, "brands": {0xF09B}}
    # a second run (Sphinx left our file in place) still reads the theme's original
    assets.write_icon_script(tmp_path, [page])
    assert '"solid:bars"' in (scripts / "fontawesome.js").read_text()


def test_purge_keeps_rules_that_can_match():
    css = (".used{a:1}.unused{b:2}.used .unused{c:3}.used:not(.unused){d:4}a[href^=\"x\"]{e:5}"
           "@media (min-width:10px){.unused{f:6}.used,.unused>p{g:7}}.from-js{h:8}.bs-tooltip-auto{i:9}"
           "@font-face{font-family:x}")
    out = assets.purge_css(css, lambda c: c == "used" or c == "from-js" or c.startswith("bs-"))
    for kept in (".used{a:1}", ".used:not(.unused){d:4}", 'a[href^="x"]{e:5}', "@media (min-width:10px){.used{g:7}}",
                 ".from-js{h:8}", ".bs-tooltip-auto{i:9}", "@font-face"):
        assert kept in out, kept
    for dropped in ("b:2", "c:3", "f:6", ".unused>p"):
        assert dropped not in out, dropped


def test_search_index_only_on_the_search_page(tmp_path):
    (tmp_path / "book").mkdir()
    tag = '\n    <script src="../searchindex.js"></script>'
    page, search = tmp_path / "book" / "a.html", tmp_path / "search.html"
    page.write_text(f"<head>{tag}</head>")
    search.write_text('<head><script src="searchindex.js"></script></head>')
    assets.search_index_on_search_page_only(tmp_path, [page, search])
    assert "searchindex" not in page.read_text()
    assert "searchindex.js" in search.read_text()
