"""Material's templates compiled once, not on every build.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds once per
language, so each build compiled Material's ~50 templates (base.html, its partials, our
overrides) twice from source: about a quarter of a no-change rebuild. Jinja's own
FileSystemBytecodeCache keeps the compiled code in .cache/jinja/, keyed by the template's name
and a checksum of its source, so an edited template (ours or after a Material upgrade) is
compiled anew and every other one is loaded as it was.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache


def use_bytecode_cache(env: Environment, root: Path) -> Environment:
    """Give the theme's environment a bytecode cache under root/.cache/jinja/."""
    folder = root / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
