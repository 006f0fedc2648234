"""Flowcharts: one per role and language, and an overview across roles, as inline SVG.

dot.py and overview.py build Graphviz DOT text from the protocol (pure); svg.py runs `dot` and
cleans its SVG for inline use; render.py holds the page-marker renderers that put them together.
"""
