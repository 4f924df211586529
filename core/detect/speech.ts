// Is this page an official speech or work report, worth matching against the corpus?
// Features (features.ts) scored by a small fitted logistic model (model.ts). The content script
// calls this alone; detect.ts adds the reasons and the script (Simplified or Traditional), which
// the background works out from the same text (the script tables would cost the content script
// 1.2 KB).
import type { SpeechVerdict } from '../model/types';
import type { Slicer } from '../extract/slices';
import { features, tally } from './features';
import { scoreFeatures } from './model';

/** Below this many Han characters a page is too short to call a speech. */
const MIN_HAN = 200;
const HAN = /[\u3400-\u9fff]/g;
/** Characters counted between two looks at the clock in detectSpeechSliced (whole lines). */
const PIECE = 2000;

/** Fewer than MIN_HAN Han characters; stops counting at MIN_HAN (no array of every match). */
export function tooShort(text: string): boolean {
  HAN.lastIndex = 0;
  let n = 0;
  while (n < MIN_HAN && HAN.exec(text) !== null) n++;
  return n < MIN_HAN;
}

export function detectSpeech(text: string, title = ''): SpeechVerdict {
  if (tooShort(text)) return { speechLike: false, score: 0 };
  const score = scoreFeatures(features(text, title));
  return { speechLike: score >= 0.5, score };
}

/** detectSpeech, counting the text a few lines at a time with the page's turn between slices
 *  (the same verdict: every count adds up over whole lines). */
export async function detectSpeechSliced(text: string, title: string, slice: Slicer): Promise<SpeechVerdict> {
  if (tooShort(text)) return { speechLike: false, score: 0 };
  const counts = tally('');
  for (let a = 0; a < text.length;) {
    let b = text.indexOf('\n', a + PIECE);
    if (b < 0) b = text.length;
    tally(text.slice(a, b), counts);
    a = b + 1;
    await slice.pause();
  }
  const score = scoreFeatures(features(text, title, counts));
  return { speechLike: score >= 0.5, score };
}
