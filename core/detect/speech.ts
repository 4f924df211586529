// Is this page an official speech or work report, worth matching against the corpus?
// Features (features.ts) scored by a small fitted logistic model (model.ts). The content script
// calls this alone; detect.ts adds the reasons and the script (Simplified or Traditional), which
// the background works out from the same text (the script tables would cost the content script
// 1.2 KB).
import type { SpeechVerdict } from '../model/types';
import { features } from './features';
import { scoreFeatures } from './model';

/** Below this many Han characters a page is too short to call a speech. */
const MIN_HAN = 200;

export function tooShort(text: string): boolean {
  return (text.match(/[\u3400-\u9fff]/g)?.length ?? 0) < MIN_HAN;
}

export function detectSpeech(text: string, title = ''): SpeechVerdict {
  if (tooShort(text)) return { speechLike: false, score: 0 };
  const score = scoreFeatures(features(text, title));
  return { speechLike: score >= 0.5, score };
}
