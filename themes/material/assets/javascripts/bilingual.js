/*
 * A report's bilingual view (digest/bilingual.html): the report's pages in each language,
 * block by block, side by side. The view holds no text of its own: this script fetches the
 * pages its container names (same origin), parses them with DOMParser (an inert document: no
 * script of theirs runs, no image of theirs loads), takes the blocks of each page's body in
 * order (headings, paragraphs, photos, credits; not the report header, the key-figure
 * callouts, the editor's note, the pager) and pairs them by index, as the report pages are
 * aligned block by block. When the kinds of blocks differ, a notice says the rows may not
 * match; when a page cannot be loaded, a message links to the pages.
 *
 * Nothing fetched is inserted as HTML: blocks are copied node by node through an allow-list.
 * An element not listed becomes its text; an attribute not listed is dropped; href and src
 * are kept only as http(s) addresses, resolved against the page they come from.
 */
"use strict";

(function () {
  const view = document.querySelector("[data-bilingual]");
  if (!view) return;

  const ELEMENTS = new Set(
    "P H2 STRONG EM B I ABBR SPAN A BR FIGURE FIGCAPTION IMG SUP SUB DIV".split(" "),
  );
  const ATTRIBUTES = new Set(["class", "lang", "title", "tabindex", "alt"]);
  const ADDRESSES = new Set(["href", "src"]);
  // A body block's kind, by the first selector it matches (content/blocks.py's kinds).
  const KINDS = [
    ["h2", "heading"],
    ["p.credit", "credit"],
    ["figure", "caption"],
    ["p:not([data-search-exclude])", "paragraph"], // not a banner
  ];

  function address(value, base) {
    try {
      const url = new URL(value, base);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function copy(node, base) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    if (node.classList.contains("headerlink")) return null; // the heading's ¶ on its page
    if (!ELEMENTS.has(node.tagName)) return document.createTextNode(node.textContent);
    const element = document.createElement(node.tagName.toLowerCase());
    for (const { name, value } of node.attributes) {
      if (ATTRIBUTES.has(name)) {
        element.setAttribute(name, value);
      } else if (ADDRESSES.has(name) && address(value, base)) {
        element.setAttribute(name, address(value, base));
      }
    }
    appendCopies(element, node.childNodes, base);
    return element;
  }

  function appendCopies(target, nodes, base) {
    for (const node of nodes) {
      const copied = copy(node, base);
      if (copied) target.append(copied);
    }
  }

  // The blocks of a report page: the children of the element that holds its report header
  // (and of the wrapper of a text shown in Chinese), in order.
  function blocks(page) {
    const header = page.querySelector(".digest-report-header");
    if (!header || !header.parentElement) throw new Error("not a report page");
    const found = [];
    (function walk(parent) {
      for (const element of parent.children) {
        if (element.matches(".digest-in-chinese")) walk(element);
        const kind = KINDS.find(([selector]) => element.matches(selector));
        if (kind) found.push({ kind: kind[1], element });
      }
    })(header.parentElement);
    return found;
  }

  async function load(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    return { base: response.url, blocks: blocks(page) };
  }

  function notice(text) {
    const paragraph = document.createElement("p");
    paragraph.className = "digest-status";
    paragraph.textContent = text;
    return paragraph;
  }

  function side(lang, block, base) {
    const column = document.createElement("div");
    column.className = "digest-pair__side";
    column.lang = lang;
    if (block) appendCopies(column, [block.element], base);
    return column;
  }

  // A photo once (from the page in the view's language, else the first), with the caption
  // of every page, each marked with its language.
  function photo(row, pages, langs) {
    const order = row.map((block, i) => i).filter((i) => row[i]);
    const own = order.find((i) => langs[i] === document.documentElement.lang);
    if (own !== undefined) order.unshift(...order.splice(order.indexOf(own), 1));
    const figure = copy(row[order[0]].element, pages[order[0]].base);
    figure.querySelectorAll("figcaption").forEach((caption) => caption.remove());
    const captions = document.createElement("figcaption");
    for (const i of order) {
      const source = row[i].element.querySelector("figcaption");
      if (!source) continue;
      const caption = document.createElement("span");
      caption.lang = langs[i];
      appendCopies(caption, source.childNodes, pages[i].base);
      if (captions.childNodes.length) captions.append(" ");
      captions.append(caption);
    }
    figure.append(captions);
    return figure;
  }

  function show(pages, langs) {
    const lists = pages.map((page) => page.blocks);
    const kinds = lists.map((list) => list.map((block) => block.kind).join(" "));
    const shown = document.createDocumentFragment();
    if (kinds.some((kind) => kind !== kinds[0])) shown.append(notice(view.dataset.misaligned));
    const length = Math.max(...lists.map((list) => list.length));
    for (let index = 0; index < length; index += 1) {
      const row = lists.map((list) => list[index]);
      const present = row.filter(Boolean);
      const pair = document.createElement("div");
      pair.className = `digest-pair digest-pair--${present[0].kind}`;
      if (present.every((block) => block.kind === "caption")) {
        pair.append(photo(row, pages, langs));
      } else {
        row.forEach((block, i) => pair.append(side(langs[i], block, pages[i].base)));
      }
      shown.append(pair);
    }
    view.replaceChildren(shown);
  }

  function failed() {
    const message = notice(view.dataset.failed);
    document.querySelectorAll(".bilingual__links a").forEach((link, i) => {
      message.append(i ? " · " : " ", link.cloneNode(true));
    });
    view.replaceChildren(message);
  }

  // Printed: the view's address under the site's name (a printed page says where it is from).
  const printed = document.createElement("p");
  printed.className = "bilingual__address";
  printed.textContent = location.href;
  document.querySelector(".bilingual__header")?.prepend(printed);

  const langs = view.dataset.sides.split(" ");
  view.setAttribute("aria-busy", "true");
  Promise.all(langs.map((lang) => load(view.getAttribute(`data-page-${lang}`))))
    .then((pages) => show(pages, langs), failed)
    .finally(() => view.removeAttribute("aria-busy"));
})();
