/*
 * Deferred search worker for the digest (ours; no third-party code).
 *
 * Material for MkDocs creates its search worker from `__config.search` on every page load
 * and sends it the whole search index. Our plugin points `__config.search` at this file and
 * renames the search form, so the page itself fetches no index. This worker says "ready" at
 * once, answers empty queries itself, and only on the reader's first real query loads
 * Material's own worker and the index of the page's language, then hands every query to it.
 *
 * Parameters come in the URL fragment (so the file is cached once for all languages):
 *   worker  Material's worker script, relative to this file
 *   index   this language's search_index.json, relative to this file
 *   suggest 1 when the theme feature "search.suggest" is on
 */
"use strict";

/* Message types of Material's search worker protocol */
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

const params = new URLSearchParams(self.location.hash.slice(1));
const here = self.location.href.split("#")[0];
const workerUrl = new URL(params.get("worker") || "", here).href;
const indexUrl = new URL(params.get("index") || "", here).href;
const suggest = params.get("suggest") === "1";

let loading = null;   /* Promise: Material's worker is set up with the index */
let queue = Promise.resolve();

function loadIndex() {
  if (loading === null) {
    loading = fetch(indexUrl)
      .then(response => {
        if (!response.ok)
          throw new Error(`${indexUrl}: HTTP ${response.status}`);
        return response.json();
      })
      .then(({ config, docs }) => {
        importScripts(workerUrl);   /* Material's worker: its message handler comes after ours */
        self.dispatchEvent(new MessageEvent("message", {
          data: { type: SETUP, data: { config, docs, options: { suggest } } }
        }));
        /* Material's setup finishes within microtasks; a task later its index is ready */
        return new Promise(resolve => setTimeout(resolve, 0));
      });
    loading.catch(() => { loading = null; });   /* try again on the next query */
  }
  return loading;
}

function answer(query) {
  if (loading === null && !query.trim()) {
    postMessage({ type: RESULT, data: { items: [] } });
    return Promise.resolve();
  }
  return loadIndex().then(
    () => { self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } })); },
    error => {
      console.warn(`Search index not available: ${error.message}`);
      postMessage({ type: RESULT, data: { items: [] } });
    }
  );
}

addEventListener("message", ev => {
  /* Our own re-dispatched messages (not trusted) go on to Material's handler */
  if (!ev.isTrusted || !ev.data || ev.data.type !== QUERY)
    return;
  ev.stopImmediatePropagation();
  const query = String(ev.data.data || "");
  queue = queue.then(() => answer(query));
});

postMessage({ type: READY });
