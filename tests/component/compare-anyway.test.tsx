// Issue 13, fault 12 (second half): "仍然比对" (compare anyway) shows what it did, both when the page
// gave no text to compare and when the whole page was compared without finding reuse.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../core/model/page';
import { analyse, createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

const TAB = 3;
afterEach(cleanup);

describe('compare anyway', () => {
  it('with no page text: reads again, then says there was nothing to compare', async () => {
    const fake = createFakeService({ docs: seedDocs(), analyses: { [TAB]: null } });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: TAB });
    const button = await screen.findByRole('button', { name: '仍然比对' });
    const calls = fake.service.getTabAnalysis.mock.calls.length;
    fireEvent.click(button);
    await waitFor(() => expect(fake.service.getTabAnalysis.mock.calls.length).toBeGreaterThan(calls));
    expect(await screen.findByText(/没有找到可比对的正文/)).toBeTruthy();
  });

  it('on a page that is not a speech: says the whole page was compared and found no reuse', async () => {
    const docs = seedDocs();
    const { engine } = createFakeService({ docs });
    const text = '今天天气很好，我们去公园散步，看见很多人在跳舞和唱歌。'.repeat(8);
    const analysis: PageAnalysis = analyse(engine, { title: '随笔', text }, false);
    expect(analysis.match.passages).toHaveLength(0);
    const fake = createFakeService({ docs, analyses: { [TAB]: analysis } });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: TAB });
    fireEvent.click(await screen.findByRole('button', { name: '仍然比对' }));
    const chars = text.replace(/\s/g, '').length;
    const status = await screen.findByText(`已将本页全文（${chars} 字）与语料库比对：没有找到复用段落。`);
    expect(status.getAttribute('role')).toBe('status');
  });
});
