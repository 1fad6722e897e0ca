/**
 * Every rule, in the order the README lists them: front matter first, then
 * fields, structure, prose, links, and the library-wide rules.
 */
import type { Rule } from '../rule.js';
import conceptAliasTitle from './concept-alias-title.js';
import directiveUnknownRule from './directive-unknown-rule.js';
import duplicateId from './duplicate-id.js';
import duplicateSource from './duplicate-source.js';
import duplicateTitle from './duplicate-title.js';
import fieldType from './field-type.js';
import frontmatterAlias from './frontmatter-alias.js';
import frontmatterDuplicateKey from './frontmatter-duplicate-key.js';
import frontmatterKeyOrder from './frontmatter-key-order.js';
import frontmatterLanguage from './frontmatter-language.js';
import frontmatterMapping from './frontmatter-mapping.js';
import frontmatterMissing from './frontmatter-missing.js';
import frontmatterTooLarge from './frontmatter-too-large.js';
import frontmatterYaml from './frontmatter-yaml.js';
import linkMissingNote from './link-missing-note.js';
import placeholder from './placeholder.js';
import rawHtml from './raw-html.js';
import relationConflict from './relation-conflict.js';
import relationDuplicate from './relation-duplicate.js';
import relationSelf from './relation-self.js';
import relationUnknownTarget from './relation-unknown-target.js';
import relationUnknownType from './relation-unknown-type.js';
import requiredField from './required-field.js';
import sectionHeadingSpelling from './section-heading-spelling.js';
import sectionLevel from './section-level.js';
import sectionMinWords from './section-min-words.js';
import sectionOrder from './section-order.js';
import sectionRequired from './section-required.js';
import summaryMinWords from './summary-min-words.js';
import summaryPresent from './summary-present.js';
import trailingWhitespace from './trailing-whitespace.js';
import unknownConcept from './unknown-concept.js';
import unknownField from './unknown-field.js';
import unlinkedMention from './unlinked-mention.js';
import wikilinkHeading from './wikilink-heading.js';
import wikilinkUnresolved from './wikilink-unresolved.js';

/** The rule list. Ids are stable: config `rules`, directives and CI scripts name them. */
export const rules: readonly Rule[] = [
  frontmatterMissing,
  frontmatterLanguage,
  frontmatterTooLarge,
  frontmatterYaml,
  frontmatterAlias,
  frontmatterDuplicateKey,
  frontmatterMapping,
  requiredField,
  fieldType,
  unknownField,
  frontmatterKeyOrder,
  unknownConcept,
  relationUnknownType,
  relationUnknownTarget,
  relationSelf,
  summaryPresent,
  summaryMinWords,
  sectionRequired,
  sectionOrder,
  sectionLevel,
  sectionHeadingSpelling,
  sectionMinWords,
  placeholder,
  trailingWhitespace,
  rawHtml,
  unlinkedMention,
  wikilinkUnresolved,
  wikilinkHeading,
  linkMissingNote,
  directiveUnknownRule,
  duplicateTitle,
  duplicateId,
  duplicateSource,
  relationDuplicate,
  relationConflict,
  conceptAliasTitle,
];

/** Looks a rule up by id. */
export const ruleById = (id: string): Rule | undefined => rules.find((rule) => rule.id === id);
