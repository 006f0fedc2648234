/* Charts (generator/flowchart): a chart wider than a phone scrolls sideways inside its own box.
 * Open such a chart at its start, not at its left edge, and show the hint that it scrolls (the
 * figure gets .is-scrollable; the CSS adds shadows at the edges). Nothing else: without this
 * script the chart works the same, it only opens scrolled to the left. */
(function () {
  "use strict";

  function centre(box) {
    var figure = box.closest(".flowchart");
    var wide = box.scrollWidth > box.clientWidth + 1;
    var hint = figure && figure.querySelector(".flowchart__scroll-hint");
    if (figure) figure.classList.toggle("is-scrollable", wide);
    if (hint) hint.hidden = !wide;
    var start = box.querySelector(".fc-start");
    if (!start || !wide) return;
    var node = start.getBoundingClientRect();
    var frame = box.getBoundingClientRect();
    box.scrollLeft += node.left + node.width / 2 - (frame.left + frame.width / 2);
  }

  function start() {
    document.querySelectorAll(".flowchart__scroll").forEach(centre);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
