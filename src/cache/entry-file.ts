/**
 * The on-disk format of one cache entry, and its validation. A cache file is
 * never trusted: anything that is not exactly what this module wrote for this
 * tool version, config and key (truncated, corrupt, foreign, from another
 * version) decodes to `null`, and the caller treats it as a miss.
 *
 * Layout:
 *   8 bytes  magic `CPCACHE1`
 *   4 bytes  header length H (uint32 LE)
 *   H bytes  header, UTF-8 JSON: { version, configHash, key, parts: [{ name, length, crc }] }
 *   …        the parts' bytes, in header order
 * Each part carries its own CRC-32, so a flipped bit anywhere is caught
 * (CRC-32 runs at well over 1 GB/s; a 10,000-note cache checks in ~0.2 s),
 * and a part can be read and checked alone (`readEntryParts`) once the
 * whole file has been checked and its layout is known.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Identifies the file type and layout; bump the digit when the layout changes. */
export const MAGIC = Buffer.from('CPCACHE1', 'latin1');

/** A named byte range of an entry (`light`, `tree`, `source`, an extra, …). */
export interface EntryPart {
  name: string;
  bytes: Uint8Array;
}

/** Who an entry belongs to: a file is only accepted when all three match. */
export interface EntryIdentity {
  version: string;
  configHash: string;
  key: string;
}

interface Header extends EntryIdentity {
  parts: { name: string; length: number; crc: number }[];
}

/** Lays out one entry file: magic, header, parts. */
export function encodeEntry(identity: EntryIdentity, parts: readonly EntryPart[]): Buffer {
  const header: Header = {
    ...identity,
    parts: parts.map((p) => ({ name: p.name, length: p.bytes.length, crc: crc32(p.bytes) })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([MAGIC, length, headerBytes, ...parts.map((p) => p.bytes)]);
}

/** Where one part lies in its entry file, and its CRC-32. */
export interface PartPlace {
  offset: number;
  length: number;
  crc: number;
}

/**
 * Reads an entry file's parts back, or null when the bytes are not a complete,
 * intact entry for exactly `expected` (the caller rebuilds it).
 */
export function decodeEntry(file: Buffer, expected: EntryIdentity): Map<string, Buffer> | null {
  return decodeEntryLayout(file, expected)?.parts ?? null;
}

/** `decodeEntry`, with where each part lies in the file (for `readEntryParts`). */
export function decodeEntryLayout(file: Buffer, expected: EntryIdentity): { parts: Map<string, Buffer>; places: Map<string, PartPlace> } | null {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headerLength = file.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > file.length) return null;
  let header: unknown;
  try {
    header = JSON.parse(file.subarray(headerStart, headerStart + headerLength).toString('utf8'));
  } catch {
    return null;
  }
  if (!isHeader(header)) return null;
  if (header.version !== expected.version || header.configHash !== expected.configHash || header.key !== expected.key) return null;
  const parts = new Map<string, Buffer>();
  const places = new Map<string, PartPlace>();
  let offset = headerStart + headerLength;
  for (const part of header.parts) {
    const bytes = file.subarray(offset, offset + part.length);
    if (bytes.length !== part.length || crc32(bytes) !== part.crc) return null;
    parts.set(part.name, bytes);
    places.set(part.name, { offset, length: part.length, crc: part.crc });
    offset += part.length;
  }
  return offset === file.length ? { parts, places } : null;
}

/**
 * Reads only the parts `names` of the entry at `path`, laid out as `places`
 * (from `decodeEntryLayout` of the same file), in one read of the span they
 * cover. Each part's CRC is checked again: null when the file is gone,
 * shorter, or any of those bytes differ (it was replaced or damaged since).
 */
export function readEntryParts(path: string, places: ReadonlyMap<string, PartPlace>, names: readonly string[]): Map<string, Buffer> | null {
  const wanted = names.map((name) => places.get(name));
  if (wanted.some((place) => place === undefined)) return null;
  const parts = new Map<string, Buffer>();
  if (wanted.length === 0) return parts;
  const start = Math.min(...wanted.map((place) => place!.offset));
  const end = Math.max(...wanted.map((place) => place!.offset + place!.length));
  const span = Buffer.allocUnsafe(end - start);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    for (let got = 0, n = 1; got < span.length; got += n) {
      n = readSync(fd, span, got, span.length - got, start + got);
      if (n === 0) return null; // the file ends early
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
  for (const [i, name] of names.entries()) {
    const place = wanted[i]!;
    const bytes = span.subarray(place.offset - start, place.offset - start + place.length);
    if (crc32(bytes) !== place.crc) return null;
    parts.set(name, bytes);
  }
  return parts;
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return (
    typeof h.version === 'string' &&
    typeof h.configHash === 'string' &&
    typeof h.key === 'string' &&
    Array.isArray(h.parts) &&
    h.parts.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as Record<string, unknown>).name === 'string' &&
        Number.isSafeInteger((p as Record<string, unknown>).length) &&
        ((p as Record<string, number>).length ?? -1) >= 0 &&
        Number.isInteger((p as Record<string, unknown>).crc),
    )
  );
}
