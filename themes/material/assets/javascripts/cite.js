/*
 * "Cite this report" (partials/cite.html), our own few lines, no third-party code.
 *
 * A static page cannot know when it is read, so each citation carries what its style adds for
 * the accessed date, with a marker where the date goes (data-digest-accessed), and where in the
 * citation that goes (data-digest-accessed-at). When the panel opens, and again when a
 * citation is copied, it is inserted with today's date on the reader's device. The copy
 * buttons use the Clipboard API; where it is refused (an old browser, a page not served over
 * HTTPS) the citation is selected instead, for Ctrl+C. Escape, or a click outside, closes
 * the panel. Without this script the panel still opens and shows each citation undated.
 */
"use strict";

(function () {
  const ACCESSED = "@@accessed@@";
  const MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];

  function today(style) {
    const now = new Date();
    const year = now.getFullYear();
    const month = String(now.getMonth() + 1).padStart(2, "0");
    const day = String(now.getDate()).padStart(2, "0");
    if (style === "en") return `${MONTHS[now.getMonth()]} ${now.getDate()}, ${year}`;
    if (style === "ris") return `${year}/${month}/${day}`;
    return `${year}-${month}-${day}`;
  }

  const undated = new WeakMap(); // each citation as the page gave it

  function fillAccessed(box) {
    box.querySelectorAll("[data-digest-accessed]").forEach((code) => {
      if (!undated.has(code)) undated.set(code, code.textContent);
      const text = undated.get(code);
      const at = Number(code.dataset.digestAccessedAt);
      const accessed = code.dataset.digestAccessed.split(ACCESSED).join(today(code.dataset.dateStyle));
      code.textContent = text.slice(0, at) + accessed + text.slice(at);
    });
  }

  function select(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async function copy(button, box) {
    const target = document.getElementById(button.dataset.digestCopy);
    const status = box.querySelector("[data-digest-cite-status]");
    if (!target) return;
    fillAccessed(box);
    let copied = false;
    try {
      await navigator.clipboard.writeText(target.textContent);
      copied = true;
    } catch (error) {
      select(target); // the reader copies it with Ctrl+C
    }
    if (status) {
      status.textContent = "";
      status.textContent = copied ? box.dataset.copied : box.dataset.selected;
    }
  }

  function setup(box) {
    const details = box.querySelector("details");
    if (!details) return;
    const summary = details.querySelector("summary");
    box.querySelectorAll("[data-digest-cite-nojs]").forEach((note) => (note.hidden = true));
    box.querySelectorAll("[data-digest-cite-js]").forEach((note) => (note.hidden = false));
    box.querySelectorAll("button[data-digest-copy]").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => copy(button, box));
    });
    details.addEventListener("toggle", () => {
      if (details.open) fillAccessed(box);
    });
    details.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        summary.focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (details.open && !details.contains(event.target)) details.open = false;
    });
  }

  document.querySelectorAll("[data-digest-cite]").forEach(setup);
})();
