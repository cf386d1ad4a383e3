// A document page: clicking a row scrolls to its evidence in the text; clicking a highlight
// scrolls the tables to its row. Nothing is fetched: the page carries everything.
(function () {
  "use strict";
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  function select(row) {
    document.querySelectorAll("tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
  }
  document.querySelectorAll("table.findings tr[data-row]").forEach(function (row) {
    row.addEventListener("click", function () {
      var id = row.getAttribute("data-row");
      var target = document.querySelector('mark[data-row="' + CSS.escape(id) + '"][data-first]');
      if (!target) { return; }
      select(row);
      target.scrollIntoView({ block: "center" });
      document.querySelectorAll('mark[data-row="' + CSS.escape(id) + '"]').forEach(flash);
    });
  });
  document.getElementById("text").addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-row]");
    if (!mark) { return; }
    var row = document.querySelector('tr[data-row="' + CSS.escape(mark.getAttribute("data-row")) + '"]');
    if (!row) { return; }
    select(row);
    row.scrollIntoView({ block: "center" });
    flash(row);
  });
})();
