import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromPlainText } from '../../components/corpus/import-file';
import { importFiles, IMPORT_BATCH } from '../../components/corpus/import-files';
import { zhCN } from '../../components/i18n/zh-CN';
import type { NewDoc, PageAnalysis } from '../../core/model/page';
import { report as bundledReport, seedPage } from '../fixtures/corpus';
import { analyse, buildPage, createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';
import { docxOf } from '../fixtures/docx';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { contentId, UserDocStore } from '../../extension/storage/user-docs';

afterEach(cleanup);
const corpusPanel = () => document.getElementById('sy-panel-corpus')!;

function openCorpus(
  opts: { analyses?: Record<number, PageAnalysis | null>; tabId?: number | null; docs?: UserDocStore } = {},
) {
  const docs = opts.docs ?? new UserDocStore(`corpus-view-${Date.now()}-${Math.random()}`);
  const fake = createFakeService({ docs: seedDocs(), analyses: opts.analyses, store: docs });
  renderPanel({ service: fake.service, bus: fake.bus, tabId: opts.tabId ?? null, docs });
  fireEvent.click(screen.getByRole('tab', { name: '语料库' }));
  return fake;
}

function pickFiles(label: string, files: File[]) {
  const input = within(corpusPanel()).getByText(label).querySelector('input')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

// A plain-text file with a `title:` / `source:` header (the 1955 report), and a speech page with
// its site junk (seed 002 as its template site serves it).
const r1955 = bundledReport('gwr-1955');
const report = `title: ${r1955.title}\nsource: ${r1955.source}\n\n${r1955.body}\n`;
const reportTitle = r1955.title;
const seed = seedPage('002').body;

describe('corpus view', () => {
  it('lists bundled speeches and filters them', async () => {
    openCorpus();
    const panel = corpusPanel();
    expect(await within(panel).findByText('市委动员会议讲话(区)')).toBeTruthy();
    fireEvent.input(within(panel).getByRole('searchbox', { name: '筛选语料库' }), {
      target: { value: '全市组织部长会议' },
    });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.doc-title')!.textContent)).toEqual(['全市组织部长会议讲话']);
  });

  it('imports good files, keeps them, and names each refused file with its reason', async () => {
    const fake = openCorpus();
    await within(corpusPanel()).findByText('市委动员会议讲话(区)');
    const pdf = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.4\n'),
      0,
      0,
      0xff,
      0xfe,
      0x00,
      0x9c,
      0x00,
      0x01,
      0x02,
    ]);
    const html = `<html><head><meta charset="utf-8"><title>全市组织部长会议讲话</title></head><body><nav>首页 | 新闻</nav><article><h1>全市组织部长会议讲话</h1><p>${seed
      .split('\n')
      .filter((l) => l.trim())
      .slice(3, 12)
      .join('</p><p>')}</p></article><footer>版权所有 ICP备12345号</footer></body></html>`;
    pickFiles('导入文件', [
      new File([report], 'report.txt'),
      new File([new Uint8Array(iconv.encode(seed, 'gb18030'))], 'seed-gbk.txt'),
      new File([html], 'speech.html'),
      new File(
        [
          await docxOf([
            '全市组织部长会议讲话',
            ...seed
              .split('\n')
              .filter((l) => l.trim())
              .slice(3, 12),
          ]),
        ],
        '部长会议讲话.docx',
      ),
      new File([pdf], 'scan.pdf'),
      new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], 'notes.docx'),
      new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], 'old.doc'),
    ]);
    const status = await within(corpusPanel()).findByText(/以下文件未导入/, undefined, { timeout: 10_000 });
    const lines = [...status.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^scan\.pdf: .*PDF/);
    expect(lines[1]).toBe(`notes.docx: ${zhCN.notADocx}`);
    expect(lines[2]).toBe(`old.doc: ${zhCN.docUnsupported}`);
    // The html page and the Word file hold the same text: one document (imports are idempotent by content).
    expect(within(corpusPanel()).getByText('已导入 3 篇')).toBeTruthy();
    const added = fake.service.addDocs.mock.calls.flatMap(([docs]) => docs);
    expect(added.map((d) => d.title)).toEqual([
      reportTitle,
      '全市组织部长会议讲话',
      '全市组织部长会议讲话',
      '全市组织部长会议讲话',
    ]);
    // The Word file's paragraphs arrive as lines of text, in order.
    expect(added[3]!.body).toContain('这次全市组织部长会议');
    expect(added[3]!.body.split('\n').length).toBeGreaterThan(5);
    expect(added[1]!.body).toContain('这次全市组织部长会议');
    expect(added[2]!.body).not.toContain('ICP备');
    await waitFor(() => expect(within(corpusPanel()).getAllByText(reportTitle)).toHaveLength(1));
  });

  it('reports progress in batches over many files', async () => {
    const addDocs = vi.fn(async (docs: NewDoc[]) =>
      docs.map((d, i) => ({ ...d, id: `u${i}`, origin: 'user' as const })),
    );
    const files = Array.from({ length: IMPORT_BATCH * 2 + 5 }, (_, i) => new File([`${report}\n${i}`], `r${i}.txt`));
    const seen: [number, number][] = [];
    const result = await importFiles(files, { addDocs }, zhCN, (d, t) => seen.push([d, t]));
    expect(result.added).toHaveLength(files.length);
    expect(seen.map(([d]) => d)).toEqual([0, IMPORT_BATCH, IMPORT_BATCH * 2, files.length]);
    expect(addDocs).toHaveBeenCalledTimes(3);
  });

  it('reads corpus front matter from a plain-text file', () => {
    const doc = fromPlainText(report);
    expect(doc.title).toBe(reportTitle);
    expect(doc.source).toBe(r1955.source);
    expect(report.trimEnd().endsWith(doc.body)).toBe(true);
    expect(doc.body).not.toMatch(/^(title|source):/m);
  });

  it('shows a failed restore in the interface language and writes nothing', async () => {
    const docs = new UserDocStore(`corpus-view-${Date.now()}-a`);
    const fake = openCorpus({ docs });
    fake.service.getSettings.mockResolvedValue(DEFAULT_SETTINGS);
    await within(corpusPanel()).findByText('市委动员会议讲话(区)');
    pickFiles('恢复备份', [new File(['{"format": "suyuan-backup", "version": 1, "docs": "oops"}'], 'backup.json')]);
    const alert = await within(corpusPanel()).findByRole('alert');
    expect(alert.textContent).toBe('恢复失败，原有数据未改动：备份中的 docs 不是列表');
    expect(await docs.count()).toBe(0);
    expect(fake.service.corpusRestored).not.toHaveBeenCalled();
  });

  it('restores a backup after naming what it will change, with progress, settings it names only', async () => {
    const docs = new UserDocStore(`corpus-view-${Date.now()}-b`);
    const fake = openCorpus({ docs });
    fake.service.getSettings.mockResolvedValue(DEFAULT_SETTINGS);
    await within(corpusPanel()).findByText('市委动员会议讲话(区)');
    const backup = JSON.stringify({
      format: 'suyuan-backup',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      settings: { minPassageLength: 50 },
      docs: [{ id: 'user/x.md', title: '恢复的讲话', body: seed, origin: 'user', addedAt: 5 }],
    });
    pickFiles('恢复备份', [new File([backup], 'backup.json')]);
    const preview = await within(corpusPanel()).findByRole('dialog');
    expect(preview.textContent).toContain('新增 1 篇');
    expect(preview.textContent).toContain('更改设置：最短复用段落（字）');
    // Nothing is written before the user confirms.
    expect(await docs.count()).toBe(0);
    fireEvent.click(within(preview).getByRole('button', { name: '开始恢复' }));
    expect(await within(corpusPanel()).findByText('已恢复：新增 1 篇，替换 0 篇，保留本地较新的 0 篇')).toBeTruthy();
    expect((await docs.get('user/x.md'))?.body).toBe(seed);
    expect(fake.service.setSettings).toHaveBeenCalledWith({ minPassageLength: 50 });
    expect(fake.service.corpusRestored).toHaveBeenCalledTimes(1);
    expect(fake.service.importBackup).not.toHaveBeenCalled();
  });

  it('adds the current page with an edited title, then deletes it after confirming', async () => {
    const docs = seedDocs();
    const analysis = analyse(createFakeService({ docs }).engine, buildPage(docs));
    const fake = openCorpus({ analyses: { 5: analysis }, tabId: 5 });
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '添加当前页面' }));
    const title = (await within(corpusPanel()).findByLabelText('标题')) as HTMLInputElement;
    expect(title.value).toBe(analysis.page.title);
    fireEvent.input(title, { target: { value: '改过的标题' } });
    const form = corpusPanel().querySelector<HTMLElement>('.doc-form')!;
    fireEvent.input(within(form).getByLabelText('地点'), { target: { value: '杭州' } });
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '保存' }));
    await within(corpusPanel()).findByText('已添加“改过的标题”');
    // The page's address and the time it was added go with it: the page is never compared with its own copy.
    expect(fake.service.addDocs).toHaveBeenCalledWith([
      expect.objectContaining({
        title: '改过的标题',
        body: analysis.page.text,
        source: analysis.page.url,
        url: analysis.page.url,
        capturedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        place: '杭州',
      }),
    ]);
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '删除: 改过的标题' }));
    expect(fake.service.removeDoc).not.toHaveBeenCalled();
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(within(corpusPanel()).queryByText('改过的标题')).toBeNull());
    expect(fake.service.removeDoc).toHaveBeenCalledWith(contentId(analysis.page.text));
  });
});
