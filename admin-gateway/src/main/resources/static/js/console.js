// Penpals staff console: draws the dashboard's charts from their data-chart attributes and hands
// the CSRF token to htmx. No inline script anywhere (the Content-Security-Policy forbids it).
(function () {
  "use strict";

  var palette = ["#1f5aa6", "#2e8b57", "#c0392b", "#8e44ad", "#d68910", "#16a085", "#7f8c8d",
    "#2c3e50", "#e67e22", "#27ae60", "#9b59b6", "#34495e"];

  function draw(canvas) {
    if (typeof Chart === "undefined" || canvas.dataset.drawn) {
      return;
    }
    var spec = JSON.parse(canvas.dataset.chart);
    var horizontal = spec.type === "horizontalBar";
    var type = horizontal ? "bar" : spec.type;
    var colours = type === "doughnut"
      ? spec.labels.map(function (_, i) { return palette[i % palette.length]; })
      : palette[0];
    new Chart(canvas, {
      type: type,
      data: {
        labels: spec.labels,
        datasets: [{ label: spec.series, data: spec.values, backgroundColor: colours,
          borderColor: type === "line" ? palette[0] : undefined, fill: false, tension: 0.2 }]
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: type === "doughnut" } },
        // counts are whole numbers; a horizontal bar chart shows every label (countries)
        scales: type === "doughnut" ? {} : horizontal
          ? { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } }
          : { x: { ticks: { autoSkip: true } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.dataset.drawn = "true";
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  // a "select everyone" checkbox ticks or clears the checkboxes named in its data-select-all
  document.addEventListener("change", function (e) {
    var all = e.target;
    if (!all.dataset || !all.dataset.selectAll) {
      return;
    }
    var form = all.closest("form") || document;
    form.querySelectorAll("input[type=checkbox][name='" + all.dataset.selectAll + "']")
      .forEach(function (box) { box.checked = all.checked; });
  });

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.target); });
  document.addEventListener("htmx:configRequest", function (e) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token) {
      e.detail.headers[header.content] = token.content;
    }
  });
})();
