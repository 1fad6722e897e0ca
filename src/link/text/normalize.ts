/**
 * A light, predictable normaliser for glossary and title matching: it folds
 * the variants a reader treats as the same word and nothing more. It is NOT a
 * stemmer: `market`/`marketing`, `price`/`pricing`, `bank`/`banking` stay
 * distinct (use `stem` for ranking, where merging them helps).
 *
 * Rules, applied in order to one word token:
 * 1. Unicode NFKC, then lowercase (`ﬁ` → `fi`, `Ｌeader` → `leader`).
 * 2. Typographic apostrophes (`’ ‘ ʼ ′`) become `'`.
 * 3. Possessives are dropped: `leader's` → `leader`, `leaders'` → `leaders`
 *    (then rule 4), and any other trailing apostrophe is removed.
 * 4. Irregular plurals from a short table (`children` → `child`, `criteria` →
 *    `criterion`, `matrices` → `matrix`, `analyses` → `analysis`, `aliases` →
 *    `alias`, `heroes` → `hero`, …; see IRREGULAR).
 * 5. Plural → singular, only for letter-only words of 4+ characters that are
 *    not listed as invariant (`news`, `series`, `physics`, `always`, …):
 *    - `-ies` → `-y`        (policies → policy; not 4-letter `ties`/`lies`, nor `movies`, `cookies`, …)
 *    - `-sses` → `-ss`      (classes → class)
 *    - `-xes`, `-ches`, `-shes` → drop `es` (boxes → box, churches → church; not `caches`, `niches`, …)
 *    - `-ss`, `-us`, `-is`, `-ous` endings are left alone (class, status, analysis, famous)
 *    - otherwise a final `-s` is dropped (leaders → leader, notes → note, ideas → idea)
 * No other suffix is touched, so `-ing`, `-ed`, `-er` forms stay themselves.
 * Known limits, by choice: `-ves` plurals (`leaves`) and `-uses`/`-ases`
 * plurals outside the table (`causes` → `cause` works, `buses` is listed).
 */

const APOSTROPHES = /[’‘ʼ′]/gu;

/** Words ending in `s` that are not plurals (or whose singular reads wrongly). */
const INVARIANT = new Set([
  'always', 'analysis', 'basis', 'bias', 'bus', 'canvas', 'chaos', 'crisis', 'diagnosis', 'does',
  'ethos', 'gas', 'has', 'his', 'hypothesis', 'its', 'lens', 'news', 'perhaps', 'physics',
  'series', 'species', 'this', 'thus', 'was', 'whereas', 'yes', 'less', 'unless', 'plus',
  'corps', 'chess', 'mathematics', 'economics', 'politics', 'ethics', 'logistics', 'statistics',
  'alias', 'atlas', 'christmas', 'texas', 'kudos', 'pancreas', 'means', 'whereabouts',
]);

/** Plurals the suffix rules would get wrong. */
const IRREGULAR = new Map<string, string>([
  ['children', 'child'], ['men', 'man'], ['women', 'woman'], ['mice', 'mouse'], ['feet', 'foot'],
  ['teeth', 'tooth'], ['geese', 'goose'], ['criteria', 'criterion'], ['phenomena', 'phenomenon'],
  ['indices', 'index'], ['matrices', 'matrix'], ['vertices', 'vertex'], ['appendices', 'appendix'],
  ['analyses', 'analysis'], ['hypotheses', 'hypothesis'], ['theses', 'thesis'], ['crises', 'crisis'],
  ['diagnoses', 'diagnosis'], ['aliases', 'alias'], ['biases', 'bias'], ['statuses', 'status'],
  ['buses', 'bus'], ['lenses', 'lens'], ['heroes', 'hero'], ['echoes', 'echo'], ['potatoes', 'potato'],
  ['tomatoes', 'tomato'], ['vetoes', 'veto'], ['caches', 'cache'], ['niches', 'niche'],
  ['cliches', 'cliche'], ['clichés', 'cliché'], ['avalanches', 'avalanche'], ['headaches', 'headache'],
  ['aches', 'ache'], ['moustaches', 'moustache'], ['psyches', 'psyche'], ['movies', 'movie'],
  ['cookies', 'cookie'], ['zombies', 'zombie'], ['calories', 'calorie'], ['rookies', 'rookie'],
  ['selfies', 'selfie'], ['prairies', 'prairie'], ['hippies', 'hippie'], ['goalies', 'goalie'],
  ['genies', 'genie'], ['quizzes', 'quiz'],
]);

/** Normalises one word for glossary matching (see the module comment for the rule list). */
export function normalizeTerm(word: string): string {
  let term = word.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
  if (term.endsWith("'s")) term = term.slice(0, -2);
  while (term.endsWith("'")) term = term.slice(0, -1);
  return singular(term);
}

/** Applies the plural rules of `normalizeTerm` to an already lowercased word. */
function singular(term: string): string {
  const irregular = IRREGULAR.get(term);
  if (irregular !== undefined) return irregular;
  if (term.length < 4 || !term.endsWith('s') || INVARIANT.has(term)) return term;
  if (!/^[\p{L}']+$/u.test(term)) return term; // codes like `v2s`, `mp3s` are left as written
  if (term.endsWith('ies')) return term.length > 4 ? `${term.slice(0, -3)}y` : term;
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (/(?:x|ch|sh)es$/u.test(term)) return term.slice(0, -2);
  if (/(?:ss|us|is|ous)$/u.test(term)) return term;
  return term.slice(0, -1);
}

/** Normalises a multi-word name (`Single-threaded leaders`) to its token sequence. */
export function normalizePhrase(tokens: readonly string[]): string[] {
  return tokens.map(normalizeTerm);
}
