import { describe, expect, it } from 'vitest';
import { findPlaceholders, PLACEHOLDER_MARKERS, TODO_MARKER } from '../../src/scaffold/placeholders.js';

describe('findPlaceholders', () => {
  it('should export the TODO: marker it looks for', () => {
    expect(TODO_MARKER).toBe('TODO:');
    expect(PLACEHOLDER_MARKERS).toContain('TODO:');
  });

  it('should report prompt lines and leftover {{names}} with 1-based positions', () => {
    const text = 'intro\n  TODO: write {{title}}\nplain {{ not one }} {{x}}\nTODO:';
    expect(findPlaceholders(text)).toEqual([
      { kind: 'todo', text: 'TODO: write {{title}}', start: 8, end: 29, line: 2, column: 3 },
      { kind: 'mustache', text: '{{title}}', start: 20, end: 29, line: 2, column: 15 },
      { kind: 'mustache', text: '{{x}}', start: 50, end: 55, line: 3, column: 21 },
      { kind: 'todo', text: 'TODO:', start: 56, end: 61, line: 4, column: 1 },
    ]);
    for (const hit of findPlaceholders(text)) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('should not report TODO in the middle of a line or in another case', () => {
    expect(findPlaceholders('a TODO: later\ntodo: lower\nTODO without colon')).toEqual([]);
  });

  it('should find nothing in a note whose prompts were replaced', () => {
    expect(findPlaceholders('---\ntitle: x\n---\n\nA summary.\n\n## Critique\n\nText.\n')).toEqual([]);
  });

  it('should not hang on adversarial input', () => {
    const inputs = ['{'.repeat(200_000), '{{'.repeat(100_000) + 'a'.repeat(100_000), ('{{' + 'a'.repeat(39)).repeat(5000), '\n'.repeat(200_000) + '{{a}}', ' '.repeat(200_000) + 'TODO'];
    const started = performance.now();
    for (const input of inputs) findPlaceholders(input);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(findPlaceholders('\n'.repeat(1000) + '{{a}}')[0]?.line).toBe(1001);
  });
});
