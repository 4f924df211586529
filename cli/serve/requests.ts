// Checks of what arrives at `suyuan serve`: a bad request gets a 400 naming the field, never
// reaches the engine. The page and options have the shapes the extension's background uses.
import type { PageText } from '../../core/model/page';
import { TUNABLES, inBounds } from '../../core/model/tunables';
import type { MatchOptions } from '../../core/model/types';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

const bad = (message: string) => new RequestError(400, message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export interface AnalyseRequest {
  page: PageText;
  options: MatchOptions;
}

function checkOptions(o: unknown): MatchOptions {
  if (o === undefined) return {};
  if (!isObject(o)) throw bad('options must be an object');
  const out: MatchOptions = {};
  for (const key of ['minPassageLength', 'boilerplateMinDocs', 'top'] as const) {
    if (o[key] === undefined) continue;
    const t = TUNABLES[key];
    if (!inBounds(t, o[key])) throw bad(`options.${key} must be a whole number from ${t.min} to ${t.max}`);
    out[key] = o[key];
  }
  for (const key of ['formulaPhrases', 'ignorePhrases'] as const) {
    if (o[key] === undefined) continue;
    if (!isStringList(o[key])) throw bad(`options.${key} must be a list of strings`);
    out[key] = o[key];
  }
  return out;
}

export function checkAnalyse(body: unknown): AnalyseRequest {
  if (!isObject(body) || !isObject(body.page)) throw bad('the body must be {"page": {"url", "title", "text"}}');
  const p = body.page;
  if (typeof p.text !== 'string') throw bad('page.text must be a string');
  if (p.url !== undefined && typeof p.url !== 'string') throw bad('page.url must be a string');
  if (p.title !== undefined && typeof p.title !== 'string') throw bad('page.title must be a string');
  // The page's date hints (PageText.meta and .lead), as the extension's own analysis reads them.
  if (p.meta !== undefined && !(isObject(p.meta) && Object.values(p.meta).every((v) => typeof v === 'string')))
    throw bad('page.meta must be an object of strings (meta tag name → content)');
  if (p.lead !== undefined && typeof p.lead !== 'string') throw bad('page.lead must be a string');
  const detect = isObject(p.detect) ? (p.detect as unknown as PageText['detect']) : null;
  const page: PageText = {
    url: (p.url as string | undefined) ?? '',
    title: (p.title as string | undefined) ?? '',
    text: p.text,
    detect: detect ?? { speechLike: false, score: 0, script: 'simplified', reasons: [] },
    ...(p.meta !== undefined ? { meta: p.meta as Record<string, string> } : {}),
    ...(p.lead !== undefined ? { lead: p.lead } : {}),
  };
  return { page, options: checkOptions(body.options) };
}

/** A lookup's phrase and limit from the query string. */
export function checkLookup(params: URLSearchParams): { query: string; limit: number } {
  const query = params.get('q') ?? '';
  if (query.trim() === '') throw bad('lookup needs a non-empty q');
  const raw = params.get('limit');
  const t = TUNABLES.lookupLimit;
  const limit = raw === null ? t.default : Number(raw);
  if (!inBounds(t, limit)) throw bad(`limit must be a whole number from ${t.min} to ${t.max}`);
  return { query, limit };
}
