import { describe, expect, it } from 'vitest';
import { noteFromText } from '../../src/read/parse.js';
import { isPackedNote, packNote, setTreeBytes, treeBytes, unpackNote } from '../../src/read/tree-bytes.js';

const note = () => noteFromText('t.md', '---\ntitle: T\n---\n\nSome *words* and a [[Link]].\n');

describe('tree bytes', () => {
  it('should pack a note without its tree and unpack it to an equal note', () => {
    const original = note();
    const packed = structuredClone(packNote(original));
    expect(isPackedNote(packed)).toBe(true);
    expect('tree' in packed).toBe(false);
    const unpacked = unpackNote(packed);
    expect(isPackedNote(unpacked)).toBe(false);
    expect(unpacked).toEqual(original);
    expect(Object.keys(unpacked).sort()).toEqual(Object.keys(original).sort());
  });

  it('should decode a fresh tree on each read, and keep an assigned tree as a plain property', () => {
    const original = note();
    const unpacked = unpackNote(packNote(original));
    const first = unpacked.tree;
    expect(unpacked.tree).not.toBe(first);
    expect(unpacked.tree).toEqual(original.tree);
    expect(treeBytes(unpacked)).toEqual(treeBytes(original));
    unpacked.tree = first;
    expect(unpacked.tree).toBe(first);
  });

  it('should serialise a plain note\'s tree on demand', () => {
    const plain = note();
    const viaBytes = setTreeBytes({ ...plain }, treeBytes(plain));
    expect(viaBytes.tree).toEqual(plain.tree);
  });
});
