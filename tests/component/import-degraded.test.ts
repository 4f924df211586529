// Issue 13, fault 5 in the extension: a file with one invalid byte is imported (the byte shown as
// U+FFFD) with a warning naming it and the count, through the decoder the CLI uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../components/corpus/import-files';
import { en } from '../../components/i18n/en';
import { zhCN } from '../../components/i18n/zh-CN';
import { parseDocumentFile } from '../../core/corpus/front-matter';
import type { NewDoc } from '../../extension/protocol';

const body = parseDocumentFile(
  'x',
  readFileSync(path.join(process.cwd(), 'corpus/seeds/003_f0052eeadbfa9f7c.md'), 'utf8'),
).body;

describe('import with a few invalid bytes', () => {
  it('imports the file, replaces the byte, and reports it as a warning', async () => {
    const bytes = new TextEncoder().encode(body);
    const broken = new Uint8Array([...bytes.subarray(0, 90), 0xff, ...bytes.subarray(90)]);
    const cut = bytes.subarray(0, bytes.length - 1);
    const addDocs = vi.fn(async (docs: NewDoc[]) =>
      docs.map((d, i) => ({ ...d, id: `u${i}`, origin: 'user' as const })),
    );
    const files = [new File([broken], 'broken.txt'), new File([cut], 'cut.txt'), new File([bytes], 'clean.txt')];
    const r = await importFiles(files, { addDocs }, zhCN, () => {});
    expect(r.errors).toEqual([]);
    expect(r.added).toHaveLength(3);
    expect(addDocs.mock.calls[0]![0][0]!.body).toContain('\uFFFD');
    expect(r.warnings).toEqual([
      { name: 'broken.txt', replaced: 1 },
      { name: 'cut.txt', replaced: 1 },
    ]);
    expect(zhCN.importReplaced('broken.txt', 1)).toContain('broken.txt');
    expect(en.importReplaced('broken.txt', 2)).toBe('broken.txt: imported with 2 unreadable byte sequences shown as �');
  });
});
