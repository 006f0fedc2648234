"""The anti-bullying handbook generator: protocol data, flowcharts, forms and MkDocs hooks."""

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
