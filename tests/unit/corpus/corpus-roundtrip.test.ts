// @vitest-environment node
// One corpus format both ways: what the extension exports is read by `suyuan --corpus` as the
// same documents, and a CLI corpus folder zipped and imported gives the same documents in the
// extension. The extension side is the real background service on fake-indexeddb and the real
// panel import/export code; the CLI side is its own folder loader and the spawned command.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCorpusFolder } from '../../../cli/corpus-folder';
import {
  exportCorpusFiles,
  importCorpusEntries,
  zipCorpus,
  zipEntries,
} from '../../../components/corpus/corpus-archive';
import { detect } from '../../../core/detect/detect';
import type { CorpusDoc } from '../../../core/model/types';
import { createEngineHolder } from '../../../extension/background/engine-holder';
import { createSuyuanService } from '../../../extension/background/service';
import { syntheticSpeech } from '../../fixtures/synthetic-speech';
import { testBackground } from '../extension/helpers';
import { removeCliCache, runCli } from '../cli/run-cli';

const tmp = mkdtempSync(path.join(tmpdir(), 'suyuan-roundtrip-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeCliCache();
});
beforeEach(() => {
  fakeBrowser.reset();
});

function background() {
  const bg = testBackground();
  const service = createSuyuanService({
    ...bg.deps,
    engine: createEngineHolder({ bundled: async () => null, userDocs: () => bg.store.list() }),
  });
  return { ...bg, service };
}

/** What a document is, in both worlds: the id (extension ids carry `user/`), body and metadata. */
const FIELDS = ['title', 'date', 'place', 'source', 'script', 'url', 'capturedAt', 'body'] as const;
function comparable(doc: CorpusDoc) {
  const out: Record<string, unknown> = { id: doc.id.replace(/^user\//, '') };
  for (const k of FIELDS) if (doc[k] !== undefined) out[k] = doc[k];
  return out;
}
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));

describe('corpus folders between the extension and the CLI', () => {
  it('an exported zip, unpacked, is read by the CLI as the same documents, and matched against', async () => {
    const bg = background();
    await bg.service.setSettings({ keepPages: true });
    for (const seed of [31, 32]) {
      const s = syntheticSpeech(seed);
      const url = `https://site${seed}.example.gov.cn/a/${seed}.html`;
      await bg.service.analyzePage({ url, title: s.title, text: s.body, detect: detect(s.body, s.title) }, seed);
    }
    const pasted = syntheticSpeech(33);
    await bg.service.addDocs([{ title: pasted.title, body: `${pasted.body}\n\n  缩进的一行\n`, place: '长丰县' }]);
    await bg.service.importCorpus([
      { id: 'nested/dir/speech.txt', title: '导入的讲话', body: syntheticSpeech(34).body, origin: 'user', date: '2024' },
    ]);
    const stored = await bg.store.list();
    expect(stored).toHaveLength(4);

    const seen: number[] = [];
    const files = await exportCorpusFiles(bg.service, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(4);
    const zip = new Uint8Array(await (await zipCorpus('suyuan-corpus', files)).arrayBuffer());
    // Unpacked as a user would: the zip holds one folder.
    const unpacked = await JSZip.loadAsync(zip);
    const dir = path.join(tmp, 'exported');
    for (const f of Object.values(unpacked.files).filter((f) => !f.dir)) {
      expect(f.name.startsWith('suyuan-corpus/')).toBe(true);
      const out = path.join(tmp, 'exported', ...f.name.split('/').slice(1));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, await f.async('uint8array'));
    }
    const { docs: cliDocs } = await loadCorpusFolder(dir);
    expect(cliDocs.map(comparable).sort(byId)).toEqual(stored.map(comparable).sort(byId));

    // The command itself: a copy of a kept page finds it by the path the export gave it.
    const kept = stored.find((d) => d.via === 'kept')!;
    writeFileSync(path.join(tmp, 'page.txt'), kept.body.replace(/县/g, '区'));
    const res = await runCli(['match', path.join(tmp, 'page.txt'), '--corpus', dir, '--json']);
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout) as { candidates: { id: string }[] };
    expect(out.candidates[0]!.id).toBe(kept.id.replace(/^user\//, ''));
  });

  it('a CLI corpus folder, zipped and imported, gives the same documents in the extension; bad files are named', async () => {
    const dir = path.join(tmp, 'mycorpus');
    const write = (rel: string, content: string | Uint8Array) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    };
    const a = syntheticSpeech(41);
    write('county/a.md', `---\ntitle: ${a.title}\ndate: ${a.date}\nplace: ${a.place}\nsource: 县政府网\n---\n\n${a.body}\n`);
    write('plain.txt', syntheticSpeech(42).body);
    write('old/gbk.txt', iconv.encode(`在全县大会上的讲话\n${syntheticSpeech(43).body}`, 'gb18030'));
    write('trad.md', `---\ntitle: 施政報告\nscript: traditional\n---\n\n各位議員：\n${'我們會繼續推動經濟發展，改善民生。'.repeat(20)}`);
    const { docs: cliDocs } = await loadCorpusFolder(dir);
    expect(cliDocs).toHaveLength(4);

    // Zipped the way `zip -r mycorpus.zip mycorpus` does, plus files that cannot be read.
    const zip = new JSZip();
    for (const d of ['county/a.md', 'plain.txt', 'old/gbk.txt', 'trad.md']) {
      zip.file(`mycorpus/${d}`, (await import('node:fs')).readFileSync(path.join(dir, d)));
    }
    zip.file('mycorpus/broken.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]));
    zip.file('mycorpus/empty.txt', '');
    zip.file('mycorpus/notes.pdf', '%PDF-1.4');
    const entries = await zipEntries('mycorpus.zip', await zip.generateAsync({ type: 'uint8array' }));

    const bg = background();
    const progress: number[] = [];
    const report = await importCorpusEntries(entries, bg.service, (done) => progress.push(done));
    expect(report.errors.map((e) => e.name).sort()).toEqual(['broken.md', 'empty.txt']);
    expect(report.added).toHaveLength(4);
    expect(progress.at(-1)).toBe(6);
    const inExtension = (await bg.service.listDocs()).map((m) => bg.store.get(m.id));
    const docs = (await Promise.all(inExtension)).map((d) => d!);
    expect(docs.every((d) => d.via === 'imported')).toBe(true);
    expect(docs.map(comparable).sort(byId)).toEqual(cliDocs.map(comparable).sort(byId));

    // Importing the same folder again replaces, it does not duplicate.
    await importCorpusEntries(entries, bg.service, () => undefined);
    expect(await bg.store.count()).toBe(4);
  });
});
