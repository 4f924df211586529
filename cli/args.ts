// Command-line parsing. Anything unexpected is a UsageError: the CLI prints the usage and exits 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TUNABLES, inBounds, type Tunable } from '../core/model/tunables';

export const COMMANDS = ['detect', 'match', 'lookup', 'boilerplate', 'index', 'serve'] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = `Usage: suyuan <command> [options]

  suyuan detect FILE... [--json]
      Is each file a speech-like official text? Score, script, signals.
  suyuan match FILE... [--corpus PATH] [--top N] [--json]
      Closest corpus speeches and the passages copied from them.
  suyuan lookup PHRASE [--corpus PATH] [--limit N] [--json]
      Every occurrence of a phrase in the corpus (Simplified/Traditional agnostic).
  suyuan boilerplate FILE... [--corpus PATH] [--json]
      Formulaic phrasing (提法) the file shares with many corpus documents.
  suyuan index --opensearch URL --corpus PATH [--reindex] [--json]
      Loads a corpus folder into an OpenSearch index (a team corpus); resumable, idempotent.
  suyuan serve [--opensearch URL | --corpus PATH] [--host H] [--port N] [--token T]
      An HTTP service for the extension's team-corpus setting (default 127.0.0.1:8787;
      token also SUYUAN_SERVE_TOKEN). Runs until interrupted.

FILE: .txt/.md (UTF-8, GBK, Big5, UTF-16 with BOM) or .html/.htm (main text extracted).
--corpus PATH  folder of .txt/.md files read recursively (default: the bundled corpus).
--json         JSON Lines: one object per FILE, in order (lookup: one object).
--opensearch URL  match, lookup and boilerplate ask this OpenSearch index instead of a local one
               (also SUYUAN_OPENSEARCH=URL; index name SUYUAN_OPENSEARCH_INDEX, default suyuan);
               with --corpus, the folder is indexed there first unless it already is.
Exit status: 0 ok, 1 if any FILE could not be read, 2 on a usage error,
3 if OpenSearch is down, too slow or answered an error (no partial result is printed).
`;

export class UsageError extends Error {}

export interface CliArgs {
  command: Command;
  /** FILEs, or the single PHRASE for lookup. */
  positionals: string[];
  json: boolean;
  corpus?: string;
  top?: number;
  limit?: number;
  opensearch?: string;
  reindex?: boolean;
  host?: string;
  port?: number;
  token?: string;
}

function wholeNumber(name: string, t: Tunable, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !inBounds(t, Number(value)))
    throw new UsageError(`--${name} needs a whole number from ${t.min} to ${t.max}, got "${value}"`);
  return Number(value);
}

export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    throw new UsageError('');
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  const cmd = command as Command;
  // Each command accepts only its own flags, so `detect --corpus` is a usage error, not ignored.
  const options: NonNullable<ParseArgsConfig['options']> = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  if (cmd !== 'detect') options.corpus = { type: 'string' };
  if (cmd === 'match') options.top = { type: 'string' };
  if (cmd === 'lookup') options.limit = { type: 'string' };
  options.opensearch = { type: 'string' };
  if (cmd === 'index') options.reindex = { type: 'boolean' };
  if (cmd === 'serve')
    Object.assign(options, { host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } });
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values as {
    json?: boolean;
    help?: boolean;
    corpus?: string;
    top?: string;
    limit?: string;
    opensearch?: string;
    reindex?: boolean;
    host?: string;
    port?: string;
    token?: string;
  };
  if (v.help) throw new UsageError('');
  const positionals = parsed.positionals;
  if (cmd === 'index') {
    if (positionals.length) throw new UsageError('index takes no FILE: --corpus PATH names the folder');
    if (!v.corpus) throw new UsageError('index needs --corpus PATH');
  } else if (cmd === 'serve') {
    if (positionals.length) throw new UsageError('serve takes no FILE');
    if (v.corpus !== undefined && v.opensearch !== undefined)
      throw new UsageError('serve takes --opensearch URL or --corpus PATH, not both (index the folder first)');
  } else if (cmd === 'lookup') {
    if (positionals.length !== 1) throw new UsageError('lookup takes exactly one PHRASE');
    if (positionals[0]!.trim() === '') throw new UsageError('lookup PHRASE is empty');
  } else if (positionals.length === 0) {
    throw new UsageError(`${cmd} needs at least one FILE`);
  }
  if (v.corpus !== undefined && v.corpus === '') throw new UsageError('--corpus needs a PATH');
  const out: CliArgs = { command: cmd, positionals, json: v.json ?? false };
  if (v.corpus !== undefined) out.corpus = v.corpus;
  if (v.opensearch !== undefined) {
    if (!/^https?:\/\/\S+$/.test(v.opensearch))
      throw new UsageError(`--opensearch needs an http(s) URL, got "${v.opensearch}"`);
    out.opensearch = v.opensearch;
  }
  if (v.reindex) out.reindex = true;
  if (v.host !== undefined) {
    if (!/^[A-Za-z0-9.:-]+$/.test(v.host)) throw new UsageError(`--host needs a host name or address, got "${v.host}"`);
    out.host = v.host;
  }
  if (v.port !== undefined) {
    if (!/^\d+$/.test(v.port) || Number(v.port) > 65535)
      throw new UsageError(`--port needs a whole number from 0 to 65535, got "${v.port}"`);
    out.port = Number(v.port);
  }
  if (v.token !== undefined) {
    if (v.token.trim() === '') throw new UsageError('--token is empty');
    out.token = v.token;
  }
  const top = wholeNumber('top', TUNABLES.top, v.top);
  if (top !== undefined) out.top = top;
  const limit = wholeNumber('limit', TUNABLES.lookupLimit, v.limit);
  if (limit !== undefined) out.limit = limit;
  return out;
}
