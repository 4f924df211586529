// Is this page an official speech or work report, worth matching against the corpus?
// Features (features.ts) scored by a small fitted logistic model (model.ts).
import type { DetectResult } from '../model/types';
import { detectScript } from '../text/script';
import { features } from './features';
import { DERIVED, FEATURE_ORDER, WEIGHTS, featureVector, offset, scoreFeatures } from './model';

/** Below this many Han characters a page is too short to call a speech. */
const MIN_HAN = 200;

export function detect(text: string, title = ''): DetectResult {
  const script = detectScript(text);
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  if (han < MIN_HAN) return { speechLike: false, score: 0, script, reasons: ['too-short'] };
  const f = features(text, title);
  const score = scoreFeatures(f);
  const x = featureVector(f);
  // The signals that pushed the decision, strongest first, as "name:value".
  const reasons = FEATURE_ORDER.map((k, i) => ({ k: k as string, c: WEIGHTS[i]! * x[i]!, v: f[k] }))
    .concat(
      DERIVED.map((k, j) => ({
        k,
        c: WEIGHTS[FEATURE_ORDER.length + j]! * x[FEATURE_ORDER.length + j]!,
        v: x[FEATURE_ORDER.length + j]!,
      })),
    )
    .concat([{ k: 'reportage', c: offset(f), v: f.reportage }])
    .filter((r) => Math.abs(r.c) >= 0.5)
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
    .map((r) => `${r.c > 0 ? '+' : '-'}${r.k}:${Number.isInteger(r.v) ? r.v : r.v.toFixed(2)}`);
  return { speechLike: score >= 0.5, score, script, reasons };
}
