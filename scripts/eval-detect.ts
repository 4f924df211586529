// Accuracy of speech-page detection, printed as tables (`npx tsx scripts/eval-detect.ts`).
// Positives: every corpus-external text. HK LegCo turns, members' included, are speeches made in
// the chamber (addressed to 主席, delivered aloud), so they count as positives. Negatives: every
// corpus-negative text; the news items that report or quote speeches are shown separately.
// Each text is evaluated as plain text and as a generated web page (nav, sidebar of 相关文章,
// footer with copyright/ICP) run through extractFromHtml. Files are split by number: the model
// was fitted on the even ones (`--fit` refits and prints the weights), odd ones are held out.
import { readSet, type SharedText } from '../tests/fixtures/shared';
import { wrapInChrome } from '../tests/fixtures/pages/wrap-in-chrome';
import { extractFromHtml } from '../core/extract/from-html';
import { features } from '../core/detect/features';
import { DERIVED, featureVector, offset, FEATURE_ORDER, FEATURE_SIGN } from '../core/detect/model';

interface Item {
  file: string;
  positive: boolean;
  group: string;
  hard: boolean;
  split: 'even' | 'odd';
  condition: 'plain' | 'chrome';
  title: string;
  text: string;
}

function fileNumber(file: string): number {
  const m = /(\d+)(?:_[0-9a-f]+)?\.txt$/.exec(file);
  return m ? Number(m[1]) : 0;
}

function items(): Item[] {
  const out: Item[] = [];
  const add = (t: SharedText, positive: boolean) => {
    const n = fileNumber(t.file);
    const split = n % 2 === 0 ? 'even' : 'odd';
    const hard = !positive && t.group === 'news' && t.meta.speech_quote !== undefined && t.meta.speech_quote !== 'none';
    out.push({ file: t.file, positive, group: t.group, hard, split, condition: 'plain', title: t.title, text: t.body });
    const page = extractFromHtml(wrapInChrome(t.title, t.body, { seed: n + t.group.length }));
    out.push({
      file: t.file,
      positive,
      group: t.group,
      hard,
      split,
      condition: 'chrome',
      title: page.title,
      text: page.text,
    });
  };
  for (const t of readSet('corpus-external')) add(t, true);
  for (const t of readSet('corpus-negative')) add(t, false);
  return out;
}

interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function prf(s: Scores): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function row(name: string, s: Scores): string {
  const { precision, recall, f1 } = prf(s);
  return `${name.padEnd(22)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${String(s.tn).padStart(5)}   ${precision.toFixed(3)}  ${recall.toFixed(3)}  ${f1.toFixed(3)}`;
}

export async function evalDetect(): Promise<{ precision: number; recall: number; f1: number }> {
  // Imported here so `--fit` runs from the features alone.
  const { detect } = await import('../core/detect/detect');
  const all = items();
  const results = all.map((it) => ({ it, r: detect(it.text, it.title) }));
  const tally = (pred: (it: Item) => boolean): Scores => {
    const s: Scores = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const { it, r } of results) {
      if (!pred(it)) continue;
      if (it.positive && r.speechLike) s.tp++;
      else if (it.positive) s.fn++;
      else if (r.speechLike) s.fp++;
      else s.tn++;
    }
    return s;
  };
  console.log('\nSpeech detection (positives: corpus-external; negatives: corpus-negative)');
  console.log(`${'condition'.padEnd(22)}    tp   fp   fn    tn   prec.  recall  F1`);
  for (const cond of ['plain', 'chrome'] as const)
    for (const split of ['even', 'odd'] as const)
      console.log(
        row(
          `${cond} ${split}${split === 'even' ? ' (fit)' : ' (held out)'}`,
          tally((it) => it.condition === cond && it.split === split),
        ),
      );
  console.log(
    row(
      'plain all',
      tally((it) => it.condition === 'plain'),
    ),
  );
  console.log(
    row(
      'chrome all',
      tally((it) => it.condition === 'chrome'),
    ),
  );
  const overall = tally(() => true);
  console.log(row('overall', overall));

  const hard = results.filter(({ it }) => it.hard);
  const hardFp = hard.filter(({ r }) => r.speechLike);
  console.log(
    `\nHard news negatives (report or quote speeches): ${hard.length - hardFp.length}/${hard.length} correctly rejected`,
  );
  for (const { it, r } of hard)
    console.log(`  ${r.speechLike ? 'FP ' : 'ok '} ${it.file} ${it.condition.padEnd(6)} score ${r.score.toFixed(3)}`);

  const wrong = results.filter(({ it, r }) => it.positive !== r.speechLike);
  console.log(`\nErrors (${wrong.length}):`);
  for (const { it, r } of wrong)
    console.log(
      `  ${it.positive ? 'FN' : 'FP'} ${it.file} ${it.condition.padEnd(6)} score ${r.score.toFixed(3)} ${r.reasons.join(' ')}`,
    );
  return prf(overall);
}

/** Refits the logistic weights on the even-numbered files (both conditions) and prints them. */
export function fitDetect(): void {
  const train = items().filter((it) => it.split === 'even');
  const F = train.map((it) => features(it.text, it.title));
  const X = F.map(featureVector);
  const O = F.map(offset);
  const y = train.map((it) => (it.positive ? 1 : 0));
  const names = [...FEATURE_ORDER, ...DERIVED];
  const d = names.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  // Class-balanced, L2-regularised logistic regression by plain gradient descent: small and
  // deterministic, enough for ten features.
  // Every source (positives) and every kind (negatives; news quoting speeches is its own kind)
  // weighs the same, so 300 LegCo turns do not drown 30 reports, nor recipes the hard news.
  const groupOf = (it: Item) => `${it.positive}:${it.group}${it.hard ? ':hard' : ''}`;
  const groupSize = new Map<string, number>();
  for (const it of train) groupSize.set(groupOf(it), (groupSize.get(groupOf(it)) ?? 0) + 1);
  const groupsPerClass = (pos: boolean) => [...groupSize.keys()].filter((g) => g.startsWith(`${pos}:`)).length;
  const sampleWeight = train.map((it) => X.length / (2 * groupsPerClass(it.positive) * groupSize.get(groupOf(it))!));
  const lambda = 0.002;
  for (let iter = 0; iter < 20000; iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < X.length; i++) {
      const x = X[i]!;
      let z = b + O[i]!;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const weight = sampleWeight[i]!;
      const err = (p - y[i]!) * weight;
      for (let j = 0; j < d; j++) gw[j]! += err * x[j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) {
      w[j]! -= 0.5 * (gw[j]! / X.length + lambda * w[j]!);
      // Each signal is evidence in one direction by design; keeping the sign stops the fit from
      // reading e.g. reportage as speech-like just because recipes have none.
      const sign = j < FEATURE_ORDER.length ? FEATURE_SIGN[FEATURE_ORDER[j]!] : 1;
      if (sign * w[j]! < 0) w[j] = 0;
    }
    b -= 0.5 * (gb / X.length);
  }
  console.log(`export const WEIGHTS: readonly number[] = [${w.map((v) => v.toFixed(2)).join(', ')}];`);
  console.log(`export const BIAS = ${b.toFixed(2)};`);
  console.log(names.map((k, i) => `${k}=${w[i]!.toFixed(2)}`).join(' '));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--fit')) fitDetect();
  else await evalDetect();
}
