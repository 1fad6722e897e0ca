/**
 * The one URL policy for everything a note contributes to an output: links,
 * images, definitions and the `source` field. Applied while building the
 * Markdown tree, so `handbook.md` fed to Pandoc is as safe as the HTML (which
 * rehype-sanitize checks a second time).
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Returns the URL when it is relative, a fragment, or uses http, https or
 * mailto; otherwise null. Control characters and whitespace are removed
 * before the scheme is read, as browsers do (`java\tscript:` is `javascript:`).
 */
export function safeUrl(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const colon = compact.indexOf(':');
  if (colon < 0) return url;
  for (const stop of ['/', '?', '#']) {
    const at = compact.indexOf(stop);
    if (at > -1 && at < colon) return url; // a relative path with a colon later on
  }
  return ALLOWED_SCHEMES.has(compact.slice(0, colon).toLowerCase()) ? url : null;
}

/** True for absolute http(s) URLs, the only ones shown as a source link. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim()) && safeUrl(url) !== null;
}
