/**
 * A scratch file for rendered essays. A large build renders every essay
 * before writing either handbook (both need each essay, in order), and at
 * 100,000 notes those texts are ~3.3 GB of UTF-8: held in memory they were
 * the difference between finishing and being killed for lack of memory. So
 * essays rendered in the worker pool are appended here and read back, one at
 * a time, as the handbooks are written (from the page cache, mostly).
 *
 * The file is unlinked as soon as it is open, so nothing is left behind even
 * when the process is killed; where a file cannot be unlinked while open
 * (Windows), it is removed at exit instead. The descriptor is closed when the
 * last essay that points into the file is garbage-collected (or at exit).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where an essay's text sits in a spill file. */
export interface SpillRef {
  file: SpillFile;
  start: number;
  length: number;
}

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed at exit */
  }
});

/** An append-only file of byte strings, each read back by its `SpillRef`. */
export class SpillFile {
  readonly #fd: number;
  #size = 0;

  constructor() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-spill-'));
    const file = path.join(dir, 'essays');
    this.#fd = openSync(file, 'w+', 0o600);
    try {
      unlinkSync(file);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      const fd = this.#fd;
      process.once('exit', () => {
        try {
          closeSync(fd);
        } catch {
          /* closed already */
        }
        rmSync(dir, { recursive: true, force: true });
      });
    }
    closer.register(this, this.#fd);
  }

  /** Appends `bytes`; returns where they are. */
  append(bytes: Uint8Array): SpillRef {
    const start = this.#size;
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written, start + written);
    this.#size += bytes.length;
    return { file: this, start, length: bytes.length };
  }

  /** The bytes appended at `ref`. */
  read(ref: SpillRef): Uint8Array {
    const bytes = Buffer.allocUnsafe(ref.length);
    let read = 0;
    while (read < ref.length) {
      const n = readSync(this.#fd, bytes, read, ref.length - read, ref.start + read);
      if (n === 0) throw new Error('emit spill file: ended early (was it truncated?)');
      read += n;
    }
    return bytes;
  }
}
