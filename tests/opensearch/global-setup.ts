// Finds or starts the OpenSearch the suite runs against, and says plainly when it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

// The node opensearch-start.sh starts listens on OS_HTTP_PORT: the suite looks there too.
const URL_ = process.env.SUYUAN_TEST_OPENSEARCH ?? `http://127.0.0.1:${process.env.OS_HTTP_PORT ?? 9200}`;
const ROOT = path.resolve(__dirname, '../..');

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let startedHere = false;

export default async function setup(project: TestProject): Promise<() => void> {
  let why = '';
  if (!(await answers(URL_))) {
    const missing = ['java', 'javac', 'mvn'].filter((t) => !has(t));
    if (missing.length) why = `no OpenSearch at ${URL_}, and ${missing.join(', ')} not found to start one`;
    else {
      try {
        execFileSync('bash', ['scripts/opensearch/opensearch-start.sh'], { cwd: ROOT, stdio: 'inherit' });
        startedHere = true;
      } catch {
        why = `no OpenSearch at ${URL_}, and npm run opensearch:start failed (see its output above)`;
      }
    }
  }
  if (why) console.warn(`\nOpenSearch backend suite SKIPPED: ${why}.\n`);
  project.provide('opensearchUrl', why ? '' : URL_);
  return () => {
    if (startedHere) execFileSync('bash', ['scripts/opensearch/opensearch-stop.sh'], { cwd: ROOT, stdio: 'inherit' });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    opensearchUrl: string;
  }
}
