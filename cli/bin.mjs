#!/usr/bin/env node
// The `suyuan` executable. tsx compiles the TypeScript sources on the fly, so the CLI runs right
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
