// @ts-check
/**
 * The team heat map: a click on a column header sorts the rows in the page (agent, overall or a
 * criterion; rows without a rate stay last), and keeps the address and the CSV link in step.
 * Without JavaScript the same headers are links that ask the server for ?sort=…&dir=….
 */
(function () {
  'use strict';
  var table = /** @type {HTMLTableElement | null} */ (document.getElementById('heatmap'));
  if (!table || !table.tBodies.length) return;
  var tbody = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-sort]'));

  function cellValue(row, index) {
    var cell = row.children[index];
    return cell ? cell.getAttribute('data-value') || '' : '';
  }

  function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function setParams(href, key, dir) {
    var url = new URL(href, window.location.href);
    url.searchParams.set('sort', key);
    url.searchParams.set('dir', dir);
    return url.pathname + url.search;
  }

  function sortBy(th) {
    var index = headers.indexOf(th);
    var key = th.getAttribute('data-sort');
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var sign = dir === 'ascending' ? 1 : -1;
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var tie = compareText(a.getAttribute('data-agent'), b.getAttribute('data-agent'));
      if (key === 'agent') return sign * tie;
      var va = cellValue(a, index);
      var vb = cellValue(b, index);
      if (va === '' || vb === '') return va === vb ? tie : va === '' ? 1 : -1;
      return sign * (parseFloat(va) - parseFloat(vb)) || tie;
    });
    rows.forEach(function (row) {
      tbody.appendChild(row);
    });
    headers.forEach(function (h) {
      h.setAttribute('aria-sort', h === th ? dir : 'none');
    });
    var short = dir === 'ascending' ? 'asc' : 'desc';
    window.history.replaceState(null, '', setParams(window.location.href, key, short));
    var csv = document.getElementById('csv-heatmap');
    if (csv) csv.setAttribute('href', setParams(csv.getAttribute('href'), key, short));
  }

  headers.forEach(function (th) {
    var link = th.querySelector('a.sort');
    if (!link) return;
    link.addEventListener('click', function (event) {
      event.preventDefault();
      sortBy(th);
    });
  });
})();
