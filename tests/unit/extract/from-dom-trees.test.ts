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
});
