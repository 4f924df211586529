// A self-contained comparison report (like a 查重 report) to save or mail: one HTML string with
// inline CSS and no external resources. Every piece of page or corpus text is escaped.
import type { CorpusDoc, DocMeta, Passage } from '../model/types';
import type { PageAnalysis } from '../model/page';
import { diffPieces } from './diff-pieces';
import { EVIDENCE_LABELS } from './evidence-labels';
import { EVIDENCE_CSS, leftoversSection, pageOlderNote, timelineSection } from './evidence-sections';
import { escapeHtml as esc } from './escape-html';
import { sourceColours } from './palette';
import { REPORT_LABELS, type ReportLabels, type ReportLang } from './report-labels';

export type { ReportLang } from './report-labels';

const CSS = `
body{font:15px/1.7 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1d1f23;background:#fff;margin:0;padding:24px;max-width:960px;margin:auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dbe0;padding-bottom:4px}
.meta{color:#5b616b;font-size:13px;word-break:break-all}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d8dbe0;border-radius:6px;padding:8px 14px}
.big{font-size:28px;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e4e6ea;padding:4px 6px;text-align:left;vertical-align:top}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:4px}
.text{white-space:pre-wrap;border:1px solid #e4e6ea;border-radius:6px;padding:12px}
mark{color:inherit;border-bottom:2px solid}sup{font-size:10px;font-weight:700;margin-left:1px}
.passage{border:1px solid #e4e6ea;border-radius:6px;padding:8px 12px;margin:10px 0}
.passage h3{font-size:14px;margin:0 0 6px}.diff{white-space:pre-wrap}
del{background:#fde2e1;color:#a4161a;text-decoration:line-through}ins{background:#dcf5e3;color:#1b6b36;text-decoration:none}
.sub{border:1px solid #c9a227;border-radius:4px;padding:0 3px;background:#fff8db;white-space:nowrap}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:10px}.cols div{white-space:pre-wrap}
@media print{body{padding:0}.passage{break-inside:avoid}}
${EVIDENCE_CSS}`;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const inkCount = (s: string) => s.replace(/\s/g, '').length;

export function renderComparisonReport(
  analysis: PageAnalysis,
  docs: Record<string, CorpusDoc | DocMeta>,
  lang: ReportLang = 'zh-CN',
): string {
  const L = REPORT_LABELS[lang];
  const E = EVIDENCE_LABELS[lang];
  const colours = sourceColours(analysis);
  const { page, match } = analysis;
  const metaOf = (id: string): DocMeta | undefined => docs[id] ?? analysis.docs[id];
  const titleOf = (id: string) => metaOf(id)?.title ?? match.candidates.find((c) => c.id === id)?.title ?? id;
  const ordered = match.passages
    .map((p, i) => ({ p, n: i + 1 }))
    .sort((a, b) => a.p.start - b.p.start || a.p.end - b.p.end);

  const parts = [
    `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${esc(L.title)} — ${esc(page.title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${esc(L.title)}</h1>`,
    `<p class="meta">${esc(L.page)}: ${esc(page.title)}<br>${esc(page.url)}<br>${esc(L.generated)}: ${esc(
      new Date(analysis.analysedAt).toISOString().replace('T', ' ').slice(0, 19),
    )} UTC</p>`,
    // The headline finding first: what the copier forgot to change, then who had the text first.
    leftoversSection(analysis, metaOf, E),
    pageOlderNote(analysis, metaOf, E),
    summary(analysis, L),
    sources(analysis, colours, metaOf, L),
    timelineSection(analysis, metaOf, E, L),
    fullText(page.text, ordered, colours, titleOf, L),
    passages(analysis, ordered, colours, titleOf, docs, L),
    boilerplate(analysis, L),
    `</body></html>`,
  ];
  return parts.join('\n');
}

function summary(a: PageAnalysis, L: ReportLabels): string {
  const d = a.page.detect;
  return `<h2>${esc(L.summary)}</h2><div class="cards">
<div class="card"><div class="big">${pct(a.match.reuseRatio)}</div>${esc(L.reuse)}</div>
<div class="card"><div class="big">${a.match.passages.length}</div>${esc(L.passages)}</div>
<div class="card">${esc(d.speechLike ? L.speechLike : L.notSpeechLike)}<br>${esc(L.score)} ${pct(d.score)}</div>
<div class="card">${esc(L.script)}<br>${esc(L.scripts[d.script])}</div></div>`;
}

function sources(
  a: PageAnalysis,
  colours: Map<string, string>,
  metaOf: (id: string) => DocMeta | undefined,
  L: ReportLabels,
): string {
  // Share of the page for sources with passages, nothing for the others (one meaning per column).
  const ink = Math.max(1, inkCount(a.page.text));
  const rows = a.match.candidates.map((c, i) => {
    const own = a.match.passages.filter((p) => p.docId === c.id);
    const chars = own.reduce((n, p) => n + inkCount(a.page.text.slice(p.start, p.end)), 0);
    const m = metaOf(c.id);
    return `<tr><td>${i + 1}</td><td><span class="sw" style="background:${colours.get(c.id) ?? '#999'}"></span>${esc(
      m?.title ?? c.title,
    )}</td><td>${esc(m?.date ?? '')}</td><td>${esc(m?.place ?? '')}</td><td>${own.length ? pct(chars / ink) : ''}</td><td>${
      own.length
    }</td><td>${chars}</td></tr>`;
  });
  return `<h2>${esc(L.sources)}</h2><table><thead><tr><th>${esc(L.rank)}</th><th>${esc(L.docTitle)}</th><th>${esc(
    L.date,
  )}</th><th>${esc(L.place)}</th><th>${esc(L.shareOfPage)}</th><th>${esc(L.passages)}</th><th>${esc(
    L.reusedChars,
  )}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function fullText(
  text: string,
  ordered: { p: Passage; n: number }[],
  colours: Map<string, string>,
  titleOf: (id: string) => string,
  L: ReportLabels,
): string {
  let out = '';
  let at = 0;
  for (const { p, n } of ordered) {
    const start = Math.max(p.start, at);
    if (p.end <= start) continue; // fully inside an earlier passage
    out += esc(text.slice(at, start));
    const c = colours.get(p.docId) ?? '#999';
    out += `<mark style="background:${c}33;border-color:${c}" title="${esc(titleOf(p.docId))}">${esc(
      text.slice(start, p.end),
    )}<sup>${n}</sup></mark>`;
    at = p.end;
  }
  out += esc(text.slice(at));
  return `<h2>${esc(L.fullText)}</h2><p class="meta">${esc(L.fullTextNote)}</p><div class="text">${out}</div>`;
}

function passages(
  a: PageAnalysis,
  ordered: { p: Passage; n: number }[],
  colours: Map<string, string>,
  titleOf: (id: string) => string,
  docs: Record<string, CorpusDoc | DocMeta>,
  L: ReportLabels,
): string {
  if (ordered.length === 0) return `<h2>${esc(L.passageDetail)}</h2><p>${esc(L.noPassages)}</p>`;
  const items = ordered.map(({ p, n }) => {
    const head = `<h3><span class="sw" style="background:${colours.get(p.docId) ?? '#999'}"></span>${esc(
      L.passageN(n),
    )} · ${esc(L.pageRange(p.start, p.end))} · ${esc(L.similarity)} ${pct(p.similarity)} · ${esc(
      L.docSide,
    )}: ${esc(titleOf(p.docId))}</h3>`;
    if (p.diff && p.diff.length > 0) return `<div class="passage">${head}<div class="diff">${diffHtml(p)}</div></div>`;
    const doc = docs[p.docId];
    const docText = doc && 'body' in doc ? doc.body.slice(p.docStart, p.docEnd) : '';
    return `<div class="passage">${head}<div class="cols"><div><b>${esc(L.pageSide)}</b>\n${esc(
      a.page.text.slice(p.start, p.end),
    )}</div><div><b>${esc(L.docSide)}</b>\n${esc(docText)}</div></div></div>`;
  });
  const legend = `<p class="meta">${esc(L.legend)}: <del>${esc(L.deleted)}</del> <ins>${esc(L.inserted)}</ins></p>`;
  return `<h2>${esc(L.passageDetail)}</h2>${legend}${items.join('\n')}`;
}

function diffHtml(p: Passage): string {
  return diffPieces(p.diff ?? [])
    .map((d) => {
      switch (d.kind) {
        case 'equal':
          return esc(d.text);
        case 'del':
          return `<del>${esc(d.text)}</del>`;
        case 'ins':
          return `<ins>${esc(d.text)}</ins>`;
        case 'sub':
          return `<span class="sub"><del>${esc(d.from)}</del>→<ins>${esc(d.to)}</ins></span>`;
      }
    })
    .join('');
}

function boilerplate(a: PageAnalysis, L: ReportLabels): string {
  if (a.boilerplate.length === 0) return '';
  const byPhrase = new Map<string, number>();
  for (const b of a.boilerplate) byPhrase.set(b.phrase, Math.max(byPhrase.get(b.phrase) ?? 0, b.docFreq));
  const rows = [...byPhrase]
    .sort((x, y) => y[1] - x[1])
    .map(([phrase, n]) => `<tr><td>${esc(phrase)}</td><td>${n}</td></tr>`);
  return `<h2>${esc(L.boilerplate)}</h2><table><thead><tr><th>${esc(L.boilerplate)}</th><th>${esc(
    L.docFreq,
  )}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
