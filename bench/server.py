"""A plain static server on 127.0.0.1 that, like nginx's `gzip_static on`, sends `<file>.gz` with
`Content-Encoding: gzip` when it exists and the browser accepts gzip, and the file itself otherwise.
The benchmark serves the handbook and the bare build alike with it, both precompressed by
generator/site/compress.py, so the two are weighed under the same server."""

from __future__ import annotations

import http.server
import os
from pathlib import Path

from tests import localsite


class _Handler(localsite.QuietHandler):
    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if not (path.is_file() and packed.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        file = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(os.fstat(file.fileno()).st_size))
        self.end_headers()
        return file


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder like nginx's gzip_static, on 127.0.0.1 and a free port; returns (server, base URL)."""
    return localsite.serve(directory, _Handler)


stop = localsite.stop
