"""Fixtures for the built-site tests."""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.conftest import ROOT


@pytest.fixture(scope="session")
def site_url_of_config() -> str:
    """site_url from mkdocs.yml (read as MkDocs reads it: !ENV and !!python tags included), ending in '/'."""
    with open(ROOT / "mkdocs.yml", "rb") as config:
        return yaml_load(config)["site_url"].rstrip("/") + "/"
