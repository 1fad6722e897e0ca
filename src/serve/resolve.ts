/**
 * Maps a request path to a file of the site, or refuses it. Only regular
 * files inside the site folder, reached without leaving it through `..`,
 * encoded separators or a symlink, are ever served; anything else is null.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The file `urlPath` names under `root` (a real, absolute path), or null.
 * `/` and a folder path give its index.html (never a listing).
 */
export function resolveSitePath(root: string, urlPath: string): string | null {
  if (!urlPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // Encoded separators or a NUL (`%2f`, `%5c`, `%00`) and backslashes never name a file of the site.
  if (/[\\\u0000]/.test(decoded) || /%2f|%5c/i.test(urlPath)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  let file = path.join(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const real = realpathSync(file);
    // A symlink may point anywhere: serve only what really lies inside the site.
    if (!real.startsWith(root + path.sep) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; unknown kinds are plain bytes. */
export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
