/**
 * What a user sees when a command fails for a reason outside the library's
 * content: a full disk, a read-only or missing folder, another process, a
 * bug. One line naming the command, the path and the cause, exit 2; the
 * stack only with `DEBUG=commonplace`. `describeFailure` is the pure part.
 */
import path from 'node:path';
import { TEMP_PREFIX } from '../util/fs-write.js';
import type { CommandIO } from './io.js';

/** A failure whose message is already written for the user (a held lock, a refused folder): printed as it is, exit 2. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** The causes a user can act on, by Node's error code. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'something is already there',
  EMFILE: 'too many open files (raise the limit with "ulimit -n")',
  ENFILE: 'too many open files on the system',
  EIO: 'input/output error on the device',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file or folder is busy',
  ENOMEM: 'out of memory',
  EXDEV: 'cannot move a file across devices',
  EPIPE: 'the output was closed before everything was written (a closed pipe)',
};

/** What was being done, by the failing system call. */
const ACTIONS: Record<string, string> = {
  open: 'cannot write',
  write: 'cannot write',
  fsync: 'cannot write',
  close: 'cannot write',
  copyfile: 'cannot write',
  link: 'cannot write',
  rename: 'cannot write',
  mkdir: 'cannot create the folder',
  read: 'cannot read',
  scandir: 'cannot read',
  opendir: 'cannot read',
  stat: 'cannot read',
  lstat: 'cannot read',
  realpath: 'cannot read',
  readlink: 'cannot read',
  unlink: 'cannot remove',
  rmdir: 'cannot remove',
  rm: 'cannot remove',
};

interface SystemError extends Error {
  code?: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

const isSystemError = (error: unknown): error is SystemError =>
  error instanceof Error && typeof (error as SystemError).code === 'string' && /^E[A-Z]+$/.test((error as SystemError).code ?? '');

/**
 * The one line (no trailing newline) that reports `error` from `command`;
 * paths relative to `cwd` when inside it. Pure: the same error gives the
 * same line.
 */
export function describeFailure(command: string, error: unknown, cwd: string): string {
  const prefix = `commonplace ${command}: `;
  if (error instanceof EnvironmentError) return prefix + oneLine(error.message);
  if (isSystemError(error)) {
    const code = error.code!;
    const file = error.dest ?? error.path;
    const syscall = error.syscall ?? '';
    // `mkdir -p` through a file: the one EEXIST a user meets, from `--out` naming a file.
    const cause = code === 'EEXIST' && syscall === 'mkdir' ? 'a file is in the way, not a folder' : CAUSES[code] ?? oneLine(error.message);
    const action = file === undefined ? 'failed' : `${ACTIONS[syscall] ?? `cannot ${syscall || 'use'}`} ${shownPath(file, cwd)}`;
    return `${prefix}${action}: ${cause} (${code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${prefix}internal error: ${oneLine(message)} (set DEBUG=commonplace to see the stack; please report it)`;
}

/**
 * Writes `describeFailure`'s line to stderr (and the stack when the `DEBUG`
 * variable names commonplace) and returns the exit code, 2.
 */
export function reportFailure(command: string, error: unknown, io: Pick<CommandIO, 'cwd' | 'env' | 'stderr'>): number {
  io.stderr.write(`${describeFailure(command, error, io.cwd)}\n`);
  if (debugging(io.env)) io.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 2;
}

/** True when `DEBUG` (comma- or space-separated, as the `debug` package reads it) names commonplace or `*`. */
export function debugging(env: NodeJS.ProcessEnv): boolean {
  return (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === '*' || name === 'commonplace' || name.startsWith('commonplace:'));
}

/** A path as the user knows it: a staged temp file shown as the output it stands for; relative when under `cwd`. */
function shownPath(file: string, cwd: string): string {
  const base = path.basename(file);
  const staged = base.startsWith(TEMP_PREFIX) ? /^(.+)-\d+-[0-9a-f]{8}$/.exec(base.slice(TEMP_PREFIX.length)) : null;
  const target = staged ? path.join(path.dirname(file), staged[1]!) : file;
  const relative = path.relative(cwd, path.resolve(cwd, target));
  const shown = relative === '' ? '.' : relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? path.resolve(cwd, target) : relative;
  return shown.split(path.sep).join('/');
}

const oneLine = (text: string): string => text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
