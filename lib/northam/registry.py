"""The data registry: every source file the book reads, and how to get its exact bytes.

The registry lives in ``data/registry/<domain>.yml`` (one entry per file: key, pinned URL, sha256,
publisher, license, citation key and the facts recorded about the file). It is *generated* from the
``SOURCES.yml`` files of a data mirror by :func:`sync_from_mirror`, and committed; the data files
themselves are never committed.

:func:`fetch` returns a local path whose bytes have the registered sha256:

1. if a mirror folder is configured (``NORTHAM_DATA_MIRROR``, laid out as ``<domain>/<file>``) and
   holds the file, that file is hash-checked and used in place;
2. otherwise the file is downloaded with pooch into the cache folder (``NORTHAM_DATA_CACHE``, default
   ``.cache/northam`` at the repository root). Pooch writes to a temporary file and moves it into place
   only after the hash matched, so nothing half-written is left in the cache.

Any mismatch raises :class:`DataFileError`, naming the file, the expected and the actual hash, and what
to do about it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import deps


def read_yaml(text: str):
    """Parse YAML ``text`` safely, with libyaml's C parser when PyYAML has it (several times faster; same
    result for the plain documents the book keeps)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


REPO_ROOT = Path(__file__).resolve().parents[2]
REGISTRY_DIR = REPO_ROOT / "data" / "registry"

#: SOURCES.yml fields copied into the registry (descriptive metadata only, never values).
_KEPT_FIELDS = ("title", "upstream_publisher", "license", "coverage", "units", "subset", "notes", "join_notes")


class DataFileError(RuntimeError):
    """A registered data file is missing, or its bytes are not the registered ones."""


@dataclass(frozen=True)
class Source:
    """One registered source file."""

    key: str
    domain: str
    file: str
    url: str
    sha256: str
    bytes: int
    title: str
    publisher: str
    license: str
    repo: str = ""
    commit: str = ""
    citation: str = ""
    facts: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


def _citation_key(file: str) -> str:
    stem = file
    for ext in (".gz", ".csv", ".xlsx", ".xls", ".json", ".RData", ".rda", ".shp", ".dbf", ".prj", ".shx"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
    return re.sub(r"[^A-Za-z0-9]+", "_", stem).strip("_").lower()


def registry_dir() -> Path:
    return Path(os.environ.get("NORTHAM_REGISTRY_DIR", REGISTRY_DIR))


@functools.lru_cache(maxsize=4)
def _load(directory: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for path in sorted(Path(directory).glob("*.yml")):
        doc = read_yaml(path.read_text(encoding="utf-8")) or {}
        for entry in doc.get("sources", []):
            src = Source(
                key=entry["key"],
                domain=entry["domain"],
                file=entry["file"],
                url=entry["url"],
                sha256=entry["sha256"],
                bytes=int(entry["bytes"]),
                title=entry.get("title", ""),
                publisher=entry.get("publisher", ""),
                license=entry.get("license", ""),
                repo=entry.get("repo", ""),
                commit=entry.get("commit", ""),
                citation=entry.get("citation", _citation_key(entry["file"])),
                facts=entry.get("facts", {}) or {},
            )
            if src.key in sources:
                raise ValueError(f"registry key {src.key!r} is listed twice ({path.name})")
            sources[src.key] = src
    return sources


def sources() -> dict[str, Source]:
    """All registered sources, by key."""
    return _load(str(registry_dir()))


def listing_sha256() -> str:
    """SHA-256 of the whole registry: every ``<domain>.yml`` file, its name and bytes. It changes when a source
    is added, removed, re-hashed or described otherwise (a page that lists every source depends on it)."""
    h = hashlib.sha256()
    for path in sorted(registry_dir().glob("*.yml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def source(key: str) -> Source:
    """The registry entry for ``key`` (the file name), with a helpful error when unknown."""
    reg = sources()
    if key not in reg:
        close = [k for k in reg if key.split(".")[0][:12] in k][:5]
        raise KeyError(f"{key!r} is not in the data registry ({registry_dir()}). Similar keys: {close}")
    return reg[key]


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes, hex."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def mirror_dir() -> Path | None:
    """The local mirror folder from ``NORTHAM_DATA_MIRROR``, if set.

    A relative path is taken relative to the repository root (notebooks run with their own folder as
    working directory, so ``../shared/data`` must not depend on it).
    """
    value = os.environ.get("NORTHAM_DATA_MIRROR")
    if not value:
        return None
    path = Path(value).expanduser()
    return (path if path.is_absolute() else REPO_ROOT / path).resolve()


def cache_dir() -> Path:
    """The download cache folder (``NORTHAM_DATA_CACHE`` or ``.cache/northam`` in the repo)."""
    path = Path(os.environ.get("NORTHAM_DATA_CACHE", REPO_ROOT / ".cache" / "northam")).expanduser()
    return path if path.is_absolute() else (REPO_ROOT / path).resolve()


_VERIFIED: dict[tuple[str, int, int], str] = {}


def _verified_hash(path: Path) -> str:
    st = path.stat()
    token = (str(path), st.st_size, st.st_mtime_ns)
    if token not in _VERIFIED:
        _VERIFIED[token] = file_sha256(path)
    return _VERIFIED[token]


def _mismatch(src: Source, path: Path, actual: str, where: str) -> DataFileError:
    return DataFileError(
        f"Refusing data file {src.file!r} ({where}: {path}).\n"
        f"  expected sha256 {src.sha256}\n"
        f"  actual   sha256 {actual}\n"
        f"The bytes are not the registered ones (a corrupt, truncated or different vintage copy). "
        f"Restore the exact file from {src.url}, or, if the publisher's file really changed, "
        f"update its entry in data/registry/{src.domain}.yml (python -m northam registry-sync) and review "
        f"every chapter that uses {src.key!r}."
    )


def fetch(key: str) -> Path:
    """Path to the hash-verified local copy of registered file ``key``.

    Uses the mirror folder when it holds the file, else the cache, else downloads with pooch.
    Raises :class:`DataFileError` on a hash mismatch or when the file cannot be had.
    """
    src = source(key)
    deps.record("data", key, src.sha256)  # the running page (if any) depends on this file's hash
    mirror = mirror_dir()
    if mirror is not None:
        candidate = mirror / src.domain / src.file
        if candidate.exists():
            actual = _verified_hash(candidate)
            if actual != src.sha256:
                raise _mismatch(src, candidate, actual, "mirror copy")
            return candidate
    cached = cache_dir() / src.domain / src.file
    if cached.exists():
        actual = _verified_hash(cached)
        if actual != src.sha256:
            raise _mismatch(src, cached, actual, "cached copy")
        return cached
    return _download(src, cached)


def _download(src: Source, target: Path) -> Path:
    import pooch

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        path = pooch.retrieve(
            url=src.url,
            known_hash=f"sha256:{src.sha256}",
            fname=src.file,
            path=target.parent,
            progressbar=False,
        )
    except ValueError as exc:  # pooch's hash mismatch; the temporary download is already removed
        actual = re.search(r"\(([0-9a-f]{64})\)", str(exc))
        raise DataFileError(
            f"Refusing data file {src.file!r} downloaded from {src.url}.\n"
            f"  expected sha256 {src.sha256}\n"
            f"  actual   sha256 {actual.group(1) if actual else 'unknown'}\n"
            f"The download was discarded; nothing was written to {target.parent}. The publisher may have "
            f"changed the file: check it, then update data/registry/{src.domain}.yml."
        ) from exc
    except Exception as exc:  # no network, 404, ...
        where = mirror_dir()
        raise DataFileError(
            f"Data file {src.file!r} is not available: it is not in the mirror "
            f"({where / src.domain if where else 'NORTHAM_DATA_MIRROR is not set'}) nor in the cache "
            f"({target.parent}), and downloading {src.url} failed ({type(exc).__name__}: {exc}). "
            f"Set NORTHAM_DATA_MIRROR to a folder laid out as <domain>/<file> (for example ../shared/data), "
            f"or run on a machine with internet access."
        ) from exc
    return Path(path)


# --------------------------------------------------------------------------------------------------
# Generating the registry from a mirror's SOURCES.yml files


def _entry_from_sources_yml(domain: str, item: dict) -> dict:
    facts = {k: item[k] for k in _KEPT_FIELDS if item.get(k) not in (None, "", [])}
    facts.pop("title", None)
    facts.pop("upstream_publisher", None)
    facts.pop("license", None)
    return {
        "key": item["file"],
        "domain": domain,
        "file": item["file"],
        "url": item["raw_url"],
        "sha256": item["sha256"],
        "bytes": int(item["bytes"]),
        "title": item.get("title", ""),
        "publisher": item.get("upstream_publisher", ""),
        "license": item.get("license", ""),
        "repo": item.get("repo", ""),
        "commit": item.get("commit", ""),
        "citation": _citation_key(item["file"]),
        "facts": facts,
    }


def sync_from_mirror(mirror: str | os.PathLike, out_dir: str | os.PathLike | None = None) -> list[Path]:
    """(Re)write ``data/registry/<domain>.yml`` from every ``<domain>/SOURCES.yml`` of a mirror.

    Only descriptive metadata is copied (URL, hash, publisher, license, coverage, units, quirks);
    never data values.
    """
    mirror = Path(mirror)
    out = Path(out_dir) if out_dir else registry_dir()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sources_yml in sorted(mirror.glob("*/SOURCES.yml")):
        domain = sources_yml.parent.name
        items = read_yaml(sources_yml.read_text(encoding="utf-8")) or []
        doc = {
            "domain": domain,
            "generated_from": f"<mirror>/{domain}/SOURCES.yml",
            "sources": [_entry_from_sources_yml(domain, it) for it in items],
        }
        path = out / f"{domain}.yml"
        header = (
            "# Generated by `python -m northam registry-sync <mirror>`: one entry per source file.\n"
            "# Edit SOURCES.yml upstream, not this file. No data values are stored here.\n"
        )
        path.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), "utf-8")
        written.append(path)
    _load.cache_clear()
    return written


# --------------------------------------------------------------------------------------------------
# Registering a researcher's own file


def _take_bytes(url_or_file: str, tmp: Path) -> tuple[str, str]:
    """Copy a local file or download a URL to ``tmp``; return (url to record, file name)."""
    import shutil
    import urllib.parse
    import urllib.request

    parsed = urllib.parse.urlparse(url_or_file)
    if parsed.scheme in ("http", "https", "ftp"):
        name = Path(parsed.path).name or "download"
        try:
            with urllib.request.urlopen(url_or_file, timeout=60) as resp, open(tmp, "wb") as out:
                shutil.copyfileobj(resp, out)
        except Exception as exc:  # unreachable host, 404, timeout, ...
            raise DataFileError(f"cannot download {url_or_file}: {type(exc).__name__}: {exc}. Nothing was "
                                f"registered or cached.") from None
        return url_or_file, name
    path = Path(parsed.path if parsed.scheme == "file" else url_or_file).expanduser()
    if not path.is_file():
        raise DataFileError(f"{path} is not a file. Nothing was registered or cached.")
    shutil.copyfile(path, tmp)
    return path.resolve().as_uri(), path.name


def add_source(url_or_file: str, *, domain: str, key: str | None = None, title: str = "",
               publisher: str = "", license: str = "") -> Source:
    """Register a new file: hash it, append its entry to ``data/registry/<domain>.yml``, cache its bytes.

    ``url_or_file`` is an http(s) URL (downloaded) or a local path (copied). The entry records the URL (or
    the file's ``file://`` URI), sha256, size, title, publisher and licence; the bytes go to
    ``<cache>/<domain>/<file>`` so :func:`fetch` finds them at once. A URL that cannot be reached, a path
    that is not a file, or a key already registered with other bytes raises :class:`DataFileError` and
    leaves the registry and the cache as they were (re-adding the same bytes is a no-op).
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", domain):
        raise ValueError("domain must be lower-case letters, digits and hyphens, e.g. labor-canada")
    cache = cache_dir() / domain
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".add-source.{os.getpid()}.tmp"
    try:
        url, name = _take_bytes(url_or_file, tmp)
        key = key or name
        sha, size = file_sha256(tmp), tmp.stat().st_size
        existing = sources().get(key)
        if existing is not None:
            if existing.sha256 != sha:
                raise DataFileError(f"key {key!r} is registered already with sha256 {existing.sha256}; these "
                                    f"bytes have {sha}. Choose another --key, or update the entry by hand.")
            return existing
        entry = {"key": key, "domain": domain, "file": name, "url": url, "sha256": sha, "bytes": size,
                 "title": title or name, "publisher": publisher, "license": license,
                 "citation": _citation_key(name)}
        path = registry_dir() / f"{domain}.yml"
        doc = read_yaml(path.read_text(encoding="utf-8")) if path.is_file() else None
        doc = doc or {"domain": domain, "sources": []}
        doc["sources"] = [*(doc.get("sources") or []), entry]
        os.replace(tmp, cache / name)
        text = "# Registered with `python -m northam add-source`. No data values are stored here.\n"
        path.write_text(text + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), "utf-8")
        _load.cache_clear()
        return source(key)
    finally:
        tmp.unlink(missing_ok=True)
