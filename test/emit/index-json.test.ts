import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitIndexJson, indexJsonChunks, type IndexDocument } from '../../src/emit/index-json.js';
import { emitIndexSchema } from '../../src/emit/index-schema.js';
import { resolveConfig } from '../../src/config.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, FIXTURE_LIBRARY, FIXTURE_RELATIONS, fixtureConfig, fixtureWithRelations, HOSTILE_LIBRARY } from './build-fixture.js';

let library: Library;

beforeAll(async () => {
  library = await buildFixtureLibrary();
});

function validate(json: string, schema: string): string[] {
  // date-time is also pinned by a pattern in the schema; ajv-formats is not needed for that.
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, formats: { 'date-time': true } });
  const check = ajv.compile(JSON.parse(schema) as object);
  return check(JSON.parse(json)) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('emitIndexJson', () => {
  it('should validate against index.schema.json with ajv (draft 2020-12)', async () => {
    const config = fixtureConfig();
    expect(validate(emitIndexJson(library, config), emitIndexSchema(library, config))).toEqual([]);
    const hostile = await buildFixtureLibrary(HOSTILE_LIBRARY);
    expect(validate(emitIndexJson(hostile, config), emitIndexSchema(hostile, config))).toEqual([]);
  });

  it('should be rejected by the schema when a field is missing or unknown (the schema is strict)', () => {
    const config = fixtureConfig();
    const schema = emitIndexSchema(library, config);
    const index = JSON.parse(emitIndexJson(library, config)) as IndexDocument;
    const missing = structuredClone(index) as unknown as { notes: Record<string, unknown>[] };
    delete missing.notes[0]!.hash;
    expect(validate(JSON.stringify(missing), schema).join()).toContain("must have required property 'hash'");
    const extra = structuredClone(index) as unknown as { notes: Record<string, unknown>[] };
    extra.notes[0]!.surprise = 1;
    expect(validate(JSON.stringify(extra), schema).join()).toContain('must NOT have additional properties');
  });

  it('should be exactly the whole document stringified with a 2-space indent, though it is rendered entry by entry', async () => {
    const config = fixtureConfig();
    const hostile = await buildFixtureLibrary(HOSTILE_LIBRARY);
    const empty: Library = { notes: [], concepts: [], diagnostics: [] };
    for (const [lib, options] of [[library, {}], [library, { sourceDateEpoch: '1700000000' }], [hostile, {}], [empty, {}], [{ ...library, concepts: [] }, {}]] as [Library, { sourceDateEpoch?: string }][]) {
      const pieces = [...indexJsonChunks(lib, config, options)];
      const text = pieces.join('');
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect(text).toBe(emitIndexJson(lib, config, options));
      // One piece per entry at most, so no piece is ever the size of the whole index.
      expect(pieces.length).toBeGreaterThanOrEqual(lib.notes.length + lib.concepts.length);
    }
    expect(emitIndexJson(empty, config)).toBe('{\n  "schemaVersion": 2,\n  "notes": [],\n  "concepts": []\n}\n');
  });

  it('should write each note with the contract keys in order, plain-text sections and the file hash', () => {
    const index = JSON.parse(emitIndexJson(library, fixtureConfig())) as IndexDocument;
    expect(Object.keys(index)).toEqual(['schemaVersion', 'notes', 'concepts']);
    expect(index.notes.map((n) => n.id)).toEqual(['boring-tech', 'committees', 'deep-work', 'makers-schedule', 'single-threaded']);
    const committees = index.notes.find((n) => n.id === 'committees')!;
    expect(Object.keys(committees)).toEqual(['id', 'path', 'title', 'authors', 'year', 'venue', 'kind', 'source', 'tags', 'summary', 'sections', 'wordCount', 'concepts', 'links', 'backlinks', 'relations', 'related', 'hash']);
    expect(committees.path).toBe('committees.md');
    expect(committees.authors).toEqual(['Melvin E. Conway']);
    expect(committees.year).toBe(1968);
    expect(Object.keys(committees.sections)).toEqual(['centralArgument', 'critique', 'whyItMatters']);
    expect(committees.sections.critique).toMatch(/^The paper argues from experience/);
    expect(committees.sections.critique).not.toContain('`');
    expect(committees.links).toEqual(['makers-schedule', 'single-threaded']);
    expect(committees.hash).toBe(library.notes.find((n) => n.note.id === 'committees')!.note.hash);
    expect(committees.concepts.map((c) => c.id)).toContain('conways-law');
    const concept = index.concepts.find((c) => c.id === 'conways-law')!;
    expect(Object.keys(concept)).toEqual(['id', 'name', 'aliases', 'definition', 'see', 'notes']);
    expect(concept.notes).toContain('committees');
  });

  it('should be 2-space JSON with a trailing newline and no absolute path', () => {
    const json = emitIndexJson(library, fixtureConfig());
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": 2,');
    expect(json).not.toContain(FIXTURE_LIBRARY);
  });

  it('should add generatedAt only when SOURCE_DATE_EPOCH is given', () => {
    const config = fixtureConfig();
    expect(emitIndexJson(library, config)).not.toContain('generatedAt');
    const stamped = JSON.parse(emitIndexJson(library, config, { sourceDateEpoch: '1700000000' })) as IndexDocument;
    expect(Object.keys(stamped).slice(0, 2)).toEqual(['schemaVersion', 'generatedAt']);
    expect(stamped.generatedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(emitIndexJson(library, config, { sourceDateEpoch: 'yesterday' })).not.toContain('generatedAt');
    expect(validate(JSON.stringify(stamped), emitIndexSchema(library, config))).toEqual([]);
  });

  it('should follow configured extra sections in both the index and the schema', () => {
    const config = resolveConfig({
      sections: [
        { key: 'centralArgument', heading: 'Central argument' },
        { key: 'critique', heading: 'Critique' },
        { key: 'whyItMatters', heading: 'Why it matters', allowSuffix: true },
        { key: 'quotes', heading: 'Quotes' },
      ],
    });
    const json = emitIndexJson(library, config);
    const index = JSON.parse(json) as IndexDocument;
    expect(index.notes[0]!.sections.quotes).toBe('');
    expect(validate(json, emitIndexSchema(library, config))).toEqual([]);
  });

  it('should list each note\'s typed relations both ways, sorted, valid against the schema', async () => {
    const config = fixtureConfig();
    const related = await buildFixtureLibrary(fixtureWithRelations(FIXTURE_RELATIONS), config);
    const json = emitIndexJson(related, config);
    expect(validate(json, emitIndexSchema(related, config))).toEqual([]);
    const byId = new Map((JSON.parse(json) as IndexDocument).notes.map((n) => [n.id, n.relations]));
    expect(byId.get('deep-work')).toEqual([
      { type: 'contradicts', id: 'makers-schedule', direction: 'out' },
      { type: 'responds-to', id: 'makers-schedule', direction: 'out' },
    ]);
    expect(byId.get('makers-schedule')).toEqual([
      { type: 'contradicts', id: 'deep-work', direction: 'in' },
      { type: 'responds-to', id: 'deep-work', direction: 'in' },
    ]);
    expect(byId.get('committees')).toEqual([{ type: 'builds-on', id: 'single-threaded', direction: 'in' }]);
    expect(byId.get('boring-tech')).toEqual([]);
    const bad = JSON.parse(json) as { notes: { relations: { direction: string }[] }[] };
    bad.notes.find((n) => n.relations.length > 0)!.relations[0]!.direction = 'sideways';
    expect(validate(JSON.stringify(bad), emitIndexSchema(related, config)).join()).toContain('must be equal to one of the allowed values');
  });
});
