// The corpus overview (by year, place, source), the filters over every field, the kept-pages
// figures with review and delete-all, and the first-run choice. Documents: the bundled corpus's
// provincial and national reports plus the project's synthetic speeches as the user's own.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../../core/corpus/front-matter';
import { DEFAULT_SETTINGS } from '../../core/model/settings';
import type { CorpusDoc } from '../../core/model/types';
import { syntheticSpeech } from '../fixtures/synthetic-speech';
import { createFakeService } from './fixtures';
import { renderPanel } from './render-panel';

afterEach(cleanup);
const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpus');
const bundled = (sub: string, n: number): CorpusDoc[] =>
  readdirSync(join(corpusDir, sub))
    .sort()
    .slice(0, n)
    .map((f) => parseDocumentFile(`${sub}/${f}`, readFileSync(join(corpusDir, sub, f), 'utf8'), 'bundled'));
const user = (seed: number, via: 'kept' | 'imported' | undefined): CorpusDoc => {
  const s = syntheticSpeech(seed);
  return { id: `user/${seed}.md`, title: s.title, date: s.date, place: s.place, body: s.body, origin: 'user', via };
};
const docs = [
  ...bundled('provincial', 31),
  ...bundled('reports', 5),
  user(61, 'kept'),
  user(62, 'kept'),
  user(63, 'imported'),
  user(64, undefined),
];
const panel = () => document.getElementById('sy-panel-corpus')!;
const titles = () => [...panel().querySelectorAll('.doc-list .doc-title')].map((e) => e.textContent);

function open(welcomeDone = true) {
  const fake = createFakeService({ docs });
  fake.service.getSettings.mockImplementation(async () => ({ ...DEFAULT_SETTINGS, keepPages: true, welcomeDone }));
  renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
  fireEvent.click(screen.getByRole('tab', { name: '语料库' }));
  return fake;
}

describe('corpus overview', () => {
  it('counts documents by year, place and source, and a bar filters the list', async () => {
    open();
    const overview = await within(panel()).findByRole('region', { name: '语料概览' });
    expect(within(overview).getByRole('button', { name: '2026：31 篇' })).toBeTruthy();
    expect(within(overview).getByRole('button', { name: '内置：36 篇' })).toBeTruthy();
    expect(within(overview).getByRole('button', { name: '阅读时保存：2 篇' })).toBeTruthy();
    expect(within(overview).getByRole('button', { name: '导入的：1 篇' })).toBeTruthy();
    expect(within(overview).getByRole('button', { name: '我添加的：1 篇' })).toBeTruthy();
    fireEvent.click(within(overview).getByRole('button', { name: '2026：31 篇' }));
    await waitFor(() => expect(titles()).toHaveLength(31));
    fireEvent.click(within(overview).getByRole('button', { name: '阅读时保存：2 篇' }));
    await waitFor(() => expect(titles()).toHaveLength(0)); // 2026 and kept: none
    fireEvent.click(within(panel()).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(titles()).toHaveLength(docs.length));
  });

  it('filters by place, source kind, and text over title, source and id', async () => {
    open();
    await within(panel()).findByRole('region', { name: '语料概览' });
    const select = (label: string, value: string) =>
      fireEvent.change(within(panel()).getByRole('combobox', { name: label }), { target: { value } });
    select('地点', '四川省');
    await waitFor(() => expect(titles()).toEqual(['2026年四川省人民政府工作报告']));
    select('地点', '');
    select('来源', 'imported');
    await waitFor(() => expect(titles()).toEqual([syntheticSpeech(63).title]));
    select('来源', '');
    const search = within(panel()).getByRole('searchbox', { name: '筛选语料库' });
    fireEvent.input(search, { target: { value: 'user/64.md' } });
    await waitFor(() => expect(titles()).toEqual([syntheticSpeech(64).title]));
    fireEvent.input(search, { target: { value: '解放日报' } });
    await waitFor(() => expect(titles()).toEqual(['2026年上海市政府工作报告']));
  });

  it('shows what was kept, lists it in one click, deletes it all after confirming', async () => {
    const fake = open();
    const bar = await within(panel()).findByRole('group', { name: '阅读时保存' });
    await waitFor(() => expect(bar.textContent).toMatch(/阅读时保存：2 篇，共 \d+\.\d KB/));
    fireEvent.click(within(bar).getByRole('button', { name: '查看' }));
    await waitFor(() => expect(titles().sort()).toEqual([syntheticSpeech(61).title, syntheticSpeech(62).title].sort()));
    fireEvent.click(within(bar).getByRole('button', { name: '全部删除' }));
    expect(fake.service.removeDocs).not.toHaveBeenCalled();
    fireEvent.click(within(bar).getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(fake.service.removeDocs).toHaveBeenCalledWith(['user/61.md', 'user/62.md']));
    await within(panel()).findByText('已删除 2 篇');
  });
});

describe('first run', () => {
  it('offers keeping pages, says it stays in the browser, and remembers the answer', async () => {
    const fake = open(false);
    const card = (await screen.findByRole('heading', { name: '欢迎使用溯源' })).closest('section')!;
    expect(card.textContent).toContain('只存在这个浏览器里');
    fireEvent.click(within(card).getByRole('button', { name: '暂不开启' }));
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ keepPages: false, welcomeDone: true }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '欢迎使用溯源' })).toBeNull());
  });
});
