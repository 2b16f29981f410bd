// Brobygger's own script. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  function init(root) {
    root.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
    init(document);
  });
  document.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
})();
