// Entry of the `suyuan` command: parse arguments, load the corpus once (only for the commands that
// need it), run each FILE independently so one bad file never stops the others.
import { USAGE, UsageError, parseCliArgs, type CliArgs } from './args';
import { boilerplateJson, detectJson, lookupJson, matchJson } from './contract';
import { boilerplateReport, detectReport, lookupReport, matchReport } from './human';
import { InputError, readInput } from './read-input';
import { makeStyle } from './style';
import { plain } from './plain';
import { BUNDLED_CORPUS_DIR, loadCorpusFolder } from './corpus-folder';
import { pageOptions } from './page-context';
import type { Engine } from '../core/model/engine-api';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

interface OpenedCorpus {
  engine: Engine;
  /** Corpus files left out (each already named on stderr). */
  skipped: number;
}

async function openEngine(corpus: string | undefined, io: Io): Promise<OpenedCorpus> {
  const dir = corpus ?? BUNDLED_CORPUS_DIR;
  const { docs, notes } = await loadCorpusFolder(dir, corpus === undefined ? 'bundled' : 'user');
  for (const n of notes)
    io.err(`suyuan: corpus ${plain(n.path)}: ${n.skipped ? 'skipped: ' : 'warning: '}${n.reason}\n`);
  if (docs.length === 0) throw new Error(`no readable .txt/.md documents in corpus folder ${dir}`);
  // Imported here so `detect` and usage errors never pay for the engine.
  const { openCachedEngine } = await import('./engine-cache');
  const { engine } = await openCachedEngine(dir, docs, (s) => io.err(`suyuan: ${s}\n`));
  return { engine, skipped: notes.filter((n) => n.skipped).length };
}

async function corpusOrFail(args: CliArgs, io: Io): Promise<OpenedCorpus | null> {
  try {
    return await openEngine(args.corpus, io);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such folder' : e.code === 'ENOTDIR' ? 'not a folder' : e.message;
    io.err(`suyuan: cannot load corpus ${args.corpus ?? BUNDLED_CORPUS_DIR}: ${why}\n`);
    return null;
  }
}

/** Runs the CLI; returns the exit status. */
export async function run(argv: string[], io: Io = stdio): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err((err.message ? `suyuan: ${err.message}\n\n` : '') + USAGE);
    return 2;
  }
  const st = makeStyle();
  const opensearch = args.opensearch ?? (process.env.SUYUAN_OPENSEARCH || undefined);
  if (args.command === 'serve') {
    const { runServe } = await import('./serve/run-serve');
    return runServe(args, opensearch, io, async () => {
      const opened = await corpusOrFail(args, io);
      return opened && { engine: opened.engine, size: opened.engine.list().length };
    });
  }
  if (args.command === 'index' || (opensearch && args.command !== 'detect')) {
    const { runOpenSearch } = await import('./opensearch/cli-remote');
    return runOpenSearch(args, opensearch, io, st);
  }
  const emit = (json: unknown, human: () => string) =>
    io.out(args.json ? JSON.stringify(json) + '\n' : human() + '\n\n');

  if (args.command === 'lookup') {
    const opened = await corpusOrFail(args, io);
    if (!opened) return 1;
    const q = args.positionals[0]!;
    const r = opened.engine.lookup(q, args.limit !== undefined ? { limit: args.limit } : {});
    emit(lookupJson(r), () => lookupReport(r, st));
    return opened.skipped > 0 ? 1 : 0;
  }

  let engine: Engine | null = null;
  let failed = 0;
  if (args.command !== 'detect') {
    const opened = await corpusOrFail(args, io);
    if (!opened) return 1;
    engine = opened.engine;
    failed = opened.skipped;
  }
  const { detect } = args.command === 'detect' ? await import('../core/detect/detect') : { detect: null };

  for (const file of args.positionals) {
    try {
      const input = await readInput(file);
      if (input.warning) io.err(`suyuan: ${file}: warning: ${input.warning}\n`);
      if (args.command === 'detect') {
        const r = detect!(input.text, input.title);
        emit(detectJson(file, r), () => detectReport(file, r, st));
      } else if (args.command === 'match') {
        const page = pageOptions(input, args.corpus ?? BUNDLED_CORPUS_DIR);
        const r = engine!.match(input.text, { ...page, ...(args.top !== undefined ? { top: args.top } : {}) });
        const meta = (id: string) => engine!.get(id);
        emit(matchJson(file, input.text, r), () => matchReport(file, input.text, r, meta, st));
      } else {
        const spans = engine!.boilerplate(input.text, pageOptions(input, args.corpus ?? BUNDLED_CORPUS_DIR));
        emit(boilerplateJson(file, input.text, spans), () => boilerplateReport(file, input.text, spans, st));
      }
    } catch (err) {
      failed++;
      // An engine failure on one file is a bug, but the other files still deserve their results.
      const msg =
        err instanceof InputError
          ? err.message
          : `${file}: internal error: ${err instanceof Error ? err.stack : String(err)}`;
      io.err(`suyuan: ${msg}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
