// The team-corpus setting: "test and connect" asks the browser for that one address in the click
// itself, has the background test it, and saves it only when the server answered; a refusal or a
// dead server saves nothing. Disconnecting clears it and gives the permission back.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../core/model/settings';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../extension/settings';
import { createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

afterEach(cleanup);

function setup(granted: boolean, answer: { ok: true; docs: number; backend: string } | { ok: false; error: string }) {
  const fake = createFakeService({ docs: seedDocs() });
  let stored: Settings = { ...DEFAULT_SETTINGS, welcomeDone: true };
  fake.service.getSettings.mockImplementation(async () => structuredClone(stored));
  fake.service.setSettings.mockImplementation(async (patch: Partial<Settings>) => {
    stored = { ...stored, ...validateSettingsPatch(patch) };
    return structuredClone(stored);
  });
  fake.service.testTeamServer.mockImplementation(async () => answer);
  const permissions = { request: vi.fn(async () => granted), remove: vi.fn(async () => true) };
  renderPanel({ service: fake.service, bus: fake.bus, tabId: null, permissions });
  return { fake, permissions, stored: () => stored };
}

async function connect(url: string, token = '') {
  fireEvent.click(screen.getByRole('button', { name: '设置' }));
  const view = screen.getByRole('region', { name: '设置' });
  const field = await within(view).findByLabelText('服务器地址');
  fireEvent.input(field, { target: { value: url } });
  fireEvent.input(within(view).getByLabelText('访问令牌（可选）'), { target: { value: token } });
  fireEvent.click(within(view).getByRole('button', { name: '测试并连接' }));
  return view;
}

describe('team corpus setting', () => {
  it('asks for the address, tests it, then saves it; disconnecting clears it', async () => {
    const { fake, permissions, stored } = setup(true, { ok: true, docs: 1234, backend: 'opensearch' });
    expect(stored().teamServer).toBe('');
    const view = await connect('http://10.0.0.5:8787', ' tok ');
    // Asked synchronously in the click (Firefox grants nothing asked later).
    expect(permissions.request).toHaveBeenCalledWith(['http://10.0.0.5:8787/*']);
    await within(view).findByText('已连接：团队语料库共 1234 篇（opensearch）');
    expect(fake.service.testTeamServer).toHaveBeenCalledWith('http://10.0.0.5:8787', 'tok');
    expect(stored()).toMatchObject({ teamServer: 'http://10.0.0.5:8787', teamToken: 'tok' });
    fireEvent.click(within(view).getByRole('button', { name: '断开' }));
    await waitFor(() => expect(stored().teamServer).toBe(''));
    expect(stored().teamToken).toBe('');
    await waitFor(() => expect(permissions.remove).toHaveBeenCalledWith(['http://10.0.0.5:8787/*']));
  });

  it('saves nothing when the browser refuses or the server does not answer', async () => {
    const refused = setup(false, { ok: true, docs: 1, backend: 'embedded' });
    let view = await connect('https://team.example');
    await within(view).findByText(/浏览器未授予/);
    expect(refused.fake.service.testTeamServer).not.toHaveBeenCalled();
    expect(refused.stored().teamServer).toBe('');
    cleanup();

    const dead = setup(true, { ok: false, error: 'https://team.example cannot be reached' });
    view = await connect('https://team.example');
    await within(view).findByText(/cannot be reached/);
    expect(dead.stored().teamServer).toBe('');
    cleanup();

    const bad = setup(true, { ok: true, docs: 1, backend: 'embedded' });
    view = await connect('team.example');
    await within(view).findByText(/须以 http/);
    expect(bad.permissions.request).not.toHaveBeenCalled();
  });
});
