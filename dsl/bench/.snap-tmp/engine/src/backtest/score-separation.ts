// How well a score separates goods from bads: Kolmogorov–Smirnov, AUC (ties count one half) and
// Gini. These are statistics, not money: plain binary numbers are exact enough here (scores are
// points, counts are integers), and the results are rounded to four decimals for the report.

/** One scored applicant: the score and whether the observed outcome was bad. */
export interface ScoredOutcome {
  readonly score: number;
  readonly bad: boolean;
}

export interface ScoreSeparation {
  /** Applicants scored, goods and bads among them. */
  readonly n: number;
  readonly goods: number;
  readonly bads: number;
  /** max over cutoffs s of |F_bad(s) − F_good(s)|, F the share with score ≤ s; 0..1. */
  readonly ks: number;
  /** The score s where KS is reached (a cutoff "score > s" separates best). */
  readonly ksScore: number;
  /** P(a good outscores a bad) + ½ P(tie): the Mann–Whitney statistic with midranks; 0..1. */
  readonly auc: number;
  /** 2 · AUC − 1 (the accuracy ratio); −1..1. */
  readonly gini: number;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * KS, AUC and Gini of scores against observed outcomes, higher scores meaning better risk. Ties
 * are handled exactly: KS steps only at distinct scores, AUC gives tied good/bad pairs one half
 * (midranks). Null when there is not at least one good and one bad.
 * @example scoreSeparation([{ score: 1, bad: true }, { score: 2, bad: false }]) // ks 1, auc 1, gini 1
 */
export function scoreSeparation(scored: readonly ScoredOutcome[]): ScoreSeparation | null {
  const bads = scored.filter((s) => s.bad).length;
  const goods = scored.length - bads;
  if (bads === 0 || goods === 0) return null;
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let cumBad = 0;
  let cumGood = 0;
  let ks = 0;
  let ksScore = sorted[0]!.score;
  // Sum of the goods' ranks (1-based, ascending score; a tie group shares its mean rank).
  let goodRanks = 0;
  for (let i = 0; i < sorted.length; ) {
    const score = sorted[i]!.score;
    let j = i;
    let groupBad = 0;
    while (j < sorted.length && sorted[j]!.score === score) {
      if (sorted[j]!.bad) groupBad++;
      j++;
    }
    const groupGood = j - i - groupBad;
    goodRanks += groupGood * ((i + 1 + j) / 2);
    cumBad += groupBad;
    cumGood += groupGood;
    const gap = Math.abs(cumBad / bads - cumGood / goods);
    if (gap > ks) {
      ks = gap;
      ksScore = score;
    }
    i = j;
  }
  const auc = (goodRanks - (goods * (goods + 1)) / 2) / (goods * bads);
  return Object.freeze({ n: scored.length, goods, bads, ks: round4(ks), ksScore, auc: round4(auc), gini: round4(2 * auc - 1) });
}
