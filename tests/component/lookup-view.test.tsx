import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phraseRows } from '../../components/boilerplate/boilerplate-view';
import { groupHits, splitContext } from '../../components/lookup/group-hits';
import type { CorpusDoc } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import { analyse, buildPage, createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

const TAB = 3;
let docs: CorpusDoc[];
let analysis: PageAnalysis;

beforeAll(() => {
  docs = seedDocs();
  analysis = analyse(createFakeService({ docs }).engine, buildPage(docs));
});
afterEach(cleanup);

const lookupPanel = () => document.getElementById('sy-panel-lookup')!;

describe('lookup view', () => {
  it('runs the pending context-menu lookup on open and groups hits by speech', async () => {
    const fake = createFakeService({ docs, pendingLookup: '组织工作' });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    await waitFor(() => expect(screen.getByRole('tab', { name: '查找' }).getAttribute('aria-selected')).toBe('true'));
    const expected = groupHits(fake.engine.lookup('组织工作', { limit: 300 }).hits);
    const groups = await within(lookupPanel()).findAllByRole('region');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(expected.map((g) => g.title));
    expect(within(groups[0]!).getByText(`${expected[0]!.hits.length} 处`)).toBeTruthy();
    const marks = groups[0]!.querySelectorAll('.kwic mark');
    expect(marks).toHaveLength(expected[0]!.hits.length);
    for (const m of marks) expect(m.textContent).toBe('组织工作');
    expect(fake.service.takePendingLookup).toHaveBeenCalled();
  });

  it('takes the pending lookup again on a lookup event', async () => {
    const fake = createFakeService({ docs });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    await waitFor(() => expect(fake.service.takePendingLookup).toHaveBeenCalledTimes(1));
    fake.setPending('讲党性、重品行、作表率');
    act(() => fake.bus.emit({ type: 'lookup', query: '讲党性、重品行、作表率' }));
    await waitFor(() => expect(fake.service.lookup).toHaveBeenCalledWith('讲党性、重品行、作表率', 300));
    expect((within(lookupPanel()).getByRole('searchbox') as HTMLInputElement).value).toBe('讲党性、重品行、作表率');
  });

  it('marks the exact hit even when the query is in the other script', async () => {
    const fake = createFakeService({ docs });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    fireEvent.click(screen.getByRole('tab', { name: '查找' }));
    const box = within(lookupPanel()).getByRole('searchbox');
    fireEvent.input(box, { target: { value: '組織工作' } });
    fireEvent.submit(box.closest('form')!);
    const result = fake.engine.lookup('組織工作', { limit: 300 });
    expect(result.total).toBeGreaterThan(0);
    await within(lookupPanel()).findAllByRole('region');
    const marks = [...lookupPanel().querySelectorAll('.kwic mark')];
    expect(marks).toHaveLength(result.hits.length);
    const byDoc = groupHits(result.hits).flatMap((g) => g.hits);
    marks.forEach((m, i) => {
      const h = byDoc[i]!;
      expect(m.textContent).toBe(fake.engine.get(h.docId)!.body.slice(h.start, h.end));
    });
  });

  it('places a hit in the other script where the engine cut its context, also near the document end', () => {
    const body = '前文'.repeat(20) + '组织工作' + '完';
    const near = { docId: 'd', title: 't', start: 40, end: 44 };
    // 20 characters before (the engine's lookupContext), 1 after: the document ends.
    expect(splitContext({ ...near, context: body.slice(20, 45) }, '組織工作')).toEqual([
      body.slice(20, 40),
      '组织工作',
      '完',
    ]);
    // At the document start there are fewer characters before.
    expect(splitContext({ ...near, start: 3, end: 7, context: '开头的组织工作' }, '組織工作')).toEqual([
      '开头的',
      '组织工作',
      '',
    ]);
  });

  it('opens a hit in the reader, marked in the full text', async () => {
    const fake = createFakeService({ docs, pendingLookup: '斯鑫良' });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    const line = await within(lookupPanel()).findByRole('button', { name: /斯鑫良/ });
    fireEvent.click(line);
    const reader = await screen.findByRole('region', { name: '阅读' });
    const doc = docs.find((d) => d.body.includes('斯鑫良'))!;
    await within(reader).findByRole('heading', { name: doc.title });
    const mark = within(reader).getByLabelText('查找结果位置');
    expect(mark.textContent).toBe('斯鑫良');
    expect(reader.querySelector('.doc-body')!.textContent).toBe(doc.body);
    fireEvent.click(within(reader).getByRole('button', { name: /返回/ }));
    expect(screen.queryByRole('region', { name: '阅读' })).toBeNull();
  });

  it('says when nothing is found', async () => {
    const fake = createFakeService({ docs, pendingLookup: '这句话语料库里肯定没有啊' });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    expect(await within(lookupPanel()).findByText('语料库中没有找到。')).toBeTruthy();
  });
});

describe('boilerplate view', () => {
  it('lists the page formulas by corpus use × length and looks one up on click', async () => {
    expect(analysis.boilerplate.length).toBeGreaterThan(0);
    const fake = createFakeService({ docs, analyses: { [TAB]: analysis } });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: TAB });
    fireEvent.click(screen.getByRole('tab', { name: '套话' }));
    const rows = phraseRows(analysis.boilerplate);
    const buttons = await within(document.getElementById('sy-panel-boilerplate')!).findAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.phrase-text')!.textContent)).toEqual(rows.map((r) => r.phrase));
    const weight = (r: (typeof rows)[number]) => r.docFreq * r.phrase.length;
    for (let i = 1; i < rows.length; i++) expect(weight(rows[i - 1]!)).toBeGreaterThanOrEqual(weight(rows[i]!));
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(fake.service.lookup).toHaveBeenCalledWith(rows[0]!.phrase, 300));
    expect(screen.getByRole('tab', { name: '查找' }).getAttribute('aria-selected')).toBe('true');
  });
});
