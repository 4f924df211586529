// The settings view against a fake service whose setSettings runs the background's own
// validation, with starting values taken from a real analysis of seed speeches.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coveringSite } from '../../components/settings/site-list';
import { parseHost, parseLines, parseWholeNumber, pageHost } from '../../components/settings/settings-input';
import type { CorpusDoc } from '../../core/model/types';
import type { PageAnalysis } from '../../core/model/page';
import type { Settings } from '../../core/model/settings';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../extension/settings';
import { analyse, buildPage, createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

const TAB = 5;
let docs: CorpusDoc[];
let analysis: PageAnalysis;
let formula: string[];

beforeAll(() => {
  docs = seedDocs();
  analysis = analyse(createFakeService({ docs }).engine, buildPage(docs));
  // Real formulas of the built page, as a user would paste them.
  formula = [...new Set(analysis.boilerplate.map((b) => analysis.page.text.slice(b.start, b.end)))].slice(0, 2);
});
afterEach(cleanup);

/** A fake service holding settings the way the background does: validated patch over stored. */
function setup(initial: Partial<Settings> = {}, opts: { tabId?: number | null; failSave?: boolean } = {}) {
  const fake = createFakeService({ docs, analyses: { [TAB]: analysis } });
  let stored: Settings = { ...structuredClone({ ...DEFAULT_SETTINGS }), welcomeDone: true, ...initial };
  fake.service.getSettings.mockImplementation(async () => structuredClone(stored));
  fake.service.setSettings.mockImplementation(async (patch: Partial<Settings>) => {
    if (opts.failSave) throw new Error('storage is full');
    stored = { ...stored, ...validateSettingsPatch(patch) };
    return structuredClone(stored);
  });
  const tabId = opts.tabId === undefined ? TAB : opts.tabId;
  renderPanel({ service: fake.service, bus: fake.bus, tabId });
  return { fake, stored: () => stored };
}

async function openSettings(name = '设置') {
  fireEvent.click(screen.getByRole('button', { name }));
  const view = screen.getByRole('region', { name });
  await within(view).findAllByRole('checkbox');
  return view;
}

describe('settings view', () => {
  it('opens from the header gear, loads current settings, and hides the tab views', async () => {
    const { fake } = setup({
      autoHighlight: false,
      disabledSites: ['example.org'],
      boilerplateMinDocs: 7,
      minPassageLength: 30,
      formulaPhrases: formula,
    });
    expect(formula.length).toBeGreaterThan(0);
    // Other parts of the panel read settings too (the corpus view, the first-run card): the view
    // itself reads them afresh on opening.
    await waitFor(() => expect(fake.service.getSettings).toHaveBeenCalled());
    const before = fake.service.getSettings.mock.calls.length;
    const view = await openSettings();
    expect(fake.service.getSettings.mock.calls.length).toBeGreaterThan(before);
    expect(document.activeElement).toBe(within(view).getByRole('heading', { name: '设置' }));
    expect((within(view).getByRole('checkbox', { name: /自动在网页上标出/ }) as HTMLInputElement).checked).toBe(false);
    expect((within(view).getByRole('spinbutton', { name: '套话门槛（篇）' }) as HTMLInputElement).value).toBe('7');
    expect((within(view).getByRole('spinbutton', { name: '最短复用段落（字）' }) as HTMLInputElement).value).toBe('30');
    expect((within(view).getByRole('textbox', { name: '总是算作套话的提法' }) as HTMLTextAreaElement).value).toBe(
      formula.join('\n'),
    );
    expect(within(view).getByText('example.org')).toBeTruthy();
    // The threshold is explained with the current number in it.
    expect(within(view).getByText(/至少 7 篇讲话中出现/)).toBeTruthy();
    expect(document.getElementById('sy-panel-compare')!.closest('.views')!.hasAttribute('hidden')).toBe(true);
    expect(screen.getByRole('button', { name: '设置' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('saves auto-highlight at once and says so', async () => {
    const { fake, stored } = setup();
    const view = await openSettings();
    fireEvent.click(within(view).getByRole('checkbox', { name: /自动在网页上标出/ }));
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ autoHighlight: false }));
    expect(await within(view).findByText('✓ 已保存')).toBeTruthy();
    expect(stored().autoHighlight).toBe(false);
    expect((within(view).getByRole('checkbox', { name: /自动在网页上标出/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('refuses a bad threshold with a message and saves a good one', async () => {
    const { fake, stored } = setup();
    const view = await openSettings();
    const box = within(view).getByRole('spinbutton', { name: '套话门槛（篇）' }) as HTMLInputElement;
    for (const bad of ['1', '2.5', '', '-3']) {
      fireEvent.input(box, { target: { value: bad } });
      fireEvent.change(box);
      expect(within(view).getByRole('alert').textContent).toBe('请填写 2 到 10000 之间的整数。');
      expect(box.getAttribute('aria-invalid')).toBe('true');
    }
    expect(fake.service.setSettings).not.toHaveBeenCalled();
    expect(box.getAttribute('aria-describedby')).toContain('sy-set-min-docs-error');
    fireEvent.input(box, { target: { value: '12' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ boilerplateMinDocs: 12 }));
    expect(within(view).queryByRole('alert')).toBeNull();
    expect(stored().boilerplateMinDocs).toBe(12);
    expect(await within(view).findByText(/至少 12 篇讲话中出现/)).toBeTruthy();
  });

  it('keeps the passage length at 8 characters or more', async () => {
    const { fake } = setup();
    const view = await openSettings();
    const box = within(view).getByRole('spinbutton', { name: '最短复用段落（字）' }) as HTMLInputElement;
    fireEvent.input(box, { target: { value: '7' } });
    fireEvent.change(box);
    expect(within(view).getByRole('alert').textContent).toBe('请填写 8 到 10000 之间的整数。');
    fireEvent.input(box, { target: { value: '8' } });
    fireEvent.change(box);
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ minPassageLength: 8 }));
    expect(fake.service.setSettings).toHaveBeenCalledTimes(1);
  });

  it('adds and removes disabled sites, refusing bad and already covered hosts', async () => {
    const { fake, stored } = setup({ disabledSites: ['gov.cn'] });
    const view = await openSettings();
    const host = within(view).getByRole('textbox', { name: '网站域名' });
    const add = within(view).getByRole('button', { name: '添加' });

    fireEvent.input(host, { target: { value: 'not a host' } });
    fireEvent.click(add);
    expect(await within(view).findByRole('alert')).toHaveProperty('textContent', '这不是有效的域名。');

    fireEvent.input(host, { target: { value: 'https://www.gov.cn/xinwen/a.htm' } });
    fireEvent.click(add);
    expect(await within(view).findByRole('alert')).toHaveProperty('textContent', 'www.gov.cn 已被 gov.cn 包含。');
    expect(fake.service.setSettings).not.toHaveBeenCalled();

    fireEvent.input(host, { target: { value: 'https://WWW.People.com.cn/n1/index.html' } });
    fireEvent.click(add);
    await waitFor(() =>
      expect(fake.service.setSettings).toHaveBeenCalledWith({ disabledSites: ['gov.cn', 'www.people.com.cn'] }),
    );
    await waitFor(() => expect((host as HTMLInputElement).value).toBe(''));
    const list = within(view).getByRole('list', { name: '不运行溯源的网站' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.site-host')!.textContent),
    ).toEqual(['gov.cn', 'www.people.com.cn']);

    fireEvent.click(within(view).getByRole('button', { name: '移除 gov.cn' }));
    await waitFor(() =>
      expect(fake.service.setSettings).toHaveBeenLastCalledWith({ disabledSites: ['www.people.com.cn'] }),
    );
    await waitFor(() => expect(within(view).queryByRole('button', { name: '移除 gov.cn' })).toBeNull());
    expect(document.activeElement).toBe(host);
    expect(stored().disabledSites).toEqual(['www.people.com.cn']);
  });

  it('disables the current tab’s site from its analysed URL', async () => {
    const { fake } = setup();
    const view = await openSettings();
    const here = pageHost(analysis.page.url)!;
    expect(here).toBe('example.gov.cn');
    fireEvent.click(await within(view).findByRole('button', { name: `在本站停用（${here}）` }));
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ disabledSites: [here] }));
    expect(await within(view).findByText(`本站（${here}）已停用。`)).toBeTruthy();
  });

  it('says why there is no "disable here" button when the tab has no analysis', async () => {
    setup({}, { tabId: null });
    const view = await openSettings();
    expect(within(view).queryByRole('button', { name: /在本站停用/ })).toBeNull();
    expect(within(view).getByText(/取不到它的网址/)).toBeTruthy();
  });

  it('saves phrase lists one per line, cleaned, and refuses one-character phrases', async () => {
    const { fake } = setup();
    const view = await openSettings();
    const box = within(view).getByRole('textbox', { name: '忽略的词句' });
    fireEvent.input(box, { target: { value: `${formula[0]}\n党\n` } });
    fireEvent.change(box);
    expect(within(view).getByRole('alert').textContent).toBe('“党”太短：每条至少两个字。');
    expect(fake.service.setSettings).not.toHaveBeenCalled();
    fireEvent.input(box, { target: { value: `  ${formula[0]}\n\n${formula.at(-1)}\n${formula[0]}\n` } });
    fireEvent.change(box);
    const expected = [...new Set([formula[0]!, formula.at(-1)!])];
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ ignorePhrases: expected }));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(expected.join('\n')));
  });

  it('shows a failed save and keeps the typed value', async () => {
    const { fake } = setup({}, { failSave: true });
    const view = await openSettings();
    const box = within(view).getByRole('spinbutton', { name: '最短复用段落（字）' }) as HTMLInputElement;
    fireEvent.input(box, { target: { value: '45' } });
    fireEvent.change(box);
    expect(await within(view).findByText('未保存：storage is full')).toBeTruthy();
    expect(fake.service.setSettings).toHaveBeenCalledTimes(1);
    expect(box.value).toBe('45');
  });

  it('resets to defaults after confirming, and cancel changes nothing', async () => {
    const { fake, stored } = setup({
      autoHighlight: false,
      disabledSites: ['gov.cn'],
      boilerplateMinDocs: 9,
      ignorePhrases: formula,
    });
    const view = await openSettings();
    fireEvent.click(within(view).getByRole('button', { name: '恢复默认设置' }));
    expect(document.activeElement).toBe(within(view).getByRole('button', { name: '取消' }));
    fireEvent.click(within(view).getByRole('button', { name: '取消' }));
    expect(fake.service.setSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(view).getByRole('button', { name: '恢复默认设置' }));

    fireEvent.click(within(view).getByRole('button', { name: '恢复默认设置' }));
    fireEvent.click(within(view).getByRole('button', { name: '确定恢复' }));
    await waitFor(() => expect(fake.service.setSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS }));
    expect(await within(view).findByText('已恢复默认设置')).toBeTruthy();
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS });
    expect((within(view).getByRole('spinbutton', { name: '套话门槛（篇）' }) as HTMLInputElement).value).toBe(
      String(DEFAULT_SETTINGS.boilerplateMinDocs),
    );
    expect((within(view).getByRole('textbox', { name: '忽略的词句' }) as HTMLTextAreaElement).value).toBe('');
    expect(within(view).getByText('还没有停用的网站。')).toBeTruthy();
  });

  it('changes its labels with the interface language', async () => {
    setup({ disabledSites: ['gov.cn'] });
    let view = await openSettings();
    fireEvent.change(screen.getByRole('combobox', { name: '界面语言' }), { target: { value: 'en' } });
    view = screen.getByRole('region', { name: 'Settings' });
    expect(within(view).getByRole('checkbox', { name: /Highlight reused passages/ })).toBeTruthy();
    expect(within(view).getByRole('spinbutton', { name: 'Formula threshold (speeches)' })).toBeTruthy();
    expect(within(view).getByRole('button', { name: 'Remove gov.cn' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'zh-TW' } });
    view = screen.getByRole('region', { name: '設定' });
    expect(within(view).getByRole('spinbutton', { name: '套話門檻（篇）' })).toBeTruthy();
    expect(within(view).getByRole('button', { name: '恢復預設設定' })).toBeTruthy();
    expect(within(view).getByRole('group', { name: '不執行溯源的網站' })).toBeTruthy();
  });

  it('closes with Back, returning focus to the gear; a tab click also closes it', async () => {
    setup();
    const view = await openSettings();
    fireEvent.click(within(view).getByRole('button', { name: /返回/ }));
    expect(screen.queryByRole('region', { name: '设置' })).toBeNull();
    const gear = screen.getByRole('button', { name: '设置' });
    expect(document.activeElement).toBe(gear);
    expect(gear.getAttribute('aria-pressed')).toBe('false');
    await openSettings();
    fireEvent.click(screen.getByRole('tab', { name: '语料库' }));
    expect(screen.queryByRole('region', { name: '设置' })).toBeNull();
    expect(document.getElementById('sy-panel-corpus')!.hidden).toBe(false);
  });
});

describe('settings input rules', () => {
  it('reads whole numbers, full-width digits included, within bounds', () => {
    expect(parseWholeNumber(' 12 ', 2, 100)).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber('１２', 2, 100)).toEqual({ ok: true, value: 12 });
    for (const bad of ['1', '101', '2.0', '1e1', '', 'abc', '-5']) expect(parseWholeNumber(bad, 2, 100).ok).toBe(false);
  });

  it('takes a host from a URL, a wildcard or a bare name', () => {
    const host = (s: string) => {
      const r = parseHost(s);
      return r.ok ? r.value : null;
    };
    expect(host('https://www.gov.cn/zhengce/a.htm')).toBe('www.gov.cn');
    expect(host('*.GOV.cn')).toBe('gov.cn');
    expect(host('.gov.cn')).toBe('gov.cn');
    expect(host('localhost:8080')).toBe('localhost');
    expect(host('中国政府网.cn')).toMatch(/^xn--/);
    for (const bad of ['', 'a b', 'http://', 'a_b.com']) expect(host(bad)).toBeNull();
    expect(pageHost('chrome://extensions')).toBeNull();
    expect(pageHost(undefined)).toBeNull();
  });

  it('finds the listed site that covers a host', () => {
    expect(coveringSite('news.gov.cn', ['people.com.cn', 'gov.cn'])).toBe('gov.cn');
    expect(coveringSite('notgov.cn', ['gov.cn'])).toBeUndefined();
  });

  it('splits phrase lists', () => {
    expect(parseLines('a b\r\n\n  cd \ncd')).toEqual({ ok: true, value: ['a b', 'cd'] });
    expect(parseLines('x\nyz')).toEqual({ ok: false, error: { kind: 'phrase-too-short', phrase: 'x' } });
  });
});
