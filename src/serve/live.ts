/**
 * What `serve` adds to the pages it serves (never to dist/): the live-reload
 * script, and a CSP that also lets it open its event stream to this server.
 */

/** The server's own paths, outside the site's namespace. */
export const LIVE_SCRIPT = '/__commonplace/live.js';
export const EVENTS = '/__commonplace/events';

/** Adds the live-reload script and `connect-src 'self'` to a page served by `serve`. */
export function injectLive(html: string): string {
  const withCsp = html.replace(/(http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;;)/, "$1 connect-src &#x27;self&#x27;;");
  return withCsp.replace('</head>', `<script src="${LIVE_SCRIPT}" defer></script></head>`);
}

/**
 * The page side: listens to the event stream; reloads when the build
 * version changes (unless the state says this page's bytes did not); shows the lint errors of the last build in an overlay
 * (DOM text only) and a badge with the warning count.
 */
export const LIVE_JS = `(function () {
  'use strict';
  var version = null;
  var source = new EventSource(${JSON.stringify(EVENTS)});
  source.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    var kept = (state.unchanged || []).indexOf(location.pathname) >= 0;
    if (version !== null && state.version !== version && !kept) { location.reload(); return; }
    version = state.version;
    show(state);
  });
  function show(state) {
    var old = document.getElementById('commonplace-overlay');
    if (old) old.remove();
    var badge = document.getElementById('commonplace-badge');
    if (badge) badge.remove();
    if (state.warnings > 0) {
      badge = document.createElement('p');
      badge.id = 'commonplace-badge';
      badge.setAttribute('role', 'status');
      badge.style.cssText = 'position:fixed;right:1rem;bottom:1rem;margin:0;padding:.3rem .6rem;border-radius:1rem;background:#8a3b12;color:#fff;font:600 .8rem system-ui,sans-serif;z-index:2147483646';
      badge.textContent = state.warnings + (state.warnings === 1 ? ' warning' : ' warnings');
      document.body.appendChild(badge);
    }
    if (state.errors.length === 0) return;
    var overlay = document.createElement('section');
    overlay.id = 'commonplace-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;overflow:auto;padding:2rem;background:rgba(20,18,16,.94);color:#fbfaf7;font:0.95rem/1.5 ui-monospace,monospace;z-index:2147483647';
    var title = document.createElement('h2');
    title.textContent = 'Lint errors: the page shows the last good build';
    overlay.appendChild(title);
    var list = document.createElement('ul');
    state.errors.forEach(function (e) {
      var item = document.createElement('li');
      item.textContent = e.file + ':' + e.line + ':' + e.column + '  ' + e.message + '  ' + e.ruleId;
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
})();
`;

/**
 * The 404 page's links are relative to the site root; served for a missing
 * `/a/b/c.html` they would resolve under `/a/b/`, so each is lifted to the root.
 */
export function rootRelative(html: string, requestPath: string): string {
  const depth = Math.max(0, requestPath.split('/').length - 2);
  if (depth === 0) return html;
  return html.replace(/\b(href|src)="(?![a-z][a-z0-9+.-]*:|#|\/)/gi, `$1="${'../'.repeat(depth)}`);
}
