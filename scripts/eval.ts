// `npm run eval`: accuracy of detection and of matching, printed as tables.
// Each part lives with its own module; this only runs them in order. `generated`: issue 11's
// generated cases (long page, stitched sources, edited copies, held-out speeches); `real`: the real-document
// evaluation (31 provincial reports against the national reports and seeds, with a naive exact
// n-gram matcher beside the engine); `originals`: original speeches (Xi 2020, HK hansard) against the
// bundled corpus, share of characters marked; `misses`: why that evaluation's missed runs were missed.
// `leftovers`: names, dates and slots a copier forgot to change, and who copied whom
// (scripts/eval-leftovers.ts).
import { evalDetect } from './eval-detect';
import { evalGenerated } from './eval-generated';
import { evalLeftovers } from './eval-leftovers';
import { evalMatch } from './eval-match';
import { evalOriginals } from './eval-originals';
import { evalReal } from './eval-real';
import { evalRealMisses } from './eval-real-misses';
import { evalTifa } from './eval-tifa';

const only = process.argv[2];
if (!only || only === 'detect') await evalDetect();
if (!only || only === 'match') await evalMatch();
if (!only || only === 'generated') await evalGenerated();
if (!only || only === 'real') await evalReal();
if (!only || only === 'originals') await evalOriginals();
if (!only || only === 'tifa') await evalTifa();
if (!only || only === 'leftovers') await evalLeftovers();
// Not in the default run: it aligns every page with each holder again to say where runs were lost.
if (only === 'misses') evalRealMisses();
