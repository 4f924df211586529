// The readable report for a person, one section per FILE. The JSON form is the contract; this one
// may change freely.
import { pageOlderThan } from '../core/evidence/direction';
import type {
  BoilerplateSpan,
  DetectResult,
  DiffOp,
  DocMeta,
  LeftoverKind,
  LookupResult,
  MatchResult,
  Passage,
} from '../core/model/types';
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

const KIND_LABEL: Record<LeftoverKind, string> = {
  place: '地名 place',
  person: '人名 person',
  organisation: '机构 organisation',
  date: '日期 date',
  placeholder: '占位符 placeholder',
};

/** The headline: particulars of the sources left in the page, before anything else; unfilled
 *  template slots follow on one line per slot text (a template page has dozens). */
function leftoverLines(r: MatchResult, st: Style): string[] {
  const ls = r.leftovers ?? [];
  if (ls.length === 0) return [];
  const lines = [`  ${st.warn(`遗留 leftovers (${ls.length})`)}:`];
  for (const l of ls.filter((x) => x.kind !== 'placeholder'))
    lines.push(
      `   ! ${st.warn(plain(l.text))}  ${KIND_LABEL[l.kind]}  page ${l.start}–${l.end}  ${st.dim(plain(l.docId ?? ''))}`,
      `     ${plain(l.evidence)}`,
    );
  const slots = new Map<string, number[]>();
  for (const l of ls.filter((x) => x.kind === 'placeholder'))
    slots.set(l.text, [...(slots.get(l.text) ?? []), l.start]);
  for (const [t, at] of slots) {
    const where = at.slice(0, 5).join(', ') + (at.length > 5 ? ', …' : '');
    lines.push(`   ! ${st.warn(plain(t))}  ${KIND_LABEL.placeholder} ×${at.length}  page ${where}`);
  }
  return lines;
}

function originNote(p: Passage, r: MatchResult, docMeta: (id: string) => DocMeta | undefined, st: Style): string {
  const parts: string[] = [];
  if (p.origin && p.origin.docId !== p.docId)
    parts.push(`最早 origin ${plain(p.origin.docId)} (${plain(p.origin.date)})`);
  if (p.alsoIn?.length) parts.push(`also in ${p.alsoIn.length}`);
  if (pageOlderThan(r.date, docMeta(p.docId)?.date)) parts.push(st.warn('本页早于该来源：可能是原稿'));
  return parts.length ? `     ${parts.join('; ')}` : '';
}

export function matchReport(
  file: string,
  text: string,
  r: MatchResult,
  docMeta: (id: string) => DocMeta | undefined,
  st: Style,
): string {
  const own = [r.date, r.place].filter(Boolean).join(', ');
  const lines = [
    `${st.bold(plain(file))}: 复用 reuse ${st.warn(pct(r.reuseRatio))} of ${text.replace(/\s/g, '').length} chars${own ? `  (${plain(own)})` : ''}`,
    ...leftoverLines(r, st),
  ];
  if (r.selfCopies?.length)
    lines.push(`  已存入你的语料库 saved in the corpus as ${plain(r.selfCopies.join(', '))} (not compared)`);
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
    const note = originNote(p, r, docMeta, st);
    if (note) lines.push(note);
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
      `   ${String(s.start).padStart(6)}–${String(s.end).padEnd(6)} ${plain(s.phrase)}  ${st.dim(`in ${s.docFreq} docs${s.firstSeen ? `, first ${plain(s.firstSeen.docId)} (${plain(s.firstSeen.date)})` : ''}`)}`,
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
