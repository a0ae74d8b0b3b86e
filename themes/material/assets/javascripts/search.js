/*
 * The header's search (ours; Pagefind's Default UI does the searching and the results).
 *
 * The button in partials/search.html opens a panel. The first time it opens, Pagefind's
 * Default UI (pagefind/pagefind-ui.js and .css, written into our site by the build) is loaded
 * and set up in the panel; Pagefind then fetches the index of the page's <html lang> only,
 * in chunks, as the reader types. Keyboard: "/" or the button opens, Tab moves to the
 * results, Escape closes and gives the focus back to the button. A search can be shared:
 * `?q=words` in the page's address opens the panel with that search, and the address follows
 * what the reader types (history.replaceState: no new history entry per keystroke).
 */
"use strict";

(function () {
  const root = document.querySelector("[data-digest-search]");
  if (!root) return;
  const button = root.querySelector(".digest-search__open");
  const panel = root.querySelector(".digest-search__panel");
  const container = root.querySelector(".digest-search__ui");
  // An absolute path (/digest/pagefind/ under a sub-path): Pagefind takes the site's root
  // for the result links from it, so the site works from any folder of any static server.
  const bundle = new URL(root.dataset.bundle, document.baseURI).pathname;
  const lang = (document.documentElement.lang || "en").split("-")[0];
  const LABELS = {
    en: { region: "Region", period: "Period" },
    zh: { region: "地区", period: "时期" },
  };
  const labels = LABELS[lang] || LABELS.en;
  let loading = null;
  let ui = null;

  // Result tags in the reader's language, region before period (the report page's order).
  function processResult(result) {
    const meta = { title: result.meta.title };
    for (const key of ["region", "period"]) {
      if (result.meta[key]) meta[labels[key]] = result.meta[key];
    }
    result.meta = meta;
    return result;
  }

  function load() {
    if (loading === null) {
      loading = new Promise((resolve, reject) => {
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = bundle + "pagefind-ui.css";
        document.head.append(style);
        const script = document.createElement("script");
        script.src = bundle + "pagefind-ui.js";
        script.onload = resolve;
        script.onerror = () => reject(new Error(`${script.src} did not load`));
        document.head.append(script);
      }).then(() => {
        ui = new window.PagefindUI({
          element: container,
          bundlePath: bundle,
          showImages: false,
          excerptLength: 24,
          processResult,
        });
        // Pagefind's input has only a placeholder and a title: a label of its own.
        const field = input();
        if (field) field.setAttribute("aria-label", button.getAttribute("aria-label") || "Search");
      });
      loading.catch(() => {
        loading = null; // try again on the next opening
      });
    }
    return loading;
  }

  function input() {
    return container.querySelector("input");
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    load().then(
      () => input() && input().focus(),
      (error) => console.warn(`Search is not available: ${error.message}`),
    );
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }

  // The query in the address, as the reader types it.
  container.addEventListener("input", (event) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    const url = new URL(window.location.href);
    const query = event.target.value.trim();
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  });

  const shared = new URLSearchParams(window.location.search).get("q");
  if (shared) {
    open();
    load().then(() => ui && ui.triggerSearch(shared));
  }

  button.addEventListener("click", () => (panel.hidden ? open() : close()));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener("click", (event) => {
    if (!panel.hidden && !root.contains(event.target)) close();
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
})();
