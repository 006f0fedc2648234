"""The anti-bullying handbook generator: protocol data, flowcharts, forms and MkDocs hooks (the school: protocol/, docs/)."""

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
