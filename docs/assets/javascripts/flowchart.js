/* Charts (generator/flowchart): a chart wider than a phone scrolls sideways inside its own box.
 * Open such a chart at its start, not at its left edge. Nothing else: without this script the
 * chart works the same, it only opens scrolled to the left. */
(function () {
  "use strict";

  function centre(box) {
    var start = box.querySelector(".fc-start");
    if (!start || box.scrollWidth <= box.clientWidth) return;
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
