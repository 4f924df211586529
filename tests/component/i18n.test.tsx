import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { detectLang, MESSAGES } from '../../components/i18n/i18n';
import { createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

afterEach(cleanup);

describe('interface language', () => {
  it('follows the browser language, Simplified by default', () => {
    expect(detectLang('zh-CN')).toBe('zh-CN');
    expect(detectLang('zh')).toBe('zh-CN');
    expect(detectLang('zh-TW')).toBe('zh-TW');
    expect(detectLang('zh-HK')).toBe('zh-TW');
    expect(detectLang('zh-Hant-TW')).toBe('zh-TW');
    expect(detectLang('en-GB')).toBe('en');
    expect(detectLang('fr-FR')).toBe('zh-CN');
    expect(detectLang(undefined)).toBe('zh-CN');
  });

  it('has every key in every language, none left in another language', () => {
    const keys = Object.keys(MESSAGES['zh-CN']).sort();
    for (const m of Object.values(MESSAGES)) expect(Object.keys(m).sort()).toEqual(keys);
    // English strings carry no Han characters; Traditional ones differ from Simplified somewhere.
    for (const [k, v] of Object.entries(MESSAGES.en)) {
      if (typeof v === 'string' && k !== 'appName') expect(v).not.toMatch(/\p{Script=Han}/u);
    }
    expect(MESSAGES['zh-TW'].tabCorpus).not.toBe(MESSAGES['zh-CN'].tabCorpus);
  });

  it('switches labels from the header', () => {
    const fake = createFakeService({ docs: seedDocs() });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    expect(screen.getByRole('tab', { name: '语料库' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: '界面语言' }), { target: { value: 'en' } });
    expect(screen.getByRole('tab', { name: 'Corpus' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'zh-TW' } });
    expect(screen.getByRole('tab', { name: '語料庫' })).toBeTruthy();
    expect(screen.getAllByText('沒有可分析的分頁。請開啟一個網頁。').length).toBeGreaterThan(0);
  });
});

describe('tablist keyboard', () => {
  it('moves between tabs with arrow keys, Home and End, keeping one tab focusable', () => {
    const fake = createFakeService({ docs: seedDocs() });
    renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    expect(document.activeElement).toBe(tabs[3]);
    fireEvent.keyDown(tabs[3]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(tabs[3]!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById(tabs[3]!.getAttribute('aria-controls')!)!.hidden).toBe(false);
    expect(document.getElementById(tabs[0]!.getAttribute('aria-controls')!)!.hidden).toBe(true);
  });
});
