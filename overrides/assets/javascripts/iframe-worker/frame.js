/* Inside iframe-worker's frame (shim.js, offline build only): the worker's own globals, as the
 * original shim wrote them into the frame as an inline script. Read from this file instead, so
 * the pages' Content-Security-Policy allows it as one of the site's files (generator/site/csp.py).
 * data-worker on this script names the worker, for the errors it reports to the page. The script
 * element then takes itself out: Material's search worker finds its own folder (for the Dutch
 * stemmer) as the frame's first script[src]. */
(() => {
  "use strict";
  const me = document.currentScript;
  const worker = me.dataset.worker;
  window.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  window.importScripts = function (...urls) {
    return urls.reduce(
      (done, url) =>
        done.then(
          () =>
            new Promise((resolve) => {
              const script = document.createElement("script");
              script.src = url;
              script.onload = resolve;
              document.body.appendChild(script);
            }),
        ),
      Promise.resolve(),
    );
  };
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error }));
  });
  me.remove();
})();
