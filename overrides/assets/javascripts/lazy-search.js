/* Search loads when it is used. Material's bundle creates its search worker and asks for the
 * index (search_index.json; search_index.js from file://) at page load; this holds those requests
 * back until the search box is opened or focused, or the page came from a search result (?h=).
 * Loaded just before the bundle (overrides/main.html); tests/browser/test_search_loading.py. */
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

  /* The search worker: created when search starts; messages wait until then. */
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

  /* The index over HTTP (an XMLHttpRequest): sent when search starts. */
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

  /* The index from file:// (a script element): added when search starts. */
  const head = document.head;
  const append = head.appendChild;
  head.appendChild = function (node) {
    if (node instanceof HTMLScriptElement && node.src && INDEX.test(new URL(node.src).pathname)) {
      later(() => append.call(head, node));
      return node;
    }
    return append.call(head, node);
  };

  /* What starts search. */
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
