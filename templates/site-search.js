// Commonplace site search: ranks notes as `commonplace search` does (BM25
// over Porter stems, stop words dropped, the first 200 postings of each term,
// scores rounded to 4 decimals, ties by note id). The index comes in small
// scripts loaded with <script> tags on demand (fetch() does not work from
// file://): meta.js (stop words, split prefixes), one shard per stem prefix
// (search-index.ts), and the documents of the shown hits in chunks.
// Results are DOM text, never innerHTML.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  var LIMIT = 20;
  var POSTINGS_LIMIT = 200;
  var loaded = {};
  var pending = {};
  var meta = null;
  var split = null;
  var shards = new Map();
  var docs = new Map();

  window.__commonplaceSearch = function (kind, key, value) {
    if (kind === 'meta') { meta = value; split = new Set(value.split); }
    else if (kind === 'docs') { for (var d = 0; d < value.length; d++) docs.set(Number(key) * meta.chunk + d, value[d]); }
    else {
      var terms = new Map();
      for (var i = 0; i < value.length; i++) terms.set(value[i][0], value[i][1]);
      shards.set(key, terms);
    }
  };

  function load(name) {
    if (loaded[name]) return Promise.resolve();
    if (pending[name]) return pending[name];
    pending[name] = new Promise(function (resolve) {
      var script = document.createElement('script');
      script.src = root + 'search/' + name + '.js';
      // A missing shard means no stem of that prefix: not an error.
      script.onload = script.onerror = function () { loaded[name] = true; resolve(); };
      document.head.appendChild(script);
    });
    return pending[name];
  }

  var WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ′][\p{L}\p{N}\p{M}]+)*/gu;
  var stopwords = null;
  function stem(word) {
    var lower = word.normalize('NFKC').toLowerCase();
    if (lower.length > 48) return lower;
    return window.stemmer(lower.replace(/['’‘ʼ′]s?$/u, ''));
  }
  /** The query's stems in order, as the CLI's indexTerms gives them. */
  function queryTerms(text) {
    var out = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var word = match[0];
      if (stopwords.has(word.toLowerCase().replace(/[’‘ʼ′]/gu, "'")) || !/\p{L}/u.test(word)) continue;
      var term = stem(word);
      if (term.length >= 2) out.push(term);
    }
    return out;
  }
  /** As search-index.ts's shardKey: the shortest prefix of two or more code points that is not split. */
  function shardKey(term) {
    var chars = Array.from(term);
    var length = Math.min(2, chars.length);
    while (length < chars.length && split.has(chars.slice(0, length).join(''))) length++;
    return chars.slice(0, length).join('');
  }
  function keyName(key) {
    return Array.from(key).map(function (c) { return c.codePointAt(0).toString(16); }).join('-');
  }

  function rank(terms) {
    var weights = [];
    var order = [];
    var slot = new Map();
    terms.forEach(function (term) {
      var shard = shards.get(shardKey(term));
      var postings = shard && shard.get(term);
      if (!postings) return;
      if (!slot.has(term)) { slot.set(term, order.length); order.push(postings); weights.push(1); }
      else weights[slot.get(term)]++;
    });
    var scores = new Map();
    for (var j = 0; j < order.length; j++) {
      var flat = order[j];
      var n = Math.min(flat.length / 2, POSTINGS_LIMIT);
      for (var i = 0; i < n; i++) {
        var d = flat[2 * i];
        scores.set(d, (scores.get(d) || 0) + weights[j] * flat[2 * i + 1]);
      }
    }
    var hits = [];
    scores.forEach(function (score, d) {
      var rounded = Math.round(score * 1e4) / 1e4;
      if (rounded > 0) hits.push([d, rounded]);
    });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return hits.slice(0, LIMIT);
  }

  function show(hits, query) {
    list.textContent = '';
    hits.forEach(function (hit) {
      var doc = docs.get(hit[0]);
      if (!doc) return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + doc[0].split('/').map(encodeURIComponent).join('/');
      a.textContent = doc[1];
      li.appendChild(a);
      if (doc[2]) {
        var meta = document.createElement('span');
        meta.className = 'essay-meta';
        meta.textContent = ' · ' + doc[2];
        li.appendChild(meta);
      }
      if (doc[3]) {
        var line = document.createElement('p');
        line.className = 'essay-line';
        line.textContent = doc[3];
        li.appendChild(line);
      }
      list.appendChild(li);
    });
    status.textContent = query === '' ? '' : hits.length === 0 ? 'No notes match “' + query + '”.' : hits.length + (hits.length === 1 ? ' note' : ' notes') + ' found.';
  }

  var latest = 0;
  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    load('meta').then(function () {
      if (!meta) { status.textContent = 'The search index is missing: rebuild the site.'; return; }
      stopwords = stopwords || new Set(meta.stopwords);
      var terms = queryTerms(query);
      var keys = Array.from(new Set(terms.map(shardKey)));
      return Promise.all(keys.map(function (key) { return load('terms/' + keyName(key)); })).then(function () {
        if (ticket !== latest) return;
        var hits = terms.length === 0 ? [] : rank(terms);
        var chunks = Array.from(new Set(hits.map(function (hit) { return Math.floor(hit[0] / meta.chunk); })));
        return Promise.all(chunks.map(function (n) { return load('docs/' + n); })).then(function () {
          if (ticket !== latest) return;
          show(hits, query);
          document.body.setAttribute('data-search-done', query);
        });
      });
    });
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  // The stop words and split prefixes are needed by every query: fetched as soon as the reader reaches the box.
  input.addEventListener('focus', function () { load('meta'); });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(); }
})();
