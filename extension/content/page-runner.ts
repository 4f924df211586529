// What the content script does on a page: cheap Chinese check, settings, extraction, detection,
// analysis by the background, highlights and the hover card; again after in-page navigation or
// late content. Every entry point is guarded so no error reaches the page.
import { detectSpeechSliced } from '../../core/detect/speech';
import { looksChinese } from '../../core/detect/early-exit';
import { extractFromDocumentSliced, type DomText } from '../../core/extract/from-dom';
import { slicer, type Slicer } from '../../core/extract/slices';
import { suyuan } from '../messaging';
import type { ContentService } from '../protocol';
import type { PageAnalysis, SentPage } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import { isSiteDisabled } from '../site-filter';
import { guard, log } from './guard';
import { createHighlighter, type Highlighter } from './highlighter';
import { targetAt, type HitTarget } from './hit-test';
import { createHoverCard, type CardInfo, type HoverCard } from './hover-card';
import { leftoverTargets } from './leftover-marks';
import { dateMeta, leadLines } from './page-hints';
import { spansToRanges } from './ranges';
import { pageSample } from './sample';
import { isUiHost } from './ui-root';
import type { PageStrings } from '../ui-lang';

/** Late-content re-runs allowed per URL (MutationObserver), so a busy page cannot loop us. */
const MAX_LATE_RUNS = 3;
const LATE_DEBOUNCE_MS = 1500;
const NAV_DEBOUNCE_MS = 300;
/** In-page navigations (history API) start at most one analysis per this interval, and a burst
 *  of them waits at most NAV_MAX_WAIT_MS: a page calling pushState every 400 ms got ~72 analyses
 *  in 20 s, each flipping the badge. */
export const NAV_MIN_INTERVAL_MS = 4000;
const NAV_MAX_WAIT_MS = 2000;
const HOVER_DELAY_MS = 200;
/** Longest stretch of work after the walk before the page gets its turn. */
const SLICE_MS = 8;

export interface RunnerEnv {
  doc: Document;
  win: Window;
  /** Schedules with the content-script context, so timers die with it. */
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  service: Pick<typeof suyuan, 'getSettings' | 'analyzePage' | 'showPassage'> &
    Partial<Pick<typeof suyuan, 'pageStrings' | 'hoverPassage'>>;
}

interface PageState {
  dom: DomText;
  page: SentPage;
  analysis: PageAnalysis | null;
  settings: Settings;
  passages: HitTarget<CardInfo>[];
}

export class PageRunner implements ContentService {
  private state: PageState | null = null;
  private highlighter: Highlighter | null = null;
  private card: HoverCard | null = null;
  private runId = 0;
  private lateRuns = 0;
  private lateTimer = 0;
  private navTimer = 0;
  private navDeadline = 0;
  private navPending = false;
  private lastNavRun = -Infinity;
  private hoverTimer = 0;
  private flashTimer = 0;
  private observer: MutationObserver | null = null;
  private lastUrl: string;
  private stopped = false;
  private analysedBefore = false;
  /** Stops the current run's extraction (a newer run, navigation or stop() supersedes it). */
  private runAbort: AbortController | null = null;

  constructor(private readonly env: RunnerEnv) {
    this.lastUrl = env.win.location.href;
  }

  /** The analysis shown on the page now (for tests and the panel). */
  get current(): PageAnalysis | null {
    return this.state?.analysis ?? null;
  }

  /** One full pass. Resolves when highlights are on (or when the page turned out not to qualify). */
  async run(): Promise<void> {
    if (this.stopped) return;
    const id = ++this.runId;
    const { doc, win } = this.env;
    this.clearPage();
    // Must stay cheap: this is all that runs on the great majority of pages.
    if (!looksChinese(pageSample(doc))) return;
    const settings = await this.env.service.getSettings();
    if (id !== this.runId) return;
    if (isSiteDisabled(win.location.hostname, settings.disabledSites)) return;
    this.runAbort?.abort();
    const abort = new AbortController();
    this.runAbort = abort;
    try {
      // One slicer for the whole run: the walk, detection and ranges share its budget, so the
      // work after the walk starts in a fresh slice when scoring the paragraphs used this one up.
      const slice = slicer(SLICE_MS, abort.signal);
      const dom = await this.extract(slice);
      if (id !== this.runId || this.stopped) return;
      await slice.pause();
      const page = await this.sent(dom, slice);
      if (id !== this.runId || this.stopped) return;
      this.state = { dom, page, analysis: null, settings, passages: [] };
      // After an in-page navigation away from an analysed speech the background still holds the old
      // result (it cannot see URLs without the tabs permission): send the new page so it replaces it.
      if (!page.detect.speechLike && !this.analysedBefore) return;
      this.analysedBefore = page.detect.speechLike;
      const analysis = await this.env.service.analyzePage(page);
      // A newer run (navigation, refresh) owns the page now.
      if (id !== this.runId || this.stopped || !analysis) return;
      this.state.analysis = analysis;
      this.strings ??= await this.env.service.pageStrings?.();
      if (settings.autoHighlight) await this.paint(this.state, analysis, slice);
    } catch (err) {
      if (abort.signal.aborted) return; // superseded: the newer run owns the page
      throw err;
    }
  }

  /** Builds the highlight ranges in slices, then draws them all at once: each change to the
   *  highlight registry repaints the whole page, which on a huge DOM costs a long frame by itself. */
  private async paint(state: PageState, analysis: PageAnalysis, slice: Slicer): Promise<void> {
    const { text } = state.page;
    const { rangeOf } = state.dom;
    const passages = await spansToRanges(text, analysis.match.passages, rangeOf, slice);
    const formula = await spansToRanges(text, analysis.boilerplate, rangeOf, slice);
    const leftovers = await leftoverTargets(text, analysis, rangeOf, slice);
    this.highlighter ??= createHighlighter(this.env.doc, this.env.win);
    this.highlighter.set(
      'reuse',
      passages.flatMap((p) => p.ranges),
    );
    this.highlighter.set(
      'formula',
      formula.flatMap((p) => p.ranges),
    );
    this.highlighter.set(
      'leftover',
      leftovers.flatMap((l) => l.ranges),
    );
    // A 提法's card gives its document count (the panel's and lookup's `docs`); it opens nothing.
    const phrases = formula.map(({ item, ranges }) => ({
      ranges,
      item: { passageIndex: -1, title: item.phrase, similarity: 0, formulaDocs: item.docFreq } as CardInfo,
    }));
    // The narrower marks first: the pointer on a leftover or a 提法 shows its card, not its passage's.
    state.passages = leftovers.concat(
      phrases,
      passages.map(({ item, index, ranges }) => {
        const meta = analysis.docs[item.docId];
        const info: CardInfo = {
          passageIndex: index,
          title: meta?.title ?? item.docId,
          similarity: item.similarity,
        };
        if (meta?.date) info.date = meta.date;
        return { ranges, item: info };
      }),
    );
    // The pointer over a same-origin frame moves in the frame's document, which the top
    // document's listener never hears: listen in each frame holding marks, once.
    for (const r of state.passages.flatMap((t) => t.ranges)) {
      const d = r.startContainer.ownerDocument!;
      if (d === this.env.doc || this.frames.has(d)) continue;
      this.frames.add(d);
      d.addEventListener('pointermove', this.onFramePointer, { passive: true });
    }
  }

  private readonly frames = new Set<Document>();
  /** The passage index last told to the background as under the pointer (-1: none). */
  private hovered = -1;
  /** The card's strings, from the background (interface language). */
  private strings: PageStrings | undefined;
  private readonly onFramePointer = guard('pointer', (e: PointerEvent) => this.onPointerMove(e));

  /** The page's text, walked in slices so a huge page keeps responding. */
  private extract(slice: Slicer): Promise<DomText> {
    return extractFromDocumentSliced(this.env.doc, { slice, shadowRootOf: closedRoot });
  }

  /** Removes everything drawn and forgets the page. */
  private clearPage(): void {
    this.highlighter?.clear();
    this.card?.hide();
    this.state = null;
  }

  // ContentService

  async reveal(start: number, end: number): Promise<boolean> {
    const state = this.state;
    if (!state) return false;
    const pieces = await spansToRanges(state.page.text, [{ start, end }], state.dom.rangeOf);
    const first = pieces[0]?.ranges[0];
    if (!first) return false;
    const el = first.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.highlighter ??= createHighlighter(this.env.doc, this.env.win);
    // Flash every piece of the span (it may cross paragraphs).
    const ranges = pieces[0]!.ranges;
    this.highlighter.set('flash', ranges);
    const h = this.highlighter;
    // A newer flash cancels the older one's clearing, so it gets its full time.
    this.env.clearTimeout(this.flashTimer);
    this.flashTimer = this.env.setTimeout(() => h.set('flash', []), 1600);
    return true;
  }

  async refresh(): Promise<void> {
    await this.run();
  }

  async update(a: PageAnalysis): Promise<void> {
    const s = this.state;
    if (!s?.analysis || a.page.text !== s.page.text) return;
    s.analysis = a;
    if (s.settings.autoHighlight) await this.paint(s, a, slicer(SLICE_MS));
  }

  async getPageText(): Promise<SentPage | null> {
    if (this.state) return this.state.page;
    // The panel asks about a page the runner skipped (not speech-like, or not yet run).
    const slice = slicer(SLICE_MS);
    const dom = await this.extract(slice);
    return dom.text.trim() === '' ? null : this.sent(dom, slice);
  }

  /** The page as sent to the background: text, detection, and its date hints (page-hints.ts). */
  private async sent(dom: DomText, slice: Slicer): Promise<SentPage> {
    const { doc, win } = this.env;
    const detect = await detectSpeechSliced(dom.text, dom.title, slice);
    const page: SentPage = { url: win.location.href, title: dom.title, text: dom.text, detect };
    if (dom.truncated) page.truncated = true;
    if (!detect.speechLike) return page;
    await slice.pause();
    return { ...page, meta: dateMeta(doc), lead: leadLines(doc) };
  }

  // Page events

  /** In-page navigation (history API): start over on the new content. */
  onLocationChange(): void {
    if (this.env.win.location.href === this.lastUrl) return;
    this.lastUrl = this.env.win.location.href;
    this.lateRuns = 0;
    this.card?.hide();
    this.runId++;
    this.runAbort?.abort();
    this.env.clearTimeout(this.navTimer);
    // Debounced, with a maximum wait, and rate-limited; run() clears the old marks when it starts.
    const now = Date.now();
    if (!this.navPending) {
      this.navPending = true;
      this.navDeadline = Math.max(now + NAV_MAX_WAIT_MS, this.lastNavRun + NAV_MIN_INTERVAL_MS);
    }
    const at = Math.max(Math.min(now + NAV_DEBOUNCE_MS, this.navDeadline), this.lastNavRun + NAV_MIN_INTERVAL_MS);
    this.navTimer = this.env.setTimeout(
      guard('navigation', () => {
        this.navPending = false;
        this.lastNavRun = Date.now();
        return this.run();
      }),
      at - now,
    );
  }

  /** Watches for content that arrives after document_idle (client-rendered pages). */
  observeLateContent(): void {
    const { doc, win } = this.env;
    const Observer = (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver;
    if (!doc.body || typeof Observer !== 'function') return;
    const observer = new Observer((records) => {
      if (this.lateRuns >= MAX_LATE_RUNS) return;
      // Our own UI host changing is not the page changing.
      if (records.every((r) => isUiHost(r.target) || isOurs(r))) return;
      // Content under our highlights was replaced (a single-page site swapping its article):
      // the live ranges collapsed, so drop the highlights now rather than after the debounce.
      if (this.hasStaleRanges()) {
        this.highlighter?.clear();
        this.card?.hide();
        if (this.state) this.state.passages = [];
      }
      this.lateContent();
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    this.observer = observer;
    // A frame that finishes loading after us (Firefox runs us before the frames load): its text is
    // late content too. Load events do not bubble, but a capturing listener sees them.
    doc.addEventListener('load', this.onFrameLoad, true);
  }

  private readonly onFrameLoad = (e: Event): void => {
    if ((e.target as Element | null)?.localName === 'iframe') this.lateContent();
  };

  /** Another pass after the page settles, at most MAX_LATE_RUNS per URL, only if the text changed. */
  private lateContent(): void {
    if (this.lateRuns >= MAX_LATE_RUNS) return;
    this.env.clearTimeout(this.lateTimer);
    this.lateTimer = this.env.setTimeout(
      guard('late content', async () => {
        if (this.lateRuns >= MAX_LATE_RUNS) return;
        this.lateRuns++;
        // Highlighted ranges are live and follow DOM edits; only a page we have not
        // analysed yet, or one whose text changed, is worth another pass.
        if (this.state?.analysis && (await this.textUnchanged())) return;
        await this.run();
      }),
      LATE_DEBOUNCE_MS,
    );
  }

  private hasStaleRanges(): boolean {
    const passages = this.state?.passages;
    if (!passages) return false;
    return passages.some((p) => p.ranges.some((r) => r.collapsed || !r.startContainer.isConnected));
  }

  private async textUnchanged(): Promise<boolean> {
    if (!this.state) return false;
    const now = await this.extract(slicer(SLICE_MS));
    return now.text === this.state?.page.text;
  }

  /** Shows the hover card after the pointer rests on a passage. */
  onPointerMove(ev: PointerEvent): void {
    // A page that cleared CSS.highlights gets the marks back (a few map lookups per move).
    this.highlighter?.restore();
    const passages = this.state?.passages;
    if (!passages || passages.length === 0) return;
    this.env.clearTimeout(this.hoverTimer);
    const { clientX: x, clientY: y } = ev;
    // The card itself is inside our host: moving onto it keeps it open.
    if (isUiHost(ev.target)) return;
    // A frame's listener: the point is in the frame's viewport, the card goes in the top page.
    const cur = ev.currentTarget as Document | null;
    const doc = cur?.nodeType === 9 ? cur : this.env.doc;
    const [ox, oy] = doc === this.env.doc ? [ev.pageX - x, ev.pageY - y] : frameOffset(doc, this.env.win);
    this.hoverTimer = this.env.setTimeout(
      guard('hover', () => {
        const info = targetAt(doc, passages, x, y);
        // The background keeps the passage under the pointer for the context menu's "view this
        // passage" and the sidebar's shortcut (Firefox opens the sidebar only from those).
        const index = info?.passageIndex ?? -1;
        if (index !== this.hovered)
          this.env.service.hoverPassage?.((this.hovered = index)).catch((e: unknown) => log('hover', e));
        if (!info) {
          this.card?.hide();
          return;
        }
        if (this.card?.shown === info || !this.strings) return;
        this.card ??= createHoverCard(
          this.env.doc,
          (index) => {
            this.env.service.showPassage(index).catch((err: unknown) => log('show passage', err));
          },
          this.strings,
        );
        this.card.show(info, ox + x, oy + y);
      }),
      HOVER_DELAY_MS,
    );
  }

  onResize(): void {
    this.highlighter?.relayout();
  }

  stop(): void {
    this.stopped = true;
    this.runId++;
    this.runAbort?.abort();
    this.observer?.disconnect();
    this.env.doc.removeEventListener('load', this.onFrameLoad, true);
    for (const d of this.frames) d.removeEventListener('pointermove', this.onFramePointer);
    this.frames.clear();
    for (const t of [this.lateTimer, this.navTimer, this.hoverTimer, this.flashTimer]) this.env.clearTimeout(t);
    this.highlighter?.destroy();
    this.card?.destroy();
    this.highlighter = null;
    this.card = null;
    this.state = null;
  }
}

/** A closed shadow root, which content scripts may open: chrome.dom in Chromium, a property of the
 *  element in Firefox (undefined when there is none: the walk takes it as no root). */
const closedRoot = (el: Element): ShadowRoot | null =>
  (
    globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }
  ).chrome?.dom?.openOrClosedShadowRoot?.(el) ??
  (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot!;

/** Where a (nested) same-origin frame's viewport starts in the top page. */
function frameOffset(doc: Document, top: Window): [number, number] {
  let x = top.scrollX;
  let y = top.scrollY;
  for (let w: Window | null = doc.defaultView; w?.frameElement; w = w.parent) {
    const f = w.frameElement;
    const r = f.getBoundingClientRect();
    x += r.left + f.clientLeft;
    y += r.top + f.clientTop;
  }
  return [x, y];
}

function isOurs(r: MutationRecord): boolean {
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => isUiHost(n));
}
