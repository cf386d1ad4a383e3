// The index: the partnership network (Cytoscape.js, its "cose" layout), the goals chart
// (Chart.js), and filters over the tables. Data come from the JSON blocks of the page.
(function () {
  "use strict";
  var KIND_COLOURS = { agreement: "#1f77b4", alliance: "#6b4fbb", merger: "#d62728", membership: "#2ca02c",
                       cooperation: "#ff7f0e" };
  var ORG_COLOURS = { university: "#7fb0ff", school: "#8fd07a", group: "#e59bd6", company: "#ffb066",
                      public_body: "#b5b5b5", other: "#d8cf9f" };
  var THEME_COLOURS = { education: "#4e79a7", research: "#f28e2b", innovation: "#e15759", international: "#76b7b2",
                        cooperation: "#59a14f", territory: "#edc948", attractiveness: "#b07aa1", other: "#9c9c9c" };

  function json(id) { return JSON.parse(document.getElementById(id).textContent); }

  // -- filters over the tables
  function filterTable(id) {
    var input = document.querySelector('.filter[data-table="' + id + '"]');
    var status = id === "documents" ? document.getElementById("status-filter") : null;
    var words = input ? input.value.toLowerCase() : "";
    document.querySelectorAll("#" + id + " tbody tr").forEach(function (tr) {
      var show = tr.textContent.toLowerCase().indexOf(words) >= 0;
      if (status && status.value) { show = show && tr.getAttribute("data-status") === status.value; }
      tr.style.display = show ? "" : "none";
    });
  }
  document.querySelectorAll(".filter").forEach(function (input) {
    input.addEventListener("input", function () { filterTable(input.getAttribute("data-table")); });
  });
  var statusFilter = document.getElementById("status-filter");
  if (statusFilter) { statusFilter.addEventListener("change", function () { filterTable("documents"); }); }

  // -- the network
  var data = json("network-data");
  var legend = document.getElementById("network-legend");
  Object.keys(KIND_COLOURS).forEach(function (kind) {
    legend.insertAdjacentHTML("beforeend", '<span class="swatch" style="border-color:' + KIND_COLOURS[kind] +
      '"></span>' + kind);
  });
  legend.insertAdjacentHTML("beforeend", '<span class="swatch" style="border-color:#555;border-top-style:dashed">' +
    '</span>planned<span class="swatch" style="border-color:#555"></span>established');
  var elements = data.nodes.map(function (n) { return { group: "nodes", data: n }; })
    .concat(data.edges.map(function (e) { return { group: "edges", data: e }; }));
  var cy = cytoscape({
    container: document.getElementById("network"),
    elements: elements,
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis",
        "text-max-width": 140, "width": "mapData(degree, 0, 20, 12, 40)", "height": "mapData(degree, 0, 20, 12, 40)",
        "background-color": function (n) { return ORG_COLOURS[n.data("kind")] || "#ccc"; } } },
      { selector: "edge", style: { "width": "mapData(weight, 1, 20, 2, 8)", "curve-style": "bezier", "opacity": 0.8,
        "line-color": function (e) { return KIND_COLOURS[e.data("kind")] || "#999"; },
        "line-style": function (e) { return e.data("status") === "planned" ? "dashed" : "solid"; } } },
      { selector: ".hidden", style: { "display": "none" } }
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 8000 }
  });
  window.reportNetwork = cy;   // for reviewers' consoles and the browser tests

  var years = data.edges.map(function (e) { return parseInt(e.year, 10); }).filter(function (y) { return !isNaN(y); });
  var lo = document.getElementById("year-min"), hi = document.getElementById("year-max");
  var undated = document.getElementById("undated");
  var minYear = years.length ? Math.min.apply(null, years) : 0, maxYear = years.length ? Math.max.apply(null, years) : 0;
  [lo, hi].forEach(function (s) { s.min = minYear; s.max = maxYear; s.disabled = !years.length; });
  lo.value = minYear; hi.value = maxYear;
  function applyDates() {
    var a = parseInt(lo.value, 10), b = parseInt(hi.value, 10);
    document.getElementById("year-min-value").textContent = years.length ? a : "—";
    document.getElementById("year-max-value").textContent = years.length ? b : "—";
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var y = parseInt(e.data("year"), 10);
        var show = isNaN(y) ? undated.checked : (y >= a && y <= b);
        e.toggleClass("hidden", !show);
      });
      cy.nodes().forEach(function (n) {
        n.toggleClass("hidden", n.connectedEdges().filter(function (e) { return !e.hasClass("hidden"); }).length === 0);
      });
    });
    document.getElementById("network-count").textContent =
      cy.nodes().not(".hidden").length + " organisations, " + cy.edges().not(".hidden").length + " links shown";
  }
  [lo, hi, undated].forEach(function (s) { s.addEventListener("input", applyDates); });
  applyDates();
  cy.on("tap", "node, edge", function (event) {
    var el = event.target, docs = {};
    (el.isNode() ? el.connectedEdges() : el).forEach(function (e) {
      e.data("docs").forEach(function (d) { docs[d] = true; });
    });
    document.getElementById("network-detail").textContent = (el.isNode() ? el.data("label") :
      el.data("kind") + ", " + el.data("status") + (el.data("year") ? ", " + el.data("year") : "")) +
      " — in: " + Object.keys(docs).join(", ");
  });

  // -- the goals chart
  var goals = json("goals-data");
  new Chart(document.getElementById("goals-chart"), {
    type: "bar",
    data: { labels: goals.labels, datasets: Object.keys(goals.themes).map(function (theme) {
      return { label: theme, data: goals.themes[theme], backgroundColor: THEME_COLOURS[theme] || "#999" };
    }) },
    options: { animation: false, responsive: true,
      scales: { x: { stacked: true, title: { display: true, text: "horizon (year by which, or end of period)" } },
                y: { stacked: true, title: { display: true, text: "goals" }, ticks: { precision: 0 } } } }
  });
})();
