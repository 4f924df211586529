// The text looksChinese() is asked about: the title and the first few thousand characters of
// visible-ish text, read node by node so a huge page costs no more than a small one
// (document.body.textContent would serialise the whole page).

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CODE', 'PRE']);

export function pageSample(doc: Document, maxChars = 3000, maxNodes = 4000): string {
  let out = doc.title ?? '';
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  for (let n = walker.nextNode(); n && out.length < maxChars && nodes < maxNodes; n = walker.nextNode()) {
    nodes++;
    const parent = n.parentElement;
    if (parent && SKIP.has(parent.tagName.toUpperCase())) continue;
    const t = (n as Text).data;
    if (t.trim() !== '') out += t;
  }
  return out.slice(0, maxChars);
}
