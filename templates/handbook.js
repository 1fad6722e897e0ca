// Handbook page behaviour: search as you type over the inlined MiniSearch
// index, keyboard access (`/` focuses search; arrows, Enter, Escape in the
// results). Results are built with DOM text nodes only, never innerHTML.
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var data = document.getElementById('search-index');
  if (!input || !list || !status || !data || typeof MiniSearch === 'undefined') return;
  // Decoded on first use, not at load: at 10,000 notes the index is ~7 MB of JSON
  // and decoding it would hold back the page's load by seconds.
  var index = null;
  function searcher() {
    if (!index) {
      var payload = JSON.parse(data.textContent || '{}');
      index = MiniSearch.loadJS(payload.index, payload.options);
    }
    return index;
  }
  var results = [];
  var active = -1;
  var LIMIT = 12;

  function setActive(index) {
    var items = list.querySelectorAll('a');
    if (items.length === 0) { active = -1; return; }
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) items[i].setAttribute('aria-current', i === active ? 'true' : 'false');
    items[active].scrollIntoView({ block: 'nearest' });
  }

  function close() {
    list.hidden = true;
    active = -1;
  }

  function go(href) {
    close();
    location.hash = href;
    var target = document.getElementById(href.slice(1));
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  function render() {
    var query = input.value.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (query === '') { close(); status.textContent = ''; return; }
    results = searcher().search(query).slice(0, LIMIT);
    status.textContent = results.length === 0 ? 'No essay or concept matches “' + query + '”.' : results.length + (results.length === 1 ? ' result' : ' results');
    results.forEach(function (result) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = result.id;
      link.className = 'search-result search-result-' + result.kind;
      var title = document.createElement('span');
      title.className = 'search-result-title';
      title.textContent = result.title;
      var meta = document.createElement('span');
      meta.className = 'search-result-meta';
      meta.textContent = (result.kind === 'essay' ? 'Essay' : 'Concept') + (result.meta && result.kind === 'essay' ? ' · ' + result.meta : '');
      link.appendChild(title);
      link.appendChild(meta);
      link.addEventListener('click', function (event) { event.preventDefault(); go(result.id); });
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    setActive(0);
  }

  input.addEventListener('input', render);
  input.addEventListener('focus', function () { setTimeout(searcher, 0); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); setActive(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive(active - 1); }
    else if (event.key === 'Enter') {
      var chosen = results[active];
      if (chosen) { event.preventDefault(); go(chosen.id); }
    } else if (event.key === 'Escape') { input.value = ''; render(); }
  });
  document.addEventListener('click', function (event) {
    if (!list.hidden && event.target instanceof Node && !input.parentNode.contains(event.target)) close();
  });
  document.addEventListener('keydown', function (event) {
    var tag = event.target && event.target.tagName;
    if (event.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
