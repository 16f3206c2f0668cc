"""Page weight: trim the theme's assets in the built HTML to what the book's pages use.

The pydata theme ships every Font Awesome icon as JavaScript (``fontawesome.js``, 1.5 MB), all of
Bootstrap and Font Awesome's CSS, and loads the search index on every page. At the end of an HTML build
(:func:`trim`, called by :mod:`northam.sphinxext`), in the output folder only:

1. ``_static/scripts/fontawesome.js`` is replaced by a small script holding only the icons the built pages
   use (their SVG paths are read from the theme's own ``fontawesome.js``), which turns each
   ``<i class="fa-solid fa-bars">`` into an inline ``<svg>`` as Font Awesome does;
2. the theme's style sheets lose the rules whose selectors need a class that no built page and no script
   uses (a conservative purge: a selector is kept when every class it requires appears in a page's
   ``class`` attributes or anywhere in a script's text);
3. the Font Awesome web fonts (used by CSS icons such as the external-link arrow) are cut down to the
   glyphs the remaining CSS refers to, as WOFF files;
4. without search-as-you-type, ``searchindex.js`` is loaded only by the search page.

Each step reads the theme's original files (kept beside them as ``*.orig``), so running it again after an
incremental build gives the same result.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FAMILIES = {"fas": "solid", "fa-solid": "solid", "far": "regular", "fa-regular": "regular",
            "fab": "brands", "fa-brands": "brands"}
#: Font Awesome classes that style an icon rather than name one.
MODIFIERS = {"fa", "fa-fw", "fa-lg", "fa-xs", "fa-sm", "fa-xl", "fa-2xs", "fa-2xl", "fa-spin", "fa-pulse",
             "fa-border", "fa-inverse", "fa-flip", "fa-beat", "fa-fade", "fa-bounce", "fa-shake",
             "fa-flip-horizontal", "fa-flip-vertical", "fa-rotate-90", "fa-rotate-180", "fa-rotate-270",
             "fa-stack", "fa-stack-1x", "fa-stack-2x", "fa-li", "fa-ul", "fa-pull-left", "fa-pull-right",
             *[f"fa-{n}x" for n in range(1, 11)], *FAMILIES}
#: Style sheets purged of unused rules (paths under ``_static``).
PURGED_CSS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "sphinx-design.min.css",
              "basic.css", "mystnb.*.css")
#: Classes that scripts build from pieces (Bootstrap's "bs-tooltip-auto"): never purged.
DYNAMIC_PREFIXES = ("bs-", "tooltip", "popover", "dropdown", "modal", "offcanvas", "collaps", "show", "fade")
FONTS = {"solid": "fa-solid-900", "regular": "fa-regular-400", "brands": "fa-brands-400"}
SKIP_DIRS = {"_static", "_sources", "_downloads", "_images", "data"}

# Font Awesome's own base styles for inline SVG icons (svg-with-js.css, the parts the theme needs).
_SVG_CSS = (
    "svg:not(:root).svg-inline--fa{overflow:visible;box-sizing:content-box}"
    ".svg-inline--fa{display:var(--fa-display,inline-block);height:1em;overflow:visible;vertical-align:-.125em}"
    ".svg-inline--fa.fa-lg{vertical-align:-.2em}.svg-inline--fa.fa-xs{vertical-align:0}"
    ".svg-inline--fa.fa-sm{vertical-align:-.07143em}.svg-inline--fa.fa-fw{width:var(--fa-fw-width,1.25em)}"
)

_SCRIPT = """/* Font Awesome Free (https://fontawesome.com, icons CC BY 4.0, code MIT): only the icons this book's
   pages use, written by northam.assets from the theme's fontawesome.js. */
(function () {
  var I = %(icons)s, F = %(families)s, M = %(modifiers)s;
  function draw(el) {
    var fam = "solid", name = null;
    el.classList.forEach(function (c) {
      if (F[c]) { fam = F[c]; } else if (c.indexOf("fa-") === 0 && !M[c]) { name = c.slice(3); }
    });
    var icon = name && I[fam + ":" + name];
    if (!icon) { return; }
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    for (var i = 0; i < el.attributes.length; i++) {
      var a = el.attributes[i];
      if (a.name !== "class") { svg.setAttribute(a.name, a.value); }
    }
    svg.setAttribute("class", "svg-inline--fa " + el.getAttribute("class"));
    svg.setAttribute("data-prefix", fam); svg.setAttribute("data-icon", name);
    svg.setAttribute("viewBox", "0 0 " + icon[0] + " " + icon[1]);
    svg.setAttribute("focusable", "false");
    if (!el.hasAttribute("aria-label") && !el.hasAttribute("title")) { svg.setAttribute("aria-hidden", "true"); }
    svg.setAttribute("role", "img");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("fill", "currentColor"); path.setAttribute("d", icon[2]);
    svg.appendChild(path);
    el.replaceWith(svg);
  }
  function run(root) {
    root.querySelectorAll("i[class*='fa-'], span[class*='fa-']").forEach(draw);
  }
  var style = document.createElement("style");
  style.textContent = %(css)s;
  document.head.appendChild(style);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { run(document); });
  } else { run(document); }
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) { if (n.nodeType === 1) { if (n.matches("i[class*='fa-']")) { draw(n); } else { run(n); } } });
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
"""


def _original(path: Path) -> str:
    """The theme's original text of ``path`` (saved once as ``<name>.orig``; Sphinx overwrites the file itself
    with the theme's copy at each build, so a file that differs from our output is the original)."""
    orig = path.with_name(path.name + ".orig")
    text = path.read_text(encoding="utf-8")
    if not orig.is_file() or not text.startswith("/* northam-trimmed */"):
        orig.write_text(text, encoding="utf-8")
    return orig.read_text(encoding="utf-8")


def html_pages(outdir: Path) -> list[Path]:
    return [p for p in sorted(outdir.rglob("*.html"))
            if not (set(p.relative_to(outdir).parts[:-1]) & SKIP_DIRS)]


def used_icons(pages: list[Path]) -> set[tuple[str, str]]:
    """(family, icon name) of every Font Awesome icon in the pages' class attributes."""
    out = set()
    for page in pages:
        for classes in re.findall(r'class="([^"]*\bfa[a-z-]*[^"]*)"', page.read_text(encoding="utf-8")):
            tokens = classes.split()
            family = next((FAMILIES[t] for t in tokens if t in FAMILIES), "solid")
            out.update((family, t[3:]) for t in tokens if t.startswith("fa-") and t not in MODIFIERS)
    return out


def icon_definitions(fontawesome_js: str) -> dict[str, dict[str, tuple[int, int, str, str, list]]]:
    """family -> icon name -> (width, height, unicode, path, aliases), read from the theme's fontawesome.js:
    each family's icons (``bars:[448,512,[aliases],"f0c9","M0 96C..."]``) precede the call that registers
    them (``d("fas", ...)``)."""
    marks = [(m.start(), FAMILIES[m.group(1)])
             for m in re.finditer(r'[\w$]+\("(fab|far|fas)",[\w$]+\)', fontawesome_js)]
    icon = re.compile(r'(?:"([\w-]+)"|([A-Za-z_$][\w$]*)):\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]+)","([^"]*)"\]')
    out: dict[str, dict] = {}
    start = 0
    for end, family in marks:
        icons = out.setdefault(family, {})
        for m in icon.finditer(fontawesome_js, start, end):
            aliases = [a.strip('"') for a in m.group(5).split(",") if a.startswith('"')]
            entry = (int(m.group(3)), int(m.group(4)), m.group(6), m.group(7), aliases)
            for name in (m.group(1) or m.group(2), *aliases):
                icons.setdefault(name, entry)
        start = end
    return out


def write_icon_script(outdir: Path, pages: list[Path]) -> dict[str, int]:
    """Replace the theme's fontawesome.js with the icons the pages use; return {family: codepoint} of them."""
    path = outdir / "_static" / "scripts" / "fontawesome.js"
    if not path.is_file():
        return {}
    defs = icon_definitions(_original(path))
    icons, codepoints = {}, {}
    for family, name in sorted(used_icons(pages)):
        d = defs.get(family, {}).get(name)
        if d is None:
            continue  # not a Font Awesome icon name (another class starting with "fa-")
        icons[f"{family}:{name}"] = [d[0], d[1], d[3]]
        codepoints.setdefault(family, set()).add(int(d[2], 16))
    families = {k: v for k, v in FAMILIES.items()}
    text = "/* northam-trimmed */\n" + _SCRIPT % {
        "icons": json.dumps(icons, separators=(",", ":")), "families": json.dumps(families),
        "modifiers": json.dumps(dict.fromkeys(sorted(MODIFIERS), 1)), "css": json.dumps(_SVG_CSS)}
    path.write_text(text, encoding="utf-8")
    return codepoints


# --------------------------------------------------------------------------------------------------
# CSS purge


def _strip_functional(selector: str) -> str:
    """Drop the arguments of :not(), :is(), :where(), :has() (their classes are not required)."""
    out, i = [], 0
    while i < len(selector):
        m = re.match(r":(not|is|where|has|-webkit-any|-moz-any)\(", selector[i:])
        if not m:
            out.append(selector[i])
            i += 1
            continue
        depth, j = 0, i + len(m.group(0)) - 1
        while j < len(selector):
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            if depth == 0:
                break
            j += 1
        i = j + 1
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in prelude:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


def required_classes(selector: str) -> list[str]:
    """The classes an element must have for ``selector`` to match (attribute values and negations aside)."""
    s = re.sub(r"\[[^\]]*\]", "", _strip_functional(selector))
    return re.findall(r"\.(-?[_a-zA-Z][\w-]*)", s)


def purge_css(css: str, is_used) -> str:
    """``css`` without the rules none of whose selectors can match (``is_used(class) -> bool``)."""
    import tinycss2

    def walk(rules) -> list[str]:
        out = []
        for r in rules:
            if r.type == "qualified-rule":
                kept = [s for s in _split_selectors(tinycss2.serialize(r.prelude))
                        if all(is_used(c) for c in required_classes(s))]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(r.content) + "}")
            elif r.type == "at-rule" and r.lower_at_keyword in ("media", "supports", "container", "layer") \
                    and r.content is not None:
                inner = walk(tinycss2.parse_rule_list(r.content))
                if inner:
                    out.append(f"@{r.at_keyword}{tinycss2.serialize(r.prelude)}{{{''.join(inner)}}}")
            elif r.type not in ("whitespace", "comment"):
                out.append(tinycss2.serialize([r]))
        return out

    return "".join(walk(tinycss2.parse_stylesheet(css)))


def _class_usage(outdir: Path, pages: list[Path]) -> tuple[set[str], str]:
    """The classes in the pages' ``class`` attributes, and the text of every script (inline or in ``_static``)."""
    classes: set[str] = set()
    texts = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for attr in re.findall(r'class="([^"]*)"', html):
            classes.update(attr.split())
        texts.extend(re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S))
    scripts = "\n".join([*texts, *(p.read_text(encoding="utf-8", errors="ignore")
                                   for p in sorted((outdir / "_static").rglob("*.js")))])
    return classes, scripts


def purge_styles(outdir: Path, pages: list[Path]) -> None:
    """Purge each theme style sheet (:data:`PURGED_CSS`). The result depends only on the original sheet, the
    pages' classes and the scripts' text, so it is kept under ``<outdir>/../.northam-trim/`` by the hash of
    those three: an incremental build that changed no class reuses it instead of parsing the CSS again."""
    import hashlib

    classes, scripts = _class_usage(outdir, pages)

    def is_used(name: str) -> bool:
        return name in classes or name.startswith(DYNAMIC_PREFIXES) or name in scripts

    usage = hashlib.sha256("\n".join(sorted(classes)).encode() + b"\0" + scripts.encode()).hexdigest()
    memo = outdir.parent / ".northam-trim"
    memo.mkdir(exist_ok=True)
    kept = set()
    static = outdir / "_static"
    for pattern in PURGED_CSS:
        for path in sorted(static.glob(pattern)):
            if path.suffix != ".css":
                continue
            original = _original(path)
            key = hashlib.sha256(f"{usage}\0{original}".encode()).hexdigest()[:32] + ".css"
            kept.add(key)
            if not (memo / key).is_file():  # written whole, then renamed: never a half-written entry
                tmp = memo / f".{key}.tmp"
                tmp.write_text("/* northam-trimmed */\n" + purge_css(original, is_used), encoding="utf-8")
                tmp.replace(memo / key)
            path.write_text((memo / key).read_text(encoding="utf-8"), encoding="utf-8")
    for old in memo.glob("*.css"):
        if old.name not in kept:
            old.unlink()


# --------------------------------------------------------------------------------------------------
# Web fonts


def _css_codepoints(css: str) -> set[int]:
    """Private-use code points in CSS strings (icon glyphs), written as characters or escapes."""
    points = {ord(ch) for ch in css if 0xE000 <= ord(ch) <= 0xF8FF}
    points |= {int(h, 16) for h in re.findall(r"\\([0-9a-fA-F]{4,6})", css) if 0xE000 <= int(h, 16) <= 0xF8FF}
    return points


def subset_fonts(outdir: Path, codepoints: dict[str, set[int]]) -> None:
    """Cut the Font Awesome fonts down to the icons in the style sheets and the pages, as WOFF; point the
    theme's @font-face rules at them."""
    from fontTools import subset

    static = outdir / "_static"
    css_path = static / "styles" / "pydata-sphinx-theme.css"
    webfonts = static / "vendor" / "fontawesome" / "webfonts"
    if not css_path.is_file() or not webfonts.is_dir():
        return
    css = css_path.read_text(encoding="utf-8")
    wanted = _css_codepoints(css)
    for family, stem in FONTS.items():
        ttf = webfonts / f"{stem}.ttf"
        if not ttf.is_file():
            continue
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        font = subset.load_font(str(ttf), options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=sorted(wanted | codepoints.get(family, set())))
        sub.subset(font)
        subset.save_font(font, str(webfonts / f"{stem}.subset.woff"), options)
        css = re.sub(rf'url\(([^)]*?){stem}\.woff2\)\s*format\("woff2"\)\s*,\s*url\([^)]*?{stem}\.ttf\)'
                     rf'\s*format\("truetype"\)', rf'url(\g<1>{stem}.subset.woff) format("woff")', css)
    css_path.write_text(css, encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Search index


def search_index_on_search_page_only(outdir: Path, pages: list[Path]) -> None:
    """Without search-as-you-type the search box submits to search.html, the one page that needs the index."""
    for page in pages:
        if page.name == "search.html" and page.parent == outdir:
            continue
        html = page.read_text(encoding="utf-8")
        new = re.sub(r'\s*<script src="(?:\.\./)*searchindex\.js"></script>', "", html)
        if new != html:
            page.write_text(new, encoding="utf-8")


def trim(outdir: Path, *, search_as_you_type: bool = False) -> None:
    """Every step above, on the built HTML in ``outdir``."""
    outdir = Path(outdir)
    pages = html_pages(outdir)
    if not search_as_you_type:
        search_index_on_search_page_only(outdir, pages)
    codepoints = write_icon_script(outdir, pages)
    purge_styles(outdir, pages)
    subset_fonts(outdir, codepoints)
