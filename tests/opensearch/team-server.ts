// The team corpus of the extension end-to-end files (Chromium and Firefox): a speech the project
// writes itself (tests/fixtures/synthetic-speech, so no bundled document holds it) and a few
// bundled documents beside it, indexed in OpenSearch, and `suyuan serve --opensearch` over them as
// a child process on a free port (its address read from stderr).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { OpenSearchClient } from '../../cli/opensearch/client';
import { indexCorpus } from '../../cli/opensearch/indexer';
import { waitFor } from '../e2e/wait-for';
import { bundledDocs } from '../fixtures/corpus';
import { syntheticSpeech } from '../fixtures/synthetic-speech';
import { url } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

/** The speech only the team corpus holds. */
export const teamSpeech = syntheticSpeech(4242, 10);
/** Documents in the team corpus (the team speech and six bundled ones). */
export const TEAM_DOCS = 7;

export async function indexTeamCorpus(index: string): Promise<void> {
  const docs = [
    {
      id: 'team/written-4242.md',
      title: teamSpeech.title,
      body: teamSpeech.body,
      date: teamSpeech.date,
      place: teamSpeech.place,
      origin: 'user' as const,
    },
    ...bundledDocs().slice(0, TEAM_DOCS - 1),
  ];
  await indexCorpus(new OpenSearchClient(url), index, docs, {});
}

export interface ServeProcess {
  url: string;
  stop(): void;
}

export async function startServe(index: string, token: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['cli/bin.mjs', 'serve', '--opensearch', url, '--port', '0', '--token', token],
    { cwd: ROOT, env: { ...process.env, SUYUAN_OPENSEARCH_INDEX: index }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const stop = () => void child.kill('SIGTERM');
  try {
    const at = await waitFor(
      'suyuan serve to listen',
      async () => {
        if (child.exitCode !== null) throw new Error(`suyuan serve exited (${child.exitCode}): ${err}`);
        return /listening on (http:\/\/\S+)/.exec(err)?.[1] ?? null;
      },
      { timeout: 90_000 },
    );
    return { url: at, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
