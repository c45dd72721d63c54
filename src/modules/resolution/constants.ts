/**
 * Every fixed number of person resolution, in one place. Scores are match weights: the sum over fields of
 * log2(m / u), in bits (+10 means the fields agree 1,024 times more often between records of one person than
 * between records of two people). They do not include the prior (how rare matches are), so the same weight means
 * the same strength of evidence in every data set.
 *
 * The two thresholds were fixed once on FEBRL dataset2 (bench/febrl.bench.ts) and are never re-tuned per data
 * set; docs/resolution.md explains the choice.
 */
export const RESOLUTION_THRESHOLDS = Object.freeze({
  /** At or above: linked automatically (an edge for clustering). */
  autoLinkWeight: 8,
  /** At or above (and below auto-link): a pair an officer should review. Below: not reported. */
  reviewWeight: 2,
  /**
   * Two records whose own score is below this may never sit in one cluster, whatever chain of auto-links joins
   * them (clustering refuses the merge).
   */
  cannotLinkWeight: -4,
});

export const RESOLUTION_MODEL = Object.freeze({
  /**
   * The most a given-name disagreement may weigh (it is clamped to at most this, however mild EM finds it).
   * Siblings, twins and spouses share surname, relation name, address and phone, so unsupervised EM learns
   * "same household" and finds a given-name disagreement cheap; a person is told apart by their own name.
   */
  givenNameDisagreeMaxWeight: -8,
  /**
   * The same for a whole name compared by the Indian-name rules (names.ts): "disagree" there means each name has
   * a word the other lacks after honorifics, initials, order and spelling are allowed for — a different person
   * (a sibling, a spouse, a neighbour at the same premises). It must outweigh everything a household shares
   * (householdMaxWeight) by more than the auto-link weight.
   */
  nameDisagreeMaxWeight: -12,
  /**
   * The most m of "disagree" may be on the fields that say who a person is (EM keeps m at or below it): records
   * of one person rarely carry wholly different given names, genders or birth dates. Without these bounds EM on
   * data with few duplicates takes a household, a postcode or a common surname for the match class (one in which
   * most "matches" have different given names and birth dates). On FEBRL, EM's own estimates are 0.05–0.08 for
   * given names and 0.05–0.07 for birth dates.
   */
  disagreeMaxM: Object.freeze({
    name: 0.05,
    given_name: 0.05,
    gender: 0.02,
    birth_date: 0.03,
    relation_name: 0.05,
  }) as Readonly<Record<string, number>>,
  /**
   * The most the household fields together (surname, relation name, street number, address lines, locality,
   * postcode, state, phone) may add. They agree together for every member of a household, so their weights are
   * not independent evidence; capping the sum keeps a shared home from outvoting a different given name or
   * birth date.
   */
  householdMaxWeight: 16,
  /**
   * Siblings and twins: when the relation names agree (same father or guardian) but the given names disagree, the
   * household fields together may add at most this (nothing): a shared family says nothing about which member a
   * record is, and twins share even the birth date. FEBRL has no relation names, so this never fires there.
   */
  siblingHouseholdMaxWeight: 0,
  /**
   * The most a pair may score when nothing corroborates it (comparisons.ts, CORROBORATING_LEVELS: no phone,
   * identifier, email, relation name, full birth date or street address agrees): below auto-link, within the
   * review band. A name, a gender, an age and a PIN code are shared by thousands of namesakes in a country of a
   * billion ("Rinki Kumari, 16, female"), so they may ask for review but never link on their own.
   */
  uncorroboratedMaxWeight: 6,
  /**
   * The same when, besides, the whole names agree only in part — through initials ("R. Sahu" / "Ritu Sahu"),
   * one name a part of the other ("Devna" / "Devna Barman") — or not at all (a mother and a daughter at one
   * address, whose shared home outweighs their different names), or agree on a lone given name ("Neha" /
   * "Kumari Neha"). Below the review weight: such pairs are reported
   * by the thousand in a state's records (a shared given name and an age), nearly all of them two people, and a
   * review queue of thousands is not read. Pairs whose father's name, birth date or full address agrees but
   * whose names share no own word (comparisons.ts NAME_GATED_CORROBORATION) keep uncorroboratedMaxWeight: the
   * person or a sibling, for an officer to tell. The evidence still shows in `explain`.
   */
  uncorroboratedPartialNameMaxWeight: 1,
  /** Bounds of the term-frequency adjustment of an exact agreement, in bits (rare values up, common down). */
  tfMinAdjustment: -6,
  tfMaxAdjustment: 6,
  /**
   * Values and name words kept per map when a run's term frequencies are stored with its model (comparisons.ts
   * ValueFrequencies): the commonest, which are the ones that need their weight lowered.
   */
  storedFrequencies: 5_000,
  /** Random record pairs drawn to estimate u (how often fields agree by chance). */
  uSamplePairs: 40_000,
  /** Candidate pairs EM learns from at most (an even sample of them when there are more). */
  emSamplePairs: 300_000,
  /** EM stops after this many iterations or when no parameter moves more than `emTolerance`. */
  emMaxIterations: 200,
  emTolerance: 1e-6,
  /** Pseudo-count added to every level when estimating m and u (no level is ever impossible). */
  smoothing: 0.5,
  /** Blocks (records sharing one blocking key) larger than this are skipped for that rule; other rules still apply. */
  maxBlockSize: 400,
  /** Window of the sorted-neighbourhood rules. */
  sortedNeighbourhoodWindow: 6,
});
