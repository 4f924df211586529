// A page's detection in full: the verdict (speech.ts), the signals behind it, and its script.
import type { DetectResult, SpeechVerdict } from '../model/types';
import { detectScript } from '../text/script';
import { features } from './features';
import { DERIVED, FEATURE_ORDER, WEIGHTS, featureVector, offset } from './model';
import { detectSpeech, tooShort } from './speech';

export function detect(text: string, title = ''): DetectResult {
  return explain(detectSpeech(text, title), text, title);
}

/** A verdict with its reasons and the text's script: the background completes the content
 *  script's verdict with this, from the same text and title. */
export function explain(v: SpeechVerdict, text: string, title = ''): DetectResult {
  const script = detectScript(text);
  if (tooShort(text)) return { speechLike: v.speechLike, score: v.score, script, reasons: ['too-short'] };
  const f = features(text, title);
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
  return { speechLike: v.speechLike, score: v.score, script, reasons };
}
