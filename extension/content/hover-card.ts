// The small card that names the source speech when the pointer rests on a reused passage.
// It lives in the closed shadow root, so page CSS neither breaks it nor sees it. Its strings follow
// the panel's language (ui-lang.ts). A click asks the background to show the passage in the panel:
// Chromium opens the side panel; Firefox refuses sidebarAction.open() for a click on a web page
// (tested on 153.8: not even from a framed extension page, whose `browser` has content-script APIs
// only, no sidebarAction; Firefox keeps it so, w3c/webextensions#787; see tests/FAULTS.md), so
// there the card says how to open the sidebar, and the sidebar shows the passage when it opens
// (or at once when it is already open).
import type { Leftover } from '../../core/model/types';
import { fill, type PageStrings } from '../ui-lang';
import { createUiRoot, type UiRoot } from './ui-root';

export interface CardInfo {
  passageIndex: number;
  title: string;
  date?: string;
  /** 0..1 */
  similarity: number;
  /** Set on a leftover's card (the passage is the one holding it). */
  leftover?: Pick<Leftover, 'text' | 'kind' | 'pageUses' | 'evidence'>;
  /** Set on a 提法's card (title is the phrase): how many corpus documents hold the whole phrase. */
  formulaDocs?: number;
}

/** What a leftover's card says under its title: what the source had and what the page uses
 *  elsewhere, in the card's language (the engine's evidence sentence is Simplified Chinese). */
export function leftoverNote(s: PageStrings, l: NonNullable<CardInfo['leftover']>): string {
  if (l.kind === 'placeholder') return s.placeholder;
  return l.pageUses ? fill(s.had, l.text, l.pageUses) : l.evidence;
}

export interface HoverCard {
  show(info: CardInfo, pageX: number, pageY: number): void;
  hide(): void;
  /** The info shown now (the same object the caller passed), or null. */
  readonly shown: CardInfo | null;
  destroy(): void;
}

export function createHoverCard(
  doc: Document,
  onOpen: (passageIndex: number) => void,
  strings: PageStrings,
): HoverCard {
  let ui: UiRoot | null = null;
  let card: HTMLElement | null = null;
  let shown: CardInfo | null = null;
  const parts: Record<'title' | 'meta' | 'open', HTMLElement | null> = { title: null, meta: null, open: null };

  const build = (): HTMLElement => {
    ui = createUiRoot(doc, strings.css);
    const el = doc.createElement('div');
    el.className = 'card';
    el.setAttribute('role', 'button');
    el.hidden = true;
    for (const name of ['title', 'meta', 'open'] as const) {
      const p = doc.createElement('div');
      p.className = name;
      el.append(p);
      parts[name] = p;
    }
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if (shown && shown.passageIndex >= 0) onOpen(shown.passageIndex);
    });
    ui.root.append(el);
    return el;
  };

  return {
    show(info, pageX, pageY) {
      card ??= build();
      shown = info;
      const l = info.leftover;
      const n = info.formulaDocs;
      card.classList.toggle('warn', !!l);
      const pct = `${Math.round(info.similarity * 100)}%`;
      // Text only (textContent): the source's title and the leftover come from the corpus.
      parts.title!.textContent = l ? `${strings.leftover}${l.text}` : n === undefined ? info.title : strings.formula;
      parts.meta!.textContent = l
        ? `${leftoverNote(strings, l)} · ${info.title}`
        : n !== undefined
          ? `${info.title} · ${fill(strings.formulaDocs, n)}`
          : [info.date, `${strings.similarity} ${pct}`].filter(Boolean).join(' · ');
      parts.open!.textContent = strings.open;
      // No passage behind it (a 提法, a placeholder outside every passage): nothing to open.
      parts.open!.hidden = info.passageIndex < 0;
      // Below and right of the pointer, so the card never covers the words being read.
      card.style.left = `${Math.max(0, pageX + 12)}px`;
      card.style.top = `${Math.max(0, pageY + 16)}px`;
      card.hidden = false;
    },
    hide() {
      shown = null;
      if (card) card.hidden = true;
    },
    get shown() {
      return shown;
    },
    destroy() {
      (ui as UiRoot | null)?.remove();
      ui = null;
      card = null;
      shown = null;
    },
  };
}
