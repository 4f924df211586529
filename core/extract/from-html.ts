// Main text of an HTML string (an imported page file, or a fixture). Streams the page through
// htmlparser2's tokenizer (no tree is built) into the shared BlockBuilder, so it runs in Node, the
// side panel and a worker alike. Entities (&nbsp; &amp; &#x…;) are decoded by the parser.
import { Parser } from 'htmlparser2';
import { BLOCK_TAGS, blockBuilder, NEVER_CHROME_TAGS, SKIP_TAGS, cleanTitle, isChromeName, pickMain } from './blocks';
import { chooseTitle } from './title';

export interface ExtractedText {
  title: string;
  text: string;
  /** Meta tags (name, property or http-equiv → content), for the page's own date. */
  meta?: Record<string, string>;
  /** The canonical address the page gives itself (link rel=canonical, og:url). */
  url?: string;
}

type Kind = 'skip' | 'block' | 'link' | 'inline';

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(attribs: Record<string, string>): boolean {
  return (
    'hidden' in attribs ||
    attribs['aria-hidden'] === 'true' ||
    (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style))
  );
}

export function extractFromHtml(html: string): ExtractedText {
  const builder = blockBuilder<null>(false);
  const stack: Kind[] = [];
  const headingStack: number[] = [];
  let skipping = 0; // depth of open skipped elements
  let links = 0;
  let inTitle = false;
  let docTitle = '';
  const headings: string[] = [];
  let headingText: string | null = null;
  const meta: Record<string, string> = {};
  let canonical: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        const key = attribs.name ?? attribs.property ?? attribs['http-equiv'];
        if (name === 'meta' && key && attribs.content) meta[key] = attribs.content;
        if (name === 'link' && /\bcanonical\b/i.test(attribs.rel ?? '') && attribs.href) canonical = attribs.href;
        if (skipping > 0) {
          stack.push('skip');
          skipping++;
          return;
        }
        const named = `${attribs.class ?? ''} ${attribs.id ?? ''}`.trim();
        if (SKIP_TAGS.has(name) || isHidden(attribs) || (!NEVER_CHROME_TAGS.has(name) && isChromeName(named))) {
          stack.push('skip');
          skipping = 1;
          return;
        }
        if (BLOCK_TAGS.has(name)) {
          builder.open();
          stack.push('block');
          const level = /^h([1-6])$/.exec(name);
          headingStack.push(level ? Number(level[1]) : 0);
          if (level && headingText === null) headingText = '';
        } else if (name === 'a') {
          links++;
          stack.push('link');
        } else {
          stack.push('inline');
        }
      },
      ontext(data) {
        if (inTitle) docTitle += data;
        if (skipping > 0) return;
        if (headingText !== null) headingText += data;
        builder.text(data, null, links > 0, headingStack[headingStack.length - 1] ?? 0);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        const kind = stack.pop();
        if (kind === 'skip') {
          skipping = Math.max(0, skipping - 1);
        } else if (kind === 'block') {
          builder.close();
          const level = headingStack.pop() ?? 0;
          if (level > 0 && headingText !== null && !headingStack.some((h) => h > 0)) {
            headings.push(headingText);
            headingText = null;
          }
        } else if (kind === 'link') {
          links--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  builder.finish();

  const kept = pickMain(builder.paragraphs, builder.parent);
  const paras = kept.map((i) => builder.paragraphs[i]!);
  return {
    title: chooseTitle(cleanTitle(docTitle), headings, paras),
    text: paras.map((p) => p.text).join('\n'),
    meta,
    url: canonical ?? meta['og:url'],
  };
}
