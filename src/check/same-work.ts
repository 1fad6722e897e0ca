/**
 * What makes two notes "the same work": one definition of "the same title"
 * and "the same source", shared by `new` and `import` (which refuse a
 * duplicate) and the duplicate-title / duplicate-source rules (which report
 * one). Equal keys mean the same; null means there is nothing to compare.
 */

/**
 * A title compared ignoring case, Unicode normalisation and spacing (runs of
 * white space count as one space; leading and trailing space is dropped).
 */
export function titleKey(title: string | null | undefined): string | null {
  if (typeof title !== 'string') return null;
  const key = title.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return key === '' ? null : key;
}

/**
 * A source URL compared without its scheme (http = https), `#fragment` or
 * trailing slashes; the host is lower-cased by the URL parser. The query
 * string counts: it often names the page. Not an http(s) URL: null.
 */
export function sourceKey(source: string | null | undefined): string | null {
  if (typeof source !== 'string') return null;
  try {
    const url = new URL(source.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    let end = url.pathname.length;
    while (end > 0 && url.pathname[end - 1] === '/') end--; // by hand: /\/+$/ is quadratic on "a////…b"
    return `${url.host}${url.pathname.slice(0, end)}${url.search}`;
  } catch {
    return null;
  }
}
