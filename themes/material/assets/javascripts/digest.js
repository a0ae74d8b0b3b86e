/*
 * The digest's own script (no third-party code): sortable tables and a row filter for the
 * key-figures page. A table with [data-digest-sortable] sorts on a click of a column heading's
 * button, by each cell's data-sort value (numbers as numbers) or its text. An input with
 * [data-digest-filter="<table id>"] hides the rows that do not contain what was typed.
 * Every .digest-table gets its column headings as each cell's data-label, once, here rather
 * than in every row of the HTML: on a phone a row is then a small card whose cells name their
 * column (digest.css); without this script the table scrolls sideways as a plain table.
 */
"use strict";

(function () {
  const collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
    sensitivity: "base",
  });

  function cellKey(row, column) {
    const cell = row.cells[column];
    if (!cell) return "";
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }

  function compare(a, b) {
    const x = parseFloat(a);
    const y = parseFloat(b);
    const numeric = (s, n) => s !== "" && !Number.isNaN(n) && String(n) === s.trim();
    if (numeric(a, x) && numeric(b, y)) return x - y;
    if (a === "" || b === "") return a === "" ? 1 : -1; // empty cells last
    return collator.compare(a, b);
  }

  function setupSort(table) {
    const headings = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
    headings.forEach((heading, column) => {
      const button = heading.querySelector("button");
      if (!button) return;
      button.addEventListener("click", () => {
        const ascending = heading.getAttribute("aria-sort") !== "ascending";
        headings.forEach((h) => h.removeAttribute("aria-sort"));
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((r, s) => {
          const order = compare(cellKey(r, column), cellKey(s, column));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }

  function setupFilter(input) {
    const table = document.getElementById(input.dataset.digestFilter);
    if (!table) return;
    input.addEventListener("input", () => {
      const wanted = input.value.trim().toLocaleLowerCase();
      for (const row of table.tBodies[0].rows) {
        row.hidden = wanted !== "" && !row.textContent.toLocaleLowerCase().includes(wanted);
      }
    });
  }

  function labelCells(table) {
    const headings = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    const names = headings.map((heading) => heading.textContent.trim());
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        Array.from(row.cells).forEach((cell, column) => {
          if (names[column]) cell.dataset.label = names[column];
        });
      }
    }
    table.dataset.labelled = "";
  }

  document.querySelectorAll("table.digest-table").forEach(labelCells);
  document.querySelectorAll("table[data-digest-sortable]").forEach(setupSort);
  document.querySelectorAll("input[data-digest-filter]").forEach(setupFilter);
})();
