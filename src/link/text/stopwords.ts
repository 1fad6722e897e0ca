/**
 * English stop words: function words that carry no topic (articles,
 * pronouns, auxiliaries, prepositions, conjunctions, common adverbs and
 * quantifiers). The list is the NLTK English list (itself from the Snowball
 * project) plus a few contractions and quantifiers it lacks; kept here as
 * data (one Set, O(1) look-up) rather than as a dependency, since it is a
 * word list and not logic.
 *
 * Used to delimit key-phrase candidates (no phrase starts or ends with one)
 * and to keep ranking indexes small.
 */

const WORDS = `
a about above after again against all also am an and any are aren't as at
be because been before being below between both but by
can can't cannot could couldn't
did didn't do does doesn't doing don't down during
each either else etc even ever every
few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however
i i'd i'll i'm i've if in into is isn't it it's its itself
just
let's
many may me might more most much must mustn't my myself
neither no nor not now
of off often on once only or other others otherwise ought our ours ourselves out over own
per perhaps
quite
rather
same several shall shan't she she'd she'll she's should shouldn't since so some such
than that that's the their theirs them themselves then there there's therefore these they they'd they'll they're they've
this those though through thus to too
under until up upon us
very via
was wasn't we we'd we'll we're we've were weren't what what's whatever when when's where where's whereas whether which while
who who's whom whose why why's will with within without won't would wouldn't
yet you you'd you'll you're you've your yours yourself yourselves
`;

/**
 * Everyday verbs and adverbs that carry little topic: kept in the index
 * (dropping them cost 0.1–0.3 points of BBC P@10), but never shown as the
 * reason two notes are related, which then reads "conway's, boundaries"
 * rather than "able, first".
 */
const GENERIC = `
able across actually almost along already although among another anyone anything around away
back became become becomes came come comes done enough especially exactly first get gets getting
give gives given go goes going gone got instead keep keeps kept last least less like likely
made make makes making many maybe never next put really said say says see seem seemed seems seen
still take takes taken thing things took toward towards want wants way ways well went whole
`;

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter((word) => word !== ''));
const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC.split(/\s+/u).filter((word) => word !== ''));

/** True for an English function word (case-insensitive; typographic apostrophes accepted). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase().replace(/[’‘ʼ′]/gu, "'"));
}

/** True for a stop word or an everyday verb/adverb (`able`, `first`, `made`): words too vague to explain a link. */
export function isVagueWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’‘ʼ′]/gu, "'");
  return STOPWORDS.has(lower) || GENERIC_WORDS.has(lower);
}

/** The stop-word list itself, sorted, for documentation and tests. */
export function stopwordList(): string[] {
  return [...STOPWORDS].sort();
}
