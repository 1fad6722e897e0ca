/**
 * Concept ids: the github-slugger slug of the glossary name, folded to
 * lowercase ASCII so ids are safe as anchors, file names and JSON keys on
 * every platform. Deterministic: the same name always gives the same id.
 */
import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';
import type { ConceptId } from '../types.js';

/**
 * `Conway’s law` → `conways-law`, `Café culture` → `cafe-culture`.
 * Names with no ASCII letters or digits left (`心理安全`, `!!!`) get
 * `concept-` plus the first 8 hex digits of the name's sha256, so the id is
 * never empty and never depends on anything but the name.
 */
export function conceptId(name: string): ConceptId {
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const ascii = slug(folded)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii !== '') return ascii as ConceptId;
  const digest = createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8);
  return `concept-${digest}` as ConceptId;
}
