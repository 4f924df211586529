// `npm run eval`: accuracy of detection and of matching, printed as tables.
// Each part lives with its own module; this only runs them in order.
import { evalDetect } from './eval-detect';
import { evalMatch } from './eval-match';

const only = process.argv[2];
if (!only || only === 'detect') await evalDetect();
if (!only || only === 'match') await evalMatch();
