"""Render PDF pages as Firefox's pdf.js draws them for print: pdfjs-dist 4 (its ES modules) in this
machine's Chromium, through playwright.

pdfjs-dist comes from the npm registry into .cache/node/ (git-ignored) with the other test tools
(scripts/fetch-node-tools pins its version; fetched on first use). Pages are drawn with the
annotations' appearances as printing does (AnnotationMode.ENABLE_STORAGE): a field whose appearance
the viewer must make (/NeedAppearances, or a value without one) is drawn by pdf.js's own code, as
Firefox prints it.
"""

from __future__ import annotations

import base64
import io

from PIL import Image

from tests import node_tools

BUILD = node_tools.PDFJS
ORIGIN = "http://pdfjs.invalid"  # answered by playwright's router from BUILD; nothing leaves the machine

PAGE = """<!DOCTYPE html><meta charset="utf-8"><script type="module">
import * as pdfjs from "/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
window.renderPdf = async (b64, dpi) => {
  const data = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({data, standardFontDataUrl: "/standard_fonts/", isEvalSupported: false}).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({scale: dpi / 72});
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width); canvas.height = Math.round(viewport.height);
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({canvasContext: ctx, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE_STORAGE,
                       intent: "print"}).promise;
    out.push(canvas.toDataURL("image/png"));
  }
  await doc.destroy();
  return out;
};
window.ready = true;
</script>"""


class PdfJs:
    """One page of Chromium with pdf.js loaded; render(data, dpi) -> grey page images."""

    def __init__(self, browser) -> None:
        node_tools.ensure()
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.route(f"{ORIGIN}/**", self._serve)
        self.page.goto(f"{ORIGIN}/index.html")
        self.page.wait_for_function("window.ready === true")

    def _serve(self, route) -> None:
        path = route.request.url[len(ORIGIN) :].split("?")[0]
        if path == "/index.html":
            route.fulfill(body=PAGE, content_type="text/html")
            return
        file = (BUILD / path.lstrip("/")).resolve()
        if path.startswith("/standard_fonts/"):
            file = (BUILD.parent.parent / path.lstrip("/")).resolve()
        if not file.is_file():
            route.fulfill(status=404, body="")
            return
        route.fulfill(body=file.read_bytes(), content_type="text/javascript" if file.suffix == ".mjs" else None)

    def render(self, data: bytes, dpi: int) -> list[Image.Image]:
        urls = self.page.evaluate("([b64, dpi]) => window.renderPdf(b64, dpi)", [base64.b64encode(data).decode(), dpi])
        return [Image.open(io.BytesIO(base64.b64decode(u.split(",", 1)[1]))).convert("L") for u in urls]

    def close(self) -> None:
        self.context.close()
