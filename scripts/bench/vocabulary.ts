/**
 * The word stock of the generated corpus: topic groups, each with its own
 * concepts (written to the glossary and used in the prose, so mention
 * finding and related-note ranking see real overlap) and its own nouns.
 */

/** A glossary concept as the generator knows it. */
export interface ConceptSeed {
  name: string;
  aliases: string[];
  definition: string;
}

/** A group of related notes: shared tag, concepts and nouns. */
export interface Topic {
  tag: string;
  concepts: ConceptSeed[];
  nouns: string[];
  venues: string[];
}

const c = (name: string, aliases: string[], definition: string): ConceptSeed => ({ name, aliases, definition });

/** Ten topics; a note belongs to one and borrows from a neighbour now and then. */
export const topics: Topic[] = [
  {
    tag: 'leadership',
    concepts: [
      c('single-threaded leadership', ['single-threaded leader'], 'Giving an initiative one leader whose only job is that initiative.'),
      c('span of control', [], 'How many people report directly to one manager.'),
      c('servant leadership', [], 'Leading by removing obstacles for the team rather than directing it.'),
      c('decision rights', [], 'Who may make which decision, written down before it is needed.'),
      c('escalation path', ['escalation route'], 'The agreed route a disagreement takes when a team cannot settle it.'),
      c('psychological safety', [], 'A shared belief that a team is safe for interpersonal risk taking.'),
    ],
    nouns: ['manager', 'team', 'initiative', 'meeting', 'org chart', 'promotion', 'hiring plan', 'offsite', 'mandate', 'deputy', 'reorg', 'headcount'],
    venues: ['Harvard Business Review', 'First Round Review', 'Personal blog', 'Lenny\u2019s Newsletter'],
  },
  {
    tag: 'product',
    concepts: [
      c('product-market fit', ['PMF'], 'The point at which a product satisfies a strong market demand.'),
      c('jobs to be done', ['JTBD'], 'Describing demand as the progress a customer is trying to make.'),
      c('north star metric', [], 'The one number a product team agrees best captures delivered value.'),
      c('opportunity solution tree', [], 'A map from a desired outcome to opportunities, solutions and experiments.'),
      c('continuous discovery', [], 'Weekly contact with customers by the team that builds the product.'),
      c('feature factory', ['build trap'], 'A team measured by output shipped rather than outcomes reached.'),
    ],
    nouns: ['roadmap', 'customer', 'prototype', 'backlog', 'launch', 'pricing page', 'interview', 'funnel', 'cohort', 'onboarding flow', 'retention curve', 'spec'],
    venues: ['Mind the Product', 'Stratechery', 'Personal blog', 'Reforge'],
  },
  {
    tag: 'architecture',
    concepts: [
      c('Conway\u2019s law', ['mirroring hypothesis'], 'Systems mirror the communication structure of the organisations that build them.'),
      c('technical debt', ['tech debt'], 'The future cost of a shortcut taken in code today.'),
      c('bounded context', ['context boundary'], 'The boundary within which a domain model is consistent.'),
      c('event sourcing', [], 'Storing every change as an event and deriving state from the log.'),
      c('modular monolith', [], 'One deployable unit with strict internal module boundaries.'),
      c('strangler fig pattern', ['strangler fig'], 'Replacing a legacy system piece by piece behind a facade.'),
    ],
    nouns: ['service', 'database', 'interface', 'deployment', 'module', 'schema', 'queue', 'cache layer', 'dependency graph', 'rewrite', 'migration', 'codebase'],
    venues: ['martinfowler.com', 'ACM Queue', 'InfoQ', 'Personal blog'],
  },
  {
    tag: 'economics',
    concepts: [
      c('opportunity cost', [], 'The value of the best alternative given up by a choice.'),
      c('comparative advantage', [], 'Producing what one gives up least to produce.'),
      c('network effects', ['demand-side economies of scale'], 'A product becoming more valuable as more people use it.'),
      c('switching costs', ['lock-in'], 'What a customer loses by moving to a competitor.'),
      c('marginal cost', [], 'The cost of producing one more unit.'),
      c('principal-agent problem', ['agency problem'], 'An agent acting in its own interest rather than its principal\u2019s.'),
    ],
    nouns: ['market', 'price', 'incentive', 'contract', 'margin', 'supplier', 'subsidy', 'auction', 'monopoly', 'budget', 'forecast', 'ledger'],
    venues: ['The Economist', 'Marginal Revolution', 'NBER Working Papers', 'Personal blog'],
  },
  {
    tag: 'writing',
    concepts: [
      c('inverted pyramid', [], 'Putting the most important information first and detail after.'),
      c('plain language', ['plain English'], 'Writing the reader can understand the first time they read it.'),
      c('narrative memo', ['six-page memo'], 'A written argument read silently at the start of a meeting.'),
      c('curse of knowledge', [], 'Forgetting what it was like not to know something.'),
      c('active voice', [], 'A sentence whose subject performs the action.'),
      c('topic sentence', ['lead sentence'], 'The sentence that states what a paragraph is about.'),
    ],
    nouns: ['draft', 'editor', 'paragraph', 'reader', 'headline', 'outline', 'revision', 'style guide', 'footnote', 'chapter', 'essay', 'margin note'],
    venues: ['The Atlantic', 'Paul Graham essays', 'Personal blog', 'Nieman Lab'],
  },
  {
    tag: 'learning',
    concepts: [
      c('spaced repetition', [], 'Reviewing material at growing intervals to fight forgetting.'),
      c('retrieval practice', [], 'Learning by recalling rather than by rereading.'),
      c('deliberate practice', [], 'Focused practice on the edge of one\u2019s ability with feedback.'),
      c('desirable difficulty', ['productive struggle'], 'A learning obstacle that improves long-term retention.'),
      c('zettelkasten', ['slip box'], 'A network of small, linked notes written in one\u2019s own words.'),
      c('transfer of learning', [], 'Applying what was learned in one setting to another.'),
    ],
    nouns: ['student', 'flashcard', 'lecture', 'exam', 'notebook', 'curriculum', 'mentor', 'workshop', 'syllabus', 'habit', 'library', 'study group'],
    venues: ['Psychological Science', 'Nautilus', 'Personal blog', 'Aeon'],
  },
  {
    tag: 'operations',
    concepts: [
      c('theory of constraints', [], 'A system\u2019s output is limited by its narrowest bottleneck.'),
      c('work in progress limit', ['WIP limit'], 'A cap on how many items a stage may hold at once.'),
      c('blameless postmortem', ['blameless retrospective'], 'An incident review that looks for causes, not culprits.'),
      c('service level objective', ['SLO'], 'A target for how reliable a service should be, as users see it.'),
      c('error budget', ['reliability budget'], 'The unreliability a service may spend before work must stop.'),
      c('Little\u2019s law', ['queueing law'], 'Average items in a system equal arrival rate times time in the system.'),
    ],
    nouns: ['incident', 'pager', 'runbook', 'queue', 'bottleneck', 'dashboard', 'handoff', 'shift', 'outage', 'capacity plan', 'ticket', 'checklist'],
    venues: ['Google SRE Book', 'IT Revolution', 'Personal blog', 'USENIX ;login:'],
  },
  {
    tag: 'strategy',
    concepts: [
      c('competitive moat', ['moat'], 'A durable advantage that keeps competitors out.'),
      c('disruptive innovation', ['disruption theory'], 'A cheaper product entering at the low end and moving up.'),
      c('good strategy', [], 'A diagnosis, a guiding policy and coherent actions.'),
      c('flywheel effect', ['flywheel'], 'Self-reinforcing steps that build momentum over time.'),
      c('aggregation theory', [], 'Platforms winning by owning demand and commoditising supply.'),
      c('counter-positioning', [], 'A business model an incumbent cannot copy without harming itself.'),
    ],
    nouns: ['incumbent', 'entrant', 'platform', 'segment', 'board', 'plan', 'acquisition', 'partner', 'channel', 'category', 'bet', 'annual review'],
    venues: ['Stratechery', 'McKinsey Quarterly', 'Personal blog', 'Harvard Business Review'],
  },
  {
    tag: 'research',
    concepts: [
      c('replication crisis', [], 'The finding that many published results fail to reproduce.'),
      c('p-hacking', ['data dredging'], 'Trying analyses until one crosses a significance threshold.'),
      c('base rate neglect', ['base rate fallacy'], 'Ignoring how common something is when judging a case.'),
      c('survivorship bias', [], 'Drawing conclusions only from the cases that made it through.'),
      c('preregistration', ['pre-registration'], 'Publishing a study\u2019s plan before collecting its data.'),
      c('effect size', ['magnitude of effect'], 'How large a difference is, not only whether it exists.'),
    ],
    nouns: ['study', 'sample', 'hypothesis', 'journal', 'dataset', 'reviewer', 'experiment', 'control group', 'survey', 'meta-analysis', 'lab', 'appendix'],
    venues: ['Nature', 'Science', 'PLOS ONE', 'Personal blog'],
  },
  {
    tag: 'design',
    concepts: [
      c('affordance', ['perceived affordance'], 'What an object\u2019s form suggests can be done with it.'),
      c('progressive disclosure', [], 'Showing advanced options only when they are needed.'),
      c('design system', ['component library'], 'Shared components, tokens and rules for building interfaces.'),
      c('cognitive load', [], 'The mental effort a task demands of working memory.'),
      c('dark pattern', ['deceptive design'], 'An interface that tricks users into acting against their interest.'),
      c('information scent', [], 'Cues that tell a user whether a path leads to what they want.'),
    ],
    nouns: ['interface', 'button', 'screen', 'user', 'wireframe', 'typeface', 'layout', 'icon', 'usability test', 'menu', 'form', 'style sheet'],
    venues: ['Nielsen Norman Group', 'A List Apart', 'Personal blog', 'Smashing Magazine'],
  },
];

/** Words shared by every topic: the connective tissue of sentences. */
export const common = {
  adjectives: ['durable', 'hidden', 'obvious', 'costly', 'fragile', 'useful', 'narrow', 'broad', 'slow', 'quiet', 'explicit', 'implicit', 'shared', 'local', 'long-term', 'short-term', 'structural', 'practical', 'subtle', 'familiar', 'neglected', 'central', 'modest', 'ambitious'],
  verbs: ['shapes', 'limits', 'explains', 'rewards', 'hides', 'reveals', 'undermines', 'strengthens', 'predicts', 'complicates', 'clarifies', 'replaces', 'depends on', 'competes with', 'amplifies', 'constrains'],
  adverbs: ['rarely', 'often', 'quietly', 'eventually', 'usually', 'seldom', 'consistently', 'surprisingly', 'predictably', 'gradually'],
  nouns: ['argument', 'example', 'trade-off', 'assumption', 'question', 'pattern', 'habit', 'claim', 'lesson', 'mistake', 'evidence', 'framework', 'practice', 'principle', 'constraint', 'outcome', 'cost', 'risk'],
  openers: ['In practice,', 'At first glance,', 'Put simply,', 'Over time,', 'By contrast,', 'More importantly,', 'Even so,', 'For most teams,', 'In the author\u2019s telling,', 'Seen this way,'],
  first: ['Ada', 'Ben', 'Chioma', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Luis', 'Mei', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomoko', 'Umar', 'Vera', 'Wen', 'Yusuf', 'Zoe'],
  last: ['Abbott', 'Brennan', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gallego', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Laurent', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Santos', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Yilmaz', 'Zhang'],
  domains: ['example.org', 'essays.example.com', 'blog.example.net', 'review.example.org', 'journal.example.com', 'notes.example.net'],
  kinds: ['essay', 'essay', 'essay', 'book', 'paper', 'talk', 'post'],
};
