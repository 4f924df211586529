// `npm run bench`: speed and memory figures, printed (never asserted in unit tests).
// `npm run bench -- text|detect|dom|engine|asset` runs one part (dom: live-DOM extraction in Chromium; asset: the built corpus asset); `--quick` skips the 10,000-speech corpus.
import { benchText } from './bench-text';
import { benchDetect } from './bench-detect';
import { benchEngine } from './bench-engine';
import { benchAsset } from './bench-asset';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => !a.startsWith('--'));
if (!only || only === 'text') await benchText();
if (!only || only === 'detect') await benchDetect();
if (!only || only === 'dom') await import('./bench-dom');
if (!only || only === 'engine') await benchEngine(quick ? { sizes: [300] } : undefined);
if (!only || only === 'asset') benchAsset();
