"""ALASCA anti-bullying handbook: protocol data, flowcharts, forms and MkDocs hooks."""

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
