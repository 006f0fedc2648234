"""Tests of the generator as a product: they hold for any school's protocol. Each works on a
scratch copy of the data (tests/conftest.py: data_copy, site_copy) that it changes the way another
school's editor would, with data alone. ALASCA's own content checks are in tests/alasca/."""

from __future__ import annotations
