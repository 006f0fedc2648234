"""The anti-bullying handbook generator: protocol data, flowcharts, forms and MkDocs hooks."""

# The site's languages are data: protocol/settings.yml `languages:` (generator.languages), carried
# by the loaded protocol (Protocol.languages; the first is the default, at /).
