// Sort the report table by a column when its heading is clicked; filter failing reports.
(function () {
  "use strict";
  var table = document.getElementById("report-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  function key(row, column, numeric) {
    var value = row.cells[column].getAttribute("data-sort") || row.cells[column].textContent;
    return numeric ? parseFloat(value) || 0 : value.toLowerCase();
  }
  function sortBy(column, numeric, ascending) {
    var rows = Array.prototype.slice.call(body.rows);
    var indexed = rows.map(function (row, i) { return [key(row, column, numeric), i, row]; });
    indexed.sort(function (a, b) {
      if (a[0] < b[0]) { return ascending ? -1 : 1; }
      if (a[0] > b[0]) { return ascending ? 1 : -1; }
      return a[1] - b[1];
    });
    var fragment = document.createDocumentFragment();
    indexed.forEach(function (item) { fragment.appendChild(item[2]); });
    body.appendChild(fragment);
    for (var i = 0; i < headers.length; i++) {
      headers[i].setAttribute("aria-sort", i === column ? (ascending ? "ascending" : "descending")
                                                         : "none");
    }
  }
  Array.prototype.forEach.call(table.querySelectorAll("th button"), function (button) {
    button.addEventListener("click", function () {
      var column = parseInt(button.getAttribute("data-column"), 10);
      var numeric = button.getAttribute("data-type") === "num";
      var current = headers[column].getAttribute("aria-sort");
      // Numbers start largest first (the worst reports on top), text starts A to Z.
      var ascending = current === "none" ? !numeric : current === "descending";
      sortBy(column, numeric, ascending);
    });
  });
  var filter = document.getElementById("only-failing");
  if (filter) {
    filter.addEventListener("change", function () {
      table.classList.toggle("only-failing", filter.checked);
    });
  }
}());
