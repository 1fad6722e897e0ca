import { describe, expect, it } from 'vitest';
import { scanWikilinks } from '../../src/emit/wikilink-scan.js';

describe('scanWikilinks', () => {
  it('should read target, heading and label', () => {
    expect(scanWikilinks('see [[A note#Critique|the critique]] and [[B]].')).toEqual([
      { start: 4, end: 36, target: 'A note', heading: 'Critique', label: 'the critique' },
      { start: 41, end: 46, target: 'B', heading: null, label: null },
    ]);
  });

  it('should take the innermost [[ when brackets nest and skip empty targets', () => {
    expect(scanWikilinks('[[a [[b]] [[]] [[ | x]]').map((w) => w.target)).toEqual(['b']);
  });

  it('should stay linear on adversarial input (does not hang)', () => {
    const inputs = ['[[' + 'a'.repeat(50000) + '!', '[['.repeat(50000) + ']]', ('[[' + 'a'.repeat(10) + ']').repeat(20000), ']]'.repeat(50000)];
    const started = Date.now();
    for (const input of inputs) scanWikilinks(input);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
