/**
 * The book's zip entries, each deflated only when its text changed since
 * the last build: an unchanged file's compressed bytes are taken from the
 * emit memo, stored under the file's name with the sha256 of its text
 * (and of where the text's pieces begin: fflate's output depends on how the
 * text is pushed), so a reused entry is the very bytes a cold build writes.
 *
 * Why whole files and not each essay: deflating pieces apart and joining
 * them (a sync flush after each) would let an edit re-deflate one essay, but
 * fflate 0.8.3's `Deflate.flush(true)` writes a broken stream for some
 * inputs (tried: most pieces over ~90 KB), and Node's zlib (Chromium's)
 * may deflate differently on another CPU.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ZipDeflate, type Zip } from 'fflate';
import { version } from '../version.js';
import type { EmitMemo } from './memo.js';

/** The compression level; part of the memo key, as the bytes depend on it. */
const LEVEL = 6;

/** Counts of entries taken from the last build and deflated now (for reports and tests). */
export interface DeflateCounts {
  reused: number;
  deflated: number;
}

/**
 * Adds the file `name` to `zip`, its text in `pieces`, as `ZipDeflate` at
 * level 6 writes it: from `memo` when the text is the one stored there,
 * else deflated now (and stored). Yields after each chunk the zip may have
 * written, for the caller to pass the zip's output on.
 */
export function* addDeflated(zip: Zip, name: string, mtime: Date, pieces: Iterable<Uint8Array>, memo: EmitMemo | undefined, counts?: DeflateCounts): Generator<void> {
  const entry = new ZipDeflate(name, { level: LEVEL });
  entry.mtime = mtime;
  zip.add(entry);
  if (!memo) {
    for (const piece of pieces) {
      entry.push(piece);
      yield;
    }
    entry.push(new Uint8Array(0), true);
    if (counts) counts.deflated++;
    yield;
    return;
  }
  // The text is held until it is known whether it changed (the largest file, every essay of a chapter, ~60 MB at 10,000 notes).
  const held: Uint8Array[] = [];
  const hash = createHash('sha256').update(`${version}\0${LEVEL}\0`);
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    held.push(piece);
    hash.update(`${piece.length}\0`).update(piece);
    crc = crc32(piece, crc);
    size += piece.length;
  }
  const digest = hash.digest('base64');
  const key = `emit-epub-entry:${name}`;
  const reused = storedBytes(memo.get(key), digest);
  const send = entry.ondata;
  if (reused) {
    // What ZipDeflate would have passed to the zip for this text: its compressed bytes, then the sizes and CRC.
    entry.crc = crc;
    entry.size = size;
    send(null, reused as Uint8Array<ArrayBuffer>, true);
    if (counts) counts.reused++;
    yield;
    return;
  }
  const compressed: Uint8Array[] = [];
  entry.ondata = (error, data, final) => {
    if (!error) compressed.push(data);
    send(error, data, final);
  };
  for (const piece of held.splice(0)) {
    entry.push(piece);
    yield;
  }
  entry.push(new Uint8Array(0), true);
  const bytes = Buffer.concat(compressed);
  memo.set(key, `${digest} ${crc32(bytes)}\n${bytes.toString('latin1')}`);
  if (counts) counts.deflated++;
  yield;
}

/**
 * The compressed bytes stored for the text `digest`, or undefined. Stored as
 * "<digest> <CRC-32 of the bytes>\n<the bytes as latin1>" (the memo keeps
 * strings; latin1 is one char a byte); a damaged or truncated value fails the
 * CRC and is a miss, never output.
 */
function storedBytes(stored: string | undefined, digest: string): Buffer | undefined {
  if (stored === undefined || !stored.startsWith(`${digest} `)) return undefined;
  const lineEnd = stored.indexOf('\n');
  if (lineEnd < 0) return undefined;
  const bytes = Buffer.from(stored.slice(lineEnd + 1), 'latin1');
  return String(crc32(bytes)) === stored.slice(digest.length + 1, lineEnd) ? bytes : undefined;
}
