// What the site list does (add a host, add the current page's, remove one), apart from how it
// looks, so the component stays a plain layout of its parts.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { coveringSite } from './covering-site';
import { parseErrorText } from './parse-error-text';
import { parseHost } from './settings-input';

export function useSiteList(sites: string[], onSave: (sites: string[]) => Promise<boolean>) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = async (host: string) => {
    const by = coveringSite(host, sites);
    if (by !== undefined) {
      setError(t.siteListed(host, by));
      return false;
    }
    setError(null);
    return onSave([...sites, host]);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseHost(draft);
    if (!parsed.ok) {
      setError(parseErrorText(t, parsed.error));
      return;
    }
    if (await add(parsed.value)) setDraft('');
  };
  const remove = async (site: string) => {
    setError(null);
    // The removed row's button disappears: keep keyboard focus in the section.
    if (await onSave(sites.filter((s) => s !== site))) input.current?.focus();
  };
  return { draft, setDraft, error, input, add, submit, remove };
}
