import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  SETTINGS_VERSION,
  validateSettingsPatch,
} from '../../../extension/settings';
import { isSiteDisabled } from '../../../extension/site-filter';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({
      autoHighlight: true,
      disabledSites: [],
      boilerplateMinDocs: 5,
      minPassageLength: 40,
      formulaPhrases: [],
      ignorePhrases: [],
      // Keeping pages is opt-in, offered on first run.
      keepPages: false,
      keepPagesExcludedSites: [],
      welcomeDone: false,
      // No team server: the extension sends nothing anywhere until the user sets one.
      teamServer: '',
      teamToken: '',
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores a patch with its version, and keeps defaults for fields it lacks', async () => {
    await saveSettings({ ignorePhrases: ['  同志们 ', '同志们', ''] });
    const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(raw.settings).toMatchObject({ ignorePhrases: ['同志们'], autoHighlight: true });
    expect(raw['settings$']).toMatchObject({ v: SETTINGS_VERSION });
    // A value written by an older version with fewer fields: the new ones take their default.
    await fakeBrowser.storage.local.set({ settings: { autoHighlight: false } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, autoHighlight: false });
  });

  it('drops a corrupted stored field instead of failing, keeping the valid ones', async () => {
    await fakeBrowser.storage.local.set({ settings: { minPassageLength: -1, autoHighlight: false } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, autoHighlight: false });
  });

  it.each([
    [{ autoHighlight: 1 }, /autoHighlight/],
    [{ disabledSites: 'a.cn' }, /disabledSites/],
    [{ boilerplateMinDocs: 1 }, /boilerplateMinDocs/],
    [{ minPassageLength: 3.5 }, /minPassageLength/],
    [{ formulaPhrases: [1] }, /formulaPhrases/],
    [{ teamServer: 'ftp://team.example' }, /teamServer/],
    [{ teamServer: 'team.example:8787' }, /teamServer/],
    [{ teamToken: 'a\nb' }, /teamToken/],
    [null, /must be an object/],
  ])('refuses %j', (patch, reason) => {
    expect(() => validateSettingsPatch(patch)).toThrow(reason);
  });
});

it('accepts a team server address and token, or none', () => {
  expect(validateSettingsPatch({ teamServer: 'http://10.0.0.5:8787', teamToken: 'k' })).toEqual({
    teamServer: 'http://10.0.0.5:8787',
    teamToken: 'k',
  });
  expect(validateSettingsPatch({ teamServer: '' })).toEqual({ teamServer: '' });
});

describe('disabled sites', () => {
  it.each([
    ['www.people.com.cn', ['people.com.cn'], true],
    ['people.com.cn', ['people.com.cn'], true],
    ['WWW.People.com.cn', ['people.com.cn'], true],
    ['notpeople.com.cn', ['people.com.cn'], false],
    ['people.com.cn.evil.org', ['people.com.cn'], false],
    ['a.gov.cn', [], false],
    ['a.gov.cn', [''], false],
  ])('%s with %j → %s', (host, list, expected) => {
    expect(isSiteDisabled(host, list)).toBe(expected);
  });
});
