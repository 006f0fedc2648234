/* Search loads when it is used (overrides/main.html loads this just before Material's bundle).
 *
 * Material's bundle starts its search at page load: it creates the search worker and asks for the
 * language's index (search/search_index.json over HTTP; search/search_index.js as a <script> from
 * file://). Most readers never search, and on a phone that is most of a page's weight. This holds
 * those three requests back until the reader opens or focuses the search box (or the page was
 * opened from a search result, whose words Material highlights), then lets them go in the order
 * Material asked for them. Nothing else about search changes. Without JavaScript nothing runs.
 *
 * It relies on three things Material's bundle (9.x) does, each checked by tests/browser/test_search_loading.py:
 * `new Worker(config.search)`, an XMLHttpRequest for ".../search/search_index.json", and
 * `document.head.appendChild(<script src=".../search/search_index.js">)`.
 */
(() => {
  "use strict";
  const INDEX = /\/search\/search_index\.(json|js)$/;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const workerUrl = new URL(config.search, location.href).href;
  const waiting = [];
  let started = false;

  function start() {
    if (started) return;
    started = true;
    document.documentElement.dataset.searchLoaded = "";
    waiting.splice(0).forEach((run) => run());
  }
  function later(run) {
    if (started) run();
    else waiting.push(run);
  }

  /* 1. The search worker: created for real when search starts; messages wait until then. */
  const RealWorker = window.Worker; // on file:// this is the iframe-worker shim (block libs)
  if (RealWorker) {
    class LazyWorker extends EventTarget {
      constructor(url, options) {
        super();
        this.queue = [];
        later(() => {
          this.worker = new RealWorker(url, options);
          for (const type of ["message", "error", "messageerror"]) {
            this.worker.addEventListener(type, (event) =>
              this.dispatchEvent(type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data })),
            );
          }
          this.queue.splice(0).forEach((message) => this.worker.postMessage(message));
        });
      }
      postMessage(message) {
        if (this.worker) this.worker.postMessage(message);
        else this.queue.push(message);
      }
      terminate() {
        if (this.worker) this.worker.terminate();
        this.queue = [];
      }
    }
    window.Worker = function Worker(url, options) {
      const wanted = new URL(String(url), location.href).href === workerUrl;
      return wanted ? new LazyWorker(url, options) : new RealWorker(url, options);
    };
  }

  /* 2. The index over HTTP: the request is sent when search starts. */
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.searchIndex) return send.apply(this, args);
    later(() => send.apply(this, args));
  };

  /* 3. The index from file://: the script element is added when search starts. */
  const head = document.head;
  const append = head.appendChild;
  head.appendChild = function (node) {
    if (node instanceof HTMLScriptElement && node.src && INDEX.test(new URL(node.src).pathname)) {
      later(() => append.call(head, node));
      return node;
    }
    return append.call(head, node);
  };

  /* What starts search: opening or focusing the search box, or a page opened from a result. */
  if (new URL(location.href).searchParams.has("h")) start();
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-md-component=search]")) start();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) start();
  });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("label[for=__search]")) start();
  });
})();
