// Brobygger's own script. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  function init(root) {
    root.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }
  // On a phone the filters start folded, so the results are the first thing under the search box.
  // After htmx replaces the results, the panel keeps the state the citizen left it in.
  var PHONE = '(max-width: 991px)';
  var filtersOpen = null;
  function foldFilters(root) {
    root.querySelectorAll('details[data-collapse-on-phone]').forEach(function (panel) {
      var open = filtersOpen === null ? !window.matchMedia(PHONE).matches : filtersOpen;
      panel.open = open;
      panel.addEventListener('toggle', function () { filtersOpen = panel.open; });
    });
  }
  document.addEventListener('htmx:beforeSwap', function () {
    var panel = document.querySelector('details[data-collapse-on-phone]');
    if (panel) { filtersOpen = panel.open; }
  });
  document.addEventListener('DOMContentLoaded', function () { foldFilters(document); });
  document.addEventListener('htmx:afterSwap', function () { foldFilters(document); });
  // The result count is told in the live region outside the replaced results, once per change.
  document.addEventListener('htmx:afterSwap', function () {
    var count = document.querySelector('#resultater .result-count');
    var live = document.getElementById('resultat-antal');
    if (count && live) { live.textContent = count.textContent; }
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
    init(document);
  });
  document.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
})();
