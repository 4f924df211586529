import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildManifest } from './extension/manifest';

export default defineConfig({
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => buildManifest(browser),
  hooks: {
    // The bundled corpus is read and indexed here, once per build, and shipped as one asset that
    // the background restores (extension/corpus-asset.ts). Imported lazily so loading this config
    // (tests, `wxt prepare`) does not pull in the engine.
    'build:publicAssets': async (wxt, files) => {
      const [{ loadCorpusFolder }, { buildCorpusAsset, CORPUS_ASSET_PATH }] = await Promise.all([
        import('./cli/corpus-folder'),
        import('./extension/corpus-asset'),
      ]);
      const { docs, notes } = await loadCorpusFolder(resolve(wxt.config.root, 'corpus'), 'bundled');
      // The bundled corpus is ours: any file it could not read fails the build.
      if (notes.length) throw new Error(`bundled corpus: ${notes.map((n) => `${n.path}: ${n.reason}`).join('; ')}`);
      const started = Date.now();
      const asset = buildCorpusAsset(docs);
      // A generated public file can only be text: the binary asset is written beside WXT's own
      // generated files and copied from there.
      const src = resolve(wxt.config.wxtDir, 'corpus.bin');
      await writeFile(src, asset);
      files.push({ relativeDest: CORPUS_ASSET_PATH.replace(/^\//, ''), absoluteSrc: src });
      wxt.logger.info(
        `Bundled corpus: ${docs.length} documents, ${(asset.byteLength / 1024 / 1024).toFixed(1)} MiB binary, indexed in ${Date.now() - started} ms`,
      );
    },
  },
});
