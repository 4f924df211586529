// Every field of a user document stays editable in the corpus view after it was added or imported:
// the edit goes to the service, the list shows it, a bad date is refused in the form, and the
// bundled documents (part of the build) offer no edit.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeService, seedDocs } from './fixtures';
import { renderPanel } from './render-panel';

afterEach(cleanup);
const corpusPanel = () => document.getElementById('sy-panel-corpus')!;

async function openCorpusWithImport() {
  const fake = createFakeService({ docs: seedDocs() });
  const seed = seedDocs().find((d) => d.id.includes('/002_'))!;
  // As a corpus folder import stores it: path id under user/, fields from the front matter.
  await fake.service.importCorpus([{ ...seed, id: 'county/pingle.md', title: '平乐县讲话', date: '2023' }]);
  renderPanel({ service: fake.service, bus: fake.bus, tabId: null });
  fireEvent.click(screen.getByRole('tab', { name: '语料库' }));
  await within(corpusPanel()).findByText('平乐县讲话');
  return fake;
}

const field = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement>(`input[name=${name}]`)!;

describe('editing a document in the corpus view', () => {
  it('changes title, date, place, source and address, and the list shows them', async () => {
    const fake = await openCorpusWithImport();
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '编辑“平乐县讲话”' }));
    const form = within(corpusPanel()).getByRole('form', { name: '编辑“平乐县讲话”' });
    expect(field(form, 'date').value).toBe('2023');
    fireEvent.input(field(form, 'title'), { target: { value: '在平乐县组织部长会议上的讲话' } });
    fireEvent.input(field(form, 'date'), { target: { value: '2021-05-10' } });
    fireEvent.input(field(form, 'place'), { target: { value: '平乐县' } });
    fireEvent.input(field(form, 'source'), { target: { value: '平乐县人民政府网' } });
    fireEvent.input(field(form, 'url'), { target: { value: 'http://www.pingle.gov.cn/a.html' } });
    fireEvent.submit(form);
    await waitFor(() => expect(fake.service.updateDoc).toHaveBeenCalledTimes(1));
    expect(fake.service.updateDoc).toHaveBeenCalledWith('user/county/pingle.md', {
      title: '在平乐县组织部长会议上的讲话',
      date: '2021-05-10',
      place: '平乐县',
      source: '平乐县人民政府网',
      url: 'http://www.pingle.gov.cn/a.html',
    });
    const row = (await within(corpusPanel()).findByText('在平乐县组织部长会议上的讲话')).closest('li')!;
    expect(row.textContent).toContain('2021-05-10 · 平乐县');
    expect(fake.engine.get('user/county/pingle.md')).toMatchObject({ date: '2021-05-10', source: '平乐县人民政府网' });
  });

  it('sends only what changed, and an emptied field removes it', async () => {
    const fake = await openCorpusWithImport();
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '编辑“平乐县讲话”' }));
    const form = within(corpusPanel()).getByRole('form', { name: '编辑“平乐县讲话”' });
    fireEvent.input(field(form, 'date'), { target: { value: '' } });
    fireEvent.submit(form);
    await waitFor(() => expect(fake.service.updateDoc).toHaveBeenCalledWith('user/county/pingle.md', { date: '' }));
    await waitFor(() => expect(fake.engine.get('user/county/pingle.md')!.date).toBeUndefined());
  });

  it('refuses a malformed date in the form and keeps it open', async () => {
    const fake = await openCorpusWithImport();
    fireEvent.click(within(corpusPanel()).getByRole('button', { name: '编辑“平乐县讲话”' }));
    const form = within(corpusPanel()).getByRole('form', { name: '编辑“平乐县讲话”' });
    fireEvent.input(field(form, 'date'), { target: { value: '2021年5月' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toContain('YYYY-MM-DD');
    expect(fake.engine.get('user/county/pingle.md')!.date).toBe('2023');
  });

  it('offers no edit on a bundled document', async () => {
    await openCorpusWithImport();
    const bundled = (await within(corpusPanel()).findByText('市委动员会议讲话(区)')).closest('li')!;
    expect(within(bundled).queryByRole('button', { name: /^编辑/ })).toBeNull();
  });
});
