/**
 * `dist/index.schema.json`: JSON Schema (draft 2020-12) of index.json. The
 * `sections` object lists the configured section keys, so the schema is
 * generated from the config the index was built with.
 */
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { INDEX_SCHEMA_VERSION } from './index-json.js';

const stringList = (description: string) => ({ type: 'array', description, items: { type: 'string' } });

/** The schema as an object (tests compile it with ajv). */
export function indexSchema(config: Config): Record<string, unknown> {
  const sectionProperties = Object.fromEntries(
    config.sections.map((s) => [s.key, { type: 'string', description: `Plain text of the "${s.heading}" section ("" when absent).` }]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Commonplace index',
    description: 'Every note and glossary concept of a Commonplace library, as written by `commonplace build`.',
    type: 'object',
    additionalProperties: false,
    required: ['schemaVersion', 'notes', 'concepts'],
    properties: {
      schemaVersion: { const: INDEX_SCHEMA_VERSION, description: 'Version of this shape; changes on any incompatible change.' },
      generatedAt: { type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$', description: 'Only present when the build ran with SOURCE_DATE_EPOCH set.' },
      notes: { type: 'array', description: 'Sorted by id (code point).', items: { $ref: '#/$defs/note' } },
      concepts: { type: 'array', description: 'Sorted by id (code point).', items: { $ref: '#/$defs/concept' } },
    },
    $defs: {
      note: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'path', 'title', 'authors', 'year', 'venue', 'kind', 'source', 'tags', 'summary', 'sections', 'wordCount', 'concepts', 'links', 'backlinks', 'relations', 'related', 'hash'],
        properties: {
          id: { type: 'string', minLength: 1, description: 'The file name without .md.' },
          path: { type: 'string', minLength: 1, description: 'Relative to the library folder, /-separated.' },
          title: { type: 'string' },
          authors: stringList('Always a list, in the order written.'),
          year: { type: ['integer', 'null'] },
          venue: { type: ['string', 'null'] },
          kind: { type: 'string' },
          source: { type: ['string', 'null'], description: 'Usually a URL, as written.' },
          tags: stringList('Unique, sorted by code point.'),
          summary: { type: 'string', description: 'Plain text of the summary.' },
          sections: {
            type: 'object',
            additionalProperties: false,
            required: config.sections.map((s) => s.key),
            properties: sectionProperties,
          },
          wordCount: { type: 'integer', minimum: 0 },
          concepts: {
            type: 'array',
            description: 'Concepts the note declares or mentions, by id.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'count'],
              properties: { id: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
            },
          },
          links: stringList('Ids of notes this note links to explicitly (wikilink or Markdown link), sorted.'),
          backlinks: stringList('Ids of notes that link to this one explicitly, sorted.'),
          relations: {
            type: 'array',
            description: 'Typed relations from front matter `relations:`, both ways: `out` on the note that declares one, `in` on its target. Sorted by type, direction ("in" before "out"), id (code point).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'id', 'direction'],
              properties: {
                type: { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$', description: 'The relation: responds-to, builds-on, contradicts, supports, summarises, or one config relationTypes adds.' },
                id: { type: 'string', minLength: 1, description: 'The other note.' },
                direction: { enum: ['out', 'in'], description: '"out": this note declares it; "in": the other note does.' },
              },
            },
          },
          related: {
            type: 'array',
            description: 'Most related notes first: those joined by a typed relation, then the rest by score.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'score', 'reasons'],
              properties: {
                id: { type: 'string' },
                score: { type: 'number' },
                reasons: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['concepts', 'terms', 'relations'],
                  properties: {
                    concepts: stringList('Shared concept ids, rarest first.'),
                    terms: stringList('Top shared terms.'),
                    relations: stringList('Typed relations joining the two notes, either way, sorted; a note with any ranks above every note related by text alone.'),
                  },
                },
              },
            },
          },
          hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'sha256 (hex) of the file bytes.' },
        },
      },
      concept: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'aliases', 'definition', 'see', 'notes'],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string' },
          aliases: stringList('Other names matched in prose.'),
          definition: { type: 'string' },
          see: stringList('Related concept names, as written in concepts.yml.'),
          notes: stringList('Ids of notes that mention, declare or link to it, sorted.'),
        },
      },
    },
  };
}

/** Renders `index.schema.json` (2-space JSON, trailing newline). */
export function emitIndexSchema(_library: Library, config: Config): string {
  return `${JSON.stringify(indexSchema(config), null, 2)}\n`;
}
