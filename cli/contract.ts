// The CLI's public JSON Lines contract. Other tools parse these objects, so each is built key by key
// from the engine's results: engine-side additions (a passage's `diff`, future optional fields)
// never leak into the output, and the key order is fixed.
import type {
  BoilerplateSpan,
  DatedDoc,
  DetectResult,
  LeftoverKind,
  LookupResult,
  MatchResult,
} from '../core/model/types';

export interface DetectJson {
  file: string;
  speechLike: boolean;
  score: number;
  script: DetectResult['script'];
  reasons: string[];
}

export interface MatchJson {
  file: string;
  text: string;
  candidates: Array<{ id: string; title: string; score: number }>;
  passages: Array<{
    start: number;
    end: number;
    docId: string;
    docStart: number;
    docEnd: number;
    similarity: number;
    /** Added field: every document holding the passage, docId first. */
    holders: string[];
    origin: DatedDoc | null;
    alsoIn: string[];
  }>;
  reuseRatio: number;
  date: string | null;
  place: string | null;
  leftovers: Array<{
    start: number;
    end: number;
    text: string;
    kind: LeftoverKind;
    docId: string | null;
    evidence: string;
  }>;
}

export interface LookupJson {
  query: string;
  total: number;
  /** Added field: documents holding the phrase, over all occurrences. */
  docs: number;
  hits: Array<{ docId: string; title: string; start: number; end: number; context: string }>;
}

export interface BoilerplateJson {
  file: string;
  text: string;
  spans: Array<{ start: number; end: number; phrase: string; docFreq: number; firstSeen: DatedDoc | null }>;
}

const datedJson = (d: DatedDoc | null | undefined): DatedDoc | null => (d ? { docId: d.docId, date: d.date } : null);

export function detectJson(file: string, r: DetectResult): DetectJson {
  return { file, speechLike: r.speechLike, score: r.score, script: r.script, reasons: [...r.reasons] };
}

export function matchJson(file: string, text: string, r: MatchResult): MatchJson {
  return {
    file,
    text,
    candidates: r.candidates.map((c) => ({ id: c.id, title: c.title, score: c.score })),
    passages: r.passages.map((p) => ({
      start: p.start,
      end: p.end,
      docId: p.docId,
      docStart: p.docStart,
      docEnd: p.docEnd,
      similarity: p.similarity,
      holders: p.holders ? [...p.holders] : [p.docId],
      origin: datedJson(p.origin),
      alsoIn: [...(p.alsoIn ?? [])],
    })),
    reuseRatio: r.reuseRatio,
    date: r.date ?? null,
    place: r.place ?? null,
    leftovers: (r.leftovers ?? []).map((l) => ({
      start: l.start,
      end: l.end,
      text: l.text,
      kind: l.kind,
      docId: l.docId,
      evidence: l.evidence,
    })),
  };
}

export function lookupJson(r: LookupResult): LookupJson {
  return {
    query: r.query,
    total: r.total,
    docs: r.docs,
    hits: r.hits.map((h) => ({ docId: h.docId, title: h.title, start: h.start, end: h.end, context: h.context })),
  };
}

export function boilerplateJson(file: string, text: string, spans: BoilerplateSpan[]): BoilerplateJson {
  return {
    file,
    text,
    spans: spans.map((s) => ({
      start: s.start,
      end: s.end,
      phrase: s.phrase,
      docFreq: s.docFreq,
      firstSeen: datedJson(s.firstSeen),
    })),
  };
}
