// Commonplace site: behaviour shared by every page. `/` focuses the search
// box where there is one; otherwise it opens the search page. No network.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    var input = document.getElementById('search-input');
    event.preventDefault();
    if (input) input.focus();
    else location.href = (document.body.getAttribute('data-root') || '') + 'search.html';
  });
})();
