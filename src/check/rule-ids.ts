/**
 * Every rule id a diagnostic can carry, for validating config `rules`: the
 * lint rules (their own list), and the ids the read stage, discovery and the
 * glossary report under. test/cli/config-messages.test.ts checks that every
 * id literal in src/read is listed here, so a new one cannot be missed.
 */
import { GLOSSARY_RULES } from '../link/glossary.js';
import { rules } from './rules/index.js';

/** The ids reported by the read stage and discovery (src/read). */
export const READ_RULE_IDS = [
  'discovery-collision',
  'discovery-extension',
  'discovery-missing-library',
  'discovery-not-regular',
  'discovery-symlink',
  'file-empty',
  'file-not-found',
  'file-not-note',
  'file-not-regular',
  'file-not-utf8',
  'file-nul-byte',
  'file-outside-library',
  'file-parse-crash',
  'file-parse-error',
  'file-parse-overflow',
  'file-parse-timeout',
  'file-replacement-char',
  'file-symlink',
  'file-too-large',
  'file-unreadable',
] as const;

/** The id of a rule that crashed (check/run.ts INTERNAL_ERROR; not imported, as run.ts reaches config.ts). */
const INTERNAL_ERROR_ID = 'internal-error';

/** Every id config `rules` may name, in code-point order. */
export function knownRuleIds(): string[] {
  return [...new Set([...rules.map((rule) => rule.id), ...READ_RULE_IDS, ...Object.values(GLOSSARY_RULES), INTERNAL_ERROR_ID])].sort();
}
