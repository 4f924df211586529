// The readable report for a person, one section per FILE. The JSON form is the contract; this one
// may change freely.
import type { BoilerplateSpan, DetectResult, DiffOp, DocMeta, LookupResult, MatchResult } from '../core/model/types';
import { plain } from './plain';
import type { Style } from './style';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A one-line excerpt: whitespace collapsed, long texts cut in the middle. */
export function snippet(s: string, max = 60): string {
  const flat = plain(s).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 1) / 2);
  return `${flat.slice(0, half)}…${flat.slice(flat.length - half)}`;
}

/**
 * Drops differences that are only whitespace (a page re-flowing paragraphs is not an edit a reader
 * cares about): whitespace-only steps, and a delete/insert pair equal once whitespace is removed.
 */
export function readableEdits(diff: DiffOp[]): DiffOp[] {
  const strip = (s: string) => s.replace(/\s+/g, '');
  const out: DiffOp[] = [];
  for (let i = 0; i < diff.length; i++) {
    const [op, s] = diff[i]!;
    const next = diff[i + 1];
    let step: DiffOp | null = null;
    if (op !== 0 && next && next[0] === -op && strip(s) === strip(next[1])) {
      step = [0, op === 1 ? s : next[1]];
      i++;
    } else if (op === 0 || strip(s) !== '') step = [op, s];
    if (!step) continue;
    const last = out[out.length - 1];
    if (last && last[0] === step[0]) last[1] += step[1];
    else out.push(step);
  }
  return out;
}

export function detectReport(file: string, r: DetectResult, st: Style): string {
  const verdict = r.speechLike ? st.good('讲话类 speech-like') : st.dim('非讲话类 not speech-like');
  return [
    `${st.bold(plain(file))}: ${verdict}  score ${r.score.toFixed(2)}  script ${r.script}`,
    r.reasons.length ? `  signals: ${plain(r.reasons.join(', '))}` : '  signals: (none)',
  ].join('\n');
}

export function matchReport(
  file: string,
  text: string,
  r: MatchResult,
  docMeta: (id: string) => DocMeta | undefined,
  st: Style,
): string {
  const lines = [
    `${st.bold(plain(file))}: 复用 reuse ${st.warn(pct(r.reuseRatio))} of ${text.replace(/\s/g, '').length} chars`,
  ];
  if (r.candidates.length === 0) lines.push('  no similar speech in the corpus');
  else {
    lines.push('  候选 candidates:');
    r.candidates.forEach((c, i) => {
      const m = docMeta(c.id);
      const extra = plain([m?.date, m?.place].filter(Boolean).join(', '));
      lines.push(
        `   ${i + 1}. ${c.score.toFixed(3)}  ${plain(c.title)}${extra ? ` (${extra})` : ''}  ${st.dim(plain(c.id))}`,
      );
    });
  }
  if (r.passages.length) lines.push(`  段落 passages (${r.passages.length}):`);
  for (const p of r.passages) {
    lines.push(
      `   • page ${p.start}–${p.end} ← ${plain(p.docId)} ${p.docStart}–${p.docEnd}  similarity ${pct(p.similarity)}`,
      `     ${snippet(text.slice(p.start, p.end))}`,
    );
    if (p.holders && p.holders.length > 1) lines.push(`     also held by 同见于: ${p.holders.slice(1).join(', ')}`);
    const edits = p.diff ? readableEdits(p.diff) : [];
    if (edits.some(([op]) => op !== 0)) {
      const shown = edits
        .map(([op, s]) => {
          const flat = plain(s).replace(/\s+/g, ' ');
          return op === 0 ? snippet(flat, 24) : op === -1 ? st.del(flat) : st.ins(flat);
        })
        .join('');
      lines.push(`     diff: ${shown}`);
    }
  }
  return lines.join('\n');
}

export function boilerplateReport(file: string, text: string, spans: BoilerplateSpan[], st: Style): string {
  const lines = [`${st.bold(plain(file))}: ${spans.length} 提法 formulaic span(s)`];
  for (const s of spans) {
    lines.push(
      `   ${String(s.start).padStart(6)}–${String(s.end).padEnd(6)} ${plain(s.phrase)}  ${st.dim(`in ${s.docFreq} docs`)}`,
    );
  }
  if (spans.length === 0 && text.trim()) lines.push('   (none)');
  return lines.join('\n');
}

export function lookupReport(r: LookupResult, st: Style): string {
  const lines = [
    `${st.bold(`“${plain(r.query)}”`)}: ${r.total} occurrence(s)${r.hits.length < r.total ? `, first ${r.hits.length} shown` : ''}`,
  ];
  for (const h of r.hits) {
    lines.push(
      `   ${plain(h.title)}  ${st.dim(`${plain(h.docId)} ${h.start}–${h.end}`)}`,
      `     ${snippet(h.context, 80)}`,
    );
  }
  return lines.join('\n');
}
