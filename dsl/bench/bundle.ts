// The dsl as the studio ships it: bundled by Vite (the studio's bundler and version, production
// defaults: esbuild minification, no keepNames), so the benchmark can time that form beside the
// tsx form the runtime and the CLI use. The bundle goes to a temporary directory and is imported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Dsl = typeof import('../src/index.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds `src/index.ts` with Vite and imports it; undefined (with the reason) when the build fails. */
export async function bundledDsl(): Promise<{ dsl?: Dsl; error?: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'plazo-dsl-bench-'));
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root,
      build: {
        outDir,
        emptyOutDir: true,
        copyPublicDir: false,
        lib: { entry: join(root, 'src/index.ts'), formats: ['es'], fileName: 'dsl' },
      },
    });
    return { dsl: (await import(pathToFileURL(join(outDir, 'dsl.js')).href)) as Dsl };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
