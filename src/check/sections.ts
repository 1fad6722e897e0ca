/**
 * Which configured section a heading is, tolerating the spellings a writer
 * produces by accident (case, runs of spaces, a trailing colon), so that the
 * spelling and level rules can name the canonical form instead of reporting
 * the section as missing.
 */
import type { Config, SectionSpec } from '../config.js';
import type { Section } from '../types.js';

const loose = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim()
    .replace(/\s*:$/u, '')
    .toLowerCase();

/** A heading matched to its configured section, with the canonical text it should have. */
export interface SectionMatch {
  spec: SectionSpec;
  /** Index of the spec in `config.sections`. */
  index: number;
  /** The heading as it should read: the canonical prefix plus any allowed suffix, as written. */
  canonical: string;
}

/** Matches a heading to a configured section, or null for any other heading. */
export function matchSection(section: Pick<Section, 'heading' | 'key'>, config: Config): SectionMatch | null {
  const heading = section.heading.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
  const lower = loose(heading);
  for (const [index, spec] of config.sections.entries()) {
    const want = loose(spec.heading);
    if (lower === want) return { spec, index, canonical: spec.heading };
    if (spec.allowSuffix && lower.startsWith(`${want} `)) {
      // Keep the writer's suffix; only the prefix has a canonical spelling.
      const prefixOk = heading.slice(0, want.length).toLowerCase() === want;
      return { spec, index, canonical: prefixOk ? `${spec.heading}${heading.slice(want.length)}` : heading };
    }
  }
  if (section.key !== null) {
    const index = config.sections.findIndex((s) => s.key === section.key);
    const spec = config.sections[index];
    if (spec) return { spec, index, canonical: heading };
  }
  return null;
}

/** The note's sections that match a configured one, in document order. */
export function configuredSections(sections: readonly Section[], config: Config): { section: Section; match: SectionMatch }[] {
  const found: { section: Section; match: SectionMatch }[] = [];
  for (const section of sections) {
    const match = matchSection(section, config);
    if (match) found.push({ section, match });
  }
  return found;
}
