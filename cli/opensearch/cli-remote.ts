// The CLI over an OpenSearch index: `suyuan index`, and match / lookup / boilerplate with
// --opensearch URL (or SUYUAN_OPENSEARCH). Same JSON as the embedded engine. A server that is
// down, too slow or answers an error ends the run with a message and exit status 3: results
// already printed are complete for their files, and nothing partial is printed after.
import { lookupOver, matchOver, boilerplateOver } from '../../core/backend/remote-analyse';
import type { CorpusDoc, DocMeta } from '../../core/model/types';
import { plain } from '../plain';
import type { CliArgs } from '../args';
import { USAGE } from '../args';
import { boilerplateJson, lookupJson, matchJson } from '../contract';
import { loadCorpusFolder } from '../corpus-folder';
import { boilerplateReport, lookupReport, matchReport } from '../human';
import type { Io } from '../main';
import { InputError, readInput } from '../read-input';
import type { Style } from '../style';
import { OpenSearchBackend } from './backend';
import { OpenSearchClient, OpenSearchError } from './client';
import { indexCorpus, type IndexReport } from './indexer';
import { indexName, requireIndex } from './layout';

/** The folder's documents (unreadable files named on stderr and counted), or null. */
async function loadFolder(dir: string, io: Io): Promise<{ docs: CorpusDoc[]; skipped: number } | null> {
  try {
    const { docs, notes } = await loadCorpusFolder(dir, 'user');
    for (const n of notes)
      io.err(`suyuan: corpus ${plain(n.path)}: ${n.skipped ? 'skipped: ' : 'warning: '}${n.reason}\n`);
    if (docs.length) return { docs, skipped: notes.filter((n) => n.skipped).length };
    io.err(`suyuan: cannot load corpus ${dir}: no readable .txt/.md documents\n`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such folder' : e.code === 'ENOTDIR' ? 'not a folder' : e.message;
    io.err(`suyuan: cannot load corpus ${dir}: ${why}\n`);
  }
  return null;
}

function indexSummary(r: IndexReport): string {
  if (r.alreadyIndexed) return `all ${r.total} documents were already indexed: nothing sent`;
  const s = r.bulkMs / 1000;
  return (
    `${r.indexed} of ${r.total} documents sent (${(r.chars / 1e6).toFixed(2)} M chars) in ${s.toFixed(1)} s` +
    `${r.indexed ? `, ${Math.round(r.indexed / Math.max(s, 1e-3))} docs/s` : ''}; ` +
    `families linked in ${(r.linkMs / 1000).toFixed(1)} s (${r.linkedPairs} near-duplicate pairs, ${r.relabeled} relabeled)`
  );
}

export async function runOpenSearch(args: CliArgs, url: string | undefined, io: Io, st: Style): Promise<number> {
  if (!url) {
    io.err(`suyuan: index needs --opensearch URL (or SUYUAN_OPENSEARCH=URL)\n\n${USAGE}`);
    return 2;
  }
  const emit = (json: unknown, human: () => string) =>
    io.out(args.json ? JSON.stringify(json) + '\n' : human() + '\n\n');
  try {
    const client = new OpenSearchClient(url);
    const index = indexName();
    const progress = (line: string) => io.err(`suyuan index: ${line}\n`);
    let failed = 0;
    if (args.corpus !== undefined) {
      const folder = await loadFolder(args.corpus, io);
      if (!folder) return 1;
      failed += folder.skipped;
      const r = await indexCorpus(client, index, folder.docs, { reindex: args.reindex, progress });
      if (args.command === 'index') {
        emit({ index, url: client.base, ...r }, () => `suyuan index: ${indexSummary(r)}`);
        return failed > 0 ? 1 : 0;
      }
      if (!r.alreadyIndexed) progress(indexSummary(r));
    }
    await requireIndex(client, index);
    const backend = new OpenSearchBackend(client, index);
    if (args.command === 'lookup') {
      const r = await lookupOver(backend, args.positionals[0]!, args.limit !== undefined ? { limit: args.limit } : {});
      const json = r.totalIsLowerBound ? { ...lookupJson(r), totalIsLowerBound: true } : lookupJson(r);
      emit(json, () => lookupReport(r, st) + (r.totalIsLowerBound ? `\n(total is a lower bound)` : ''));
      return failed > 0 ? 1 : 0;
    }
    for (const file of args.positionals) {
      let input;
      try {
        input = await readInput(file);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        failed++;
        io.err(`suyuan: ${err.message}\n`);
        continue;
      }
      if (args.command === 'match') {
        const r = await matchOver(backend, input.text, args.top !== undefined ? { top: args.top } : {});
        const metas = new Map<string, DocMeta | undefined>();
        if (!args.json)
          for (const id of new Set([...r.candidates.map((c) => c.id), ...r.passages.map((p) => p.docId)]))
            metas.set(id, await backend.get(id));
        emit(matchJson(file, input.text, r), () => matchReport(file, input.text, r, (id) => metas.get(id), st));
      } else {
        const spans = await boilerplateOver(backend, input.text);
        emit(boilerplateJson(file, input.text, spans), () => boilerplateReport(file, input.text, spans, st));
      }
    }
    return failed > 0 ? 1 : 0;
  } catch (err) {
    if (!(err instanceof OpenSearchError)) throw err;
    io.err(`suyuan: ${err.message}\n`);
    return 3;
  }
}
