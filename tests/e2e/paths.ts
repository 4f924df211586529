// Where things are: the repository, its built extension, and the committed screenshots.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const extensionDir = join(repoRoot, '.output', 'chrome-mv3');
export const screenshotDir = join(repoRoot, 'tests', 'e2e', 'screenshots');
