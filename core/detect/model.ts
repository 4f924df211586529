// The detector's model: how the signals of core/detect/features.ts combine into a 0..1 score.
// A logistic model; the weights were fitted on the even-numbered files of corpus-external
// (positives) and corpus-negative (negatives), as plain text and wrapped in page chrome then
// extracted. `npx tsx scripts/eval-detect.ts --fit` refits them; the eval prints the odd-numbered
// (held-out) figures next to the even ones.
import type { Features } from './features';

/** How each feature enters the model: rates are damped with log1p, shares and flags are used as is. */
export const RATE_FEATURES: ReadonlyArray<keyof Features> = ['directive', 'firstPerson'];

export function featureVector(f: Features): number[] {
  const x = FEATURE_ORDER.map((k) => (RATE_FEATURES.includes(k) ? Math.log1p(f[k]) : f[k]));
  // Directives count for a speech when someone is voicing them to an audience: reports of
  // speeches are just as full of 要/必须, but without the speaker's 我们/大家.
  x.push(Math.log1p(f.directive) * Math.min(1, f.firstPerson / 3));
  return x;
}

export const DERIVED = ['voicedDirective'] as const;

/** Speeches cite others now and then (党的十九大指出，…); at more than this many attributions and
 *  news markers per 1,000 Han the text is a report about what someone said. */
export const REPORTAGE_BASELINE = 4;
/** Logit lost per attribution beyond the baseline. Set by design, not fitted: the training data
 *  has too few reports of speeches for a fit to weigh them against the many speeches that quote
 *  (the xi-speeches rows that carry a news wrapper pull the other way). */
export const REPORTAGE_PENALTY = 1;

/** The fixed part of the logit: the reportage veto. */
export function offset(f: Features): number {
  return -REPORTAGE_PENALTY * Math.max(0, f.reportage - REPORTAGE_BASELINE);
}

export const FEATURE_ORDER: ReadonlyArray<keyof Features> = [
  'salutation',
  'titleSpeech',
  'titleNews',
  'outline',
  'directive',
  'firstPerson',
  'closing',
  'dateline',
  'articles',
  'latin',
];

/** The direction in which each signal counts: +1 towards a speech, -1 away from one. */
export const FEATURE_SIGN: Readonly<Record<keyof Features, 1 | -1>> = {
  salutation: 1,
  titleSpeech: 1,
  titleNews: -1,
  outline: 1,
  directive: 1,
  firstPerson: 1,
  closing: 1,
  reportage: -1,
  dateline: -1,
  articles: -1,
  latin: -1,
};

/** Fitted weights, in FEATURE_ORDER, and the intercept. */
export const WEIGHTS: readonly number[] = [3.97, 3.62, 0.0, 0.0, 2.16, 0.08, 0.44, 0.0, -0.15, -1.58, 0.48];
export const BIAS = -7.45;

export function scoreFeatures(f: Features): number {
  const x = featureVector(f);
  let z = BIAS + offset(f);
  for (let i = 0; i < x.length; i++) z += WEIGHTS[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
