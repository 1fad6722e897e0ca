import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { nullPrototypeDeep } from '../../src/read/null-prototype.js';

describe('nullPrototypeDeep', () => {
  it('should give back null-prototype objects in which __proto__ and constructor are only keys', () => {
    const data = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(data, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(data, 'constructor', { value: 'a string', enumerable: true, writable: true, configurable: true });
    data.nested = [{ toString: 'x' }];
    const restored = nullPrototypeDeep(deserialize(serialize(data))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(restored)).toBeNull();
    expect(Object.keys(restored)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(Object.getOwnPropertyDescriptor(restored, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(restored, 'constructor')?.value).toBe('a string');
    const inner = (restored.nested as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(inner, 'toString')?.value).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
