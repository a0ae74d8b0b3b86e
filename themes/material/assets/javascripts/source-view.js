// The source view's numbered lines (digest/source-view.html), read from the UTF-8 download
// beside it, so that the site holds a report's original once. Each line is set as text: an
// e-paper page's markup is shown, never parsed.
(function () {
  "use strict";
  var list = document.querySelector("ol[data-source]");
  if (!list) return;

  function show(text) {
    // The download is the converter's lines joined by "\n" with a final "\n" (source_view.py);
    // TextDecoder drops its byte order mark.
    var lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    var items = document.createDocumentFragment();
    lines.forEach(function (line, index) {
      var item = document.createElement("li");
      item.id = "L" + (index + 1);
      item.textContent = line;
      items.appendChild(item);
    });
    list.appendChild(items);
    list.removeAttribute("aria-busy");
    // A link to a line (#L12, from the layout notes) arrived before the line existed.
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) {
      target.classList.add("is-target");
      target.scrollIntoView();
    }
  }

  function fail() {
    list.removeAttribute("aria-busy");
    var note = document.createElement("p");
    note.className = "source-view__note";
    note.setAttribute("role", "alert");
    note.textContent = list.getAttribute("data-failed-zh") + " ";
    var english = document.createElement("span");
    english.lang = "en";
    english.textContent = list.getAttribute("data-failed-en");
    note.appendChild(english);
    list.replaceWith(note);
  }

  fetch(list.getAttribute("data-source"))
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.arrayBuffer();
    })
    .then(function (data) {
      show(new TextDecoder("utf-8").decode(data));
    })
    .catch(fail);
})();
