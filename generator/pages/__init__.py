"""Generated parts of handbook pages: marker comments in Markdown filled from the protocol data."""
