"""One search index per language.

mkdocs-static-i18n leaves one search/search_index.json holding every language. This splits it:
site/search/ keeps the Dutch pages, site/<lang>/search/ gets each other language's pages with
locations relative to that language's root, and each index names its own stemming language.
Pages of another language then point Material's search at their own index (see set_search_base).
When Material's offline plugin has written search/search_index.js (the index as a script, for file://),
every language gets its own .js too.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.fileio import atomic_write
from generator.site.language import site_prefix, split_src

CONFIG_TAG = '<script id="__config" type="application/json">'


def split_index(site_dir: Path, languages: tuple[str, ...]) -> dict[str, int]:
    """Rewrite the mixed index into one index per language; return the number of entries per language.
    languages: the site's language codes (protocol/settings.yml), the first at the root."""
    source = site_dir / "search" / "search_index.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    offline = source.with_suffix(".js").is_file()  # written by material/offline just before this hook
    by_lang: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in data["docs"]:
        lang, location = split_src(doc["location"], languages)
        by_lang[lang].append(dict(doc, location=location))
    counts = {}
    for lang, docs in by_lang.items():
        index = {"config": dict(data["config"], lang=[lang]), "docs": docs}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target = site_dir / site_prefix(lang, languages) / "search" / "search_index.json"
        atomic_write(target, text)
        if offline:
            atomic_write(target.with_suffix(".js"), f"var __index = {text}")  # the offline plugin's format
        counts[lang] = len(docs)
    return counts


def set_search_base(html: str, lang: str, default: str) -> str:
    """Point a page's Material config 'base' at its language root, where its search index lives.

    The base ends in '/': Material resolves 'search/search_index.json' and each result's location
    against it with new URL(), which would drop a last segment without a slash ('../en' -> '/').
    """
    if lang == default:  # the default language's pages live at the root, with its index
        return html
    start = html.find(CONFIG_TAG)
    if start < 0:
        return html
    body_start = start + len(CONFIG_TAG)
    end = html.find("</script>", body_start)
    config = json.loads(html[body_start:end])
    base = config["base"].rstrip("/")
    config["base"] = f"{base}/{lang}/" if base not in ("", ".") else f"{lang}/"
    return html[:body_start] + json.dumps(config, ensure_ascii=False) + html[end:]
