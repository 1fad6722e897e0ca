import { describe, expect, it } from 'vitest';
import * as text from '../../../src/link/text/index.js';

describe('src/link/text public API', () => {
  it('should expose exactly the documented functions', () => {
    expect(Object.keys(text).sort()).toEqual([
      'DEFAULT_RANKER_OPTIONS', 'buildPhraseDf', 'createRanker', 'extractKeyphrases', 'findCandidates', 'isStopword',
      'isVagueWord', 'normalizePhrase', 'normalizeTerm', 'stem', 'stopwordList', 'suggestConcepts', 'tokenize',
    ]);
  });
});
