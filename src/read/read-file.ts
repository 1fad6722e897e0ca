/**
 * Reading one library file safely: opened with O_NOFOLLOW (a symlink swapped
 * in after discovery is refused, never followed) and O_NONBLOCK (a pipe
 * cannot hang the run), checked to be a regular file and measured with
 * `fstat` BEFORE any byte is read, so a 600 MB file costs one system call.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ReadFailure } from '../types.js';
import { formatBytes, readFailure } from './failure.js';

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The bytes of `root/rel`, or a ReadFailure on `rel` saying what is wrong and how to fix it. */
export function readNoteBytes(root: string, rel: string, maxBytes: number): Uint8Array | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path.join(root, rel), FLAGS);
  } catch (error) {
    return openFailure(rel, error as NodeJS.ErrnoException);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return readFailure(rel, 'file-not-regular', 'not a regular file; only regular .md files are read');
    if (stat.size > maxBytes) {
      return readFailure(rel, 'file-too-large', `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (maxFileBytes); split the note or raise maxFileBytes in commonplace.config.json`);
    }
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break; // the file shrank while we read: keep what is there
      filled += read;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    return readFailure(rel, 'file-unreadable', `could not be read (${(error as Error).message}); check the file's permissions`);
  } finally {
    closeSync(fd);
  }
}

function openFailure(rel: string, error: NodeJS.ErrnoException): ReadFailure {
  switch (error.code) {
    case 'ELOOP':
      return readFailure(rel, 'file-symlink', 'is a symlink, which Commonplace never follows; replace the link with the file itself');
    case 'ENOENT':
      return readFailure(rel, 'file-not-found', 'file not found; check the path (it is relative to the library folder)');
    case 'EACCES':
    case 'EPERM':
      return readFailure(rel, 'file-unreadable', 'permission denied; make the file readable');
    default:
      return readFailure(rel, 'file-unreadable', `could not be opened (${error.code ?? error.message}); check the file`);
  }
}
