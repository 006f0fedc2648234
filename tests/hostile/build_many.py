"""Build several projects in one process: `python -m tests.hostile.build_many DIR…`.

For the refused-edits table: one interpreter and one MkDocs import for all its builds, instead
of one each. Prints one JSON line per project: the error's type and text, and what MkDocs logged.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys


def build_one(directory: str) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(directory)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    error, message = None, ""
    try:
        build(load_config("mkdocs.yml"))
    except BaseException as exc:  # noqa: BLE001 - reported, not handled: the test decides
        error, message = type(exc).__name__, str(exc)
    finally:
        logger.removeHandler(handler)
    return {"dir": directory, "error": error, "message": message, "log": stream.getvalue()}


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for directory in sys.argv[1:]:
        print(json.dumps(build_one(directory)), flush=True)
