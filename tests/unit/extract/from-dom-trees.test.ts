// @vitest-environment happy-dom
// Issue 13, fault 12: a speech inside an open shadow root or a same-origin iframe was never read
// (the walk saw only the top document's light tree), so it was never detected or highlighted.
import { afterEach, describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../core/extract/from-dom';
import { seeds } from '../../fixtures/corpus';

const paragraphs = (body: string, n = 12) =>
  body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 20)
    .slice(0, n);
const squash = (s: string) => s.replace(/\s+/g, '');

function pageWithHost(mode: 'open' | 'closed', paras: string[]): { host: HTMLElement; root: ShadowRoot } {
  document.body.innerHTML =
    '<h1>讲话全文</h1><speech-view id="v"><p>宿主自己的一段文字，放在阴影树之后显示。同志们，我们要坚持高质量发展，推动各项工作落到实处。</p></speech-view>';
  const host = document.getElementById('v')!;
  const root = host.attachShadow({ mode });
  for (const text of paras) {
    const p = document.createElement('p');
    p.textContent = text;
    root.append(p);
  }
  return { host, root };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('extractFromDocument: shadow roots and frames', () => {
  const paras = paragraphs(seeds()[0]!.body);

  it('reads an open shadow root and maps spans back into the shadow tree', () => {
    const { root } = pageWithHost('open', paras);
    const page = extractFromDocument(document);
    for (const para of paras) expect(page.text).toContain(para);
    const at = page.text.indexOf(paras[3]!);
    const range = page.rangeOf(at, at + paras[3]!.length)!;
    expect(squash(range.toString())).toBe(squash(paras[3]!));
    expect(range.startContainer.getRootNode()).toBe(root);
    expect(range.endContainer.getRootNode()).toBe(root);
  });

  it('skips hidden elements inside a shadow root (the up-front query cannot see them)', () => {
    const { root } = pageWithHost('open', paras);
    const hidden = document.createElement('div');
    hidden.setAttribute('style', 'display:none');
    hidden.textContent = '这一段是隐藏的，不应该被读出来，无论它有多长多长多长。';
    root.append(hidden);
    expect(extractFromDocument(document).text).not.toContain('这一段是隐藏的');
  });

  it('reads a same-origin frame body as its own block, with Ranges of the frame document', async () => {
    document.body.innerHTML =
      '<h1>讲话全文</h1><iframe id="f"></iframe><p>框架之后的页面正文，同志们要认真学习贯彻落实，推动各项工作落到实处。</p>';
    const frameDoc = (document.getElementById('f') as HTMLIFrameElement).contentDocument;
    expect(frameDoc, 'happy-dom gives a same-origin frame a document').toBeTruthy();
    for (const text of paras) {
      const p = frameDoc!.createElement('p');
      p.textContent = text;
      frameDoc!.body.append(p);
    }
    const page = extractFromDocument(document);
    for (const para of paras) expect(page.text).toContain(para);
    const at = page.text.indexOf(paras[2]!);
    const range = page.rangeOf(at, at + paras[2]!.length)!;
    expect(range.startContainer.ownerDocument).toBe(frameDoc);
    expect(squash(range.toString())).toBe(squash(paras[2]!));
  });

  it('cannot read a closed shadow root (only its host light children)', () => {
    pageWithHost('closed', paras);
    const page = extractFromDocument(document);
    expect(page.text).not.toContain(paras[0]!);
    expect(page.text).toContain('宿主自己的一段文字');
  });

  it('reads a closed shadow root through the shadowRootOf the content script passes', () => {
    const { host, root } = pageWithHost('closed', paras);
    const page = extractFromDocument(document, { shadowRootOf: (el) => (el === host ? root : null) });
    for (const para of paras) expect(page.text).toContain(para);
    const at = page.text.indexOf(paras[1]!);
    expect(page.rangeOf(at, at + paras[1]!.length)!.startContainer.getRootNode()).toBe(root);
    // Not slotted, so not rendered: the host's own light text is not read.
    expect(page.text).not.toContain('宿主自己的一段文字');
  });
});

describe('extractFromDocument: a shadow host is read in rendered (composed) order', () => {
  const paras = paragraphs(seeds()[1]!.body, 6);

  /** A host whose shadow tree puts its light children at two named slots between its own text. */
  function slotted(mode: 'open' | 'closed') {
    document.body.innerHTML = `<h1>讲话全文</h1><speech-view id="v">
      <p slot="end">${paras[5]}</p><p>${paras[4]}</p><p slot="start">${paras[0]}</p></speech-view>`;
    const host = document.getElementById('v')!;
    const root = host.attachShadow({ mode });
    root.innerHTML = `<section><slot name="start"></slot><p>${paras[1]}</p><p>${paras[2]}</p>
      <slot><p>默认内容，有分配节点时不显示。</p></slot><p>${paras[3]}</p><slot name="end"></slot></section>`;
    return { host, root };
  }

  it('light children appear at their slots, in the order the page shows them', () => {
    slotted('open');
    const page = extractFromDocument(document);
    const at = paras.map((p) => page.text.indexOf(p));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual([at[0], at[1], at[2], at[4], at[3], at[5]]);
    // A slot with assigned nodes does not show its fallback content.
    expect(page.text).not.toContain('默认内容');
    // Slotted text maps back to the light-DOM nodes.
    const s = page.text.indexOf(paras[5]!);
    const range = page.rangeOf(s, s + paras[5]!.length)!;
    expect(range.startContainer.getRootNode()).toBe(document);
    expect(squash(range.toString())).toBe(squash(paras[5]!));
  });

  it('a slot with nothing assigned shows its fallback content; unslotted light children are not read', () => {
    document.body.innerHTML = `<h1>讲话全文</h1><speech-view id="v"><p slot="nowhere">${paras[3]}</p></speech-view>`;
    const root = document.getElementById('v')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<p>${paras[0]}</p><slot name="x"><p>${paras[1]}</p></slot><p>${paras[2]}</p>`;
    const page = extractFromDocument(document);
    expect(page.text.indexOf(paras[0]!)).toBeLessThan(page.text.indexOf(paras[1]!));
    expect(page.text.indexOf(paras[1]!)).toBeLessThan(page.text.indexOf(paras[2]!));
    expect(page.text).not.toContain(paras[3]!);
  });

  it('a closed host, opened by shadowRootOf, is read in the same order', () => {
    const { host, root } = slotted('closed');
    const page = extractFromDocument(document, { shadowRootOf: (el) => (el === host ? root : null) });
    const at = paras.map((p) => page.text.indexOf(p));
    expect([...at].sort((a, b) => a - b)).toEqual([at[0], at[1], at[2], at[4], at[3], at[5]]);
  });
});
