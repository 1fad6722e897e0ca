/**
 * Runs one command under GNU time and returns wall time, CPU time (user +
 * system, all threads) and peak RSS of the whole process.
 *
 * Why GNU time and not process.resourceUsage() of a child: it measures any
 * program (Eleventy, markdownlint-cli2, our CLI) the same way from outside,
 * including worker threads, without touching the program under test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

/** Throws a readable error when GNU time is missing. */
export function requireGnuTime() {
  const probe = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-f', '%e', 'true'], { encoding: 'utf8' }) : null;
  if (!probe || probe.status !== 0) {
    throw new Error(`GNU time not found at ${GNU_TIME}: install it with "sudo apt-get install time" (Debian/Ubuntu) and run the bench again`);
  }
}

/**
 * @typedef {{ wall: number, cpu: number, rssMiB: number, exitCode: number, stderrTail: string }} Sample
 */

/**
 * Runs `command args` in `cwd` once under GNU time.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Sample}
 */
export function measureOnce(command, args, options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-bench-'));
  const out = path.join(dir, 'time.txt');
  try {
    const result = spawnSync(GNU_TIME, ['-f', '%e %U %S %M %x', '-o', out, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    // GNU time prints "Command exited with non-zero status N" first; the figures are the last line.
    const report = readFileSync(out, 'utf8').trim();
    const line = report.split('\n').at(-1) ?? '';
    const [wall, user, sys, rssKiB, status] = line.split(' ').map(Number);
    // A process killed by a signal (a V8 heap abort is SIGABRT) has %x 0: report it as 128 + signal, as a shell would.
    const signal = /Command terminated by signal (\d+)/.exec(report)?.[1];
    const exit = signal === undefined ? status : 128 + Number(signal);
    return {
      wall: wall ?? NaN,
      cpu: (user ?? NaN) + (sys ?? NaN),
      rssMiB: (rssKiB ?? NaN) / 1024,
      exitCode: exit ?? result.status ?? -1,
      stderrTail: (result.stderr ?? '').slice(-1500),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `runs` times, calling `before(i)` ahead of each run (to clear a cache or
 * edit a note), and summarises: medians of wall, CPU and RSS, plus every sample.
 * @param {number} runs
 * @param {(i: number) => void} before
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 */
export function measure(runs, before, command, args, options) {
  /** @type {Sample[]} */
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before(i);
    samples.push(measureOnce(command, args, options));
  }
  return {
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
    maxRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    exitCodes: samples.map((s) => s.exitCode),
    samples: samples.map(({ wall, cpu, rssMiB, exitCode }) => ({ wall, cpu, rssMiB, exitCode })),
    stderrTail: samples.find((s) => s.exitCode !== 0)?.stderrTail ?? '',
  };
}
