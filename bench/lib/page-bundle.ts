/**
 * Bundles an in-page probe (page-probe.ts by default, and the app code it imports) into one
 * classic script with Vite, in memory, for `page.addScriptTag({ content })`. Benches with a
 * probe of their own pass its file.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

export async function buildPageProbe(
  entry = fileURLToPath(new URL('./page-probe.ts', import.meta.url)),
): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      // Never the app's dist/: nothing is written, but keep Vite away from it regardless.
      outDir: fileURLToPath(new URL('../../.tmp/bench/probe', import.meta.url)),
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'aisleBenchProbe', fileName: 'probe' },
    },
  });
  const outputs: Rollup.RollupOutput[] = Array.isArray(output)
    ? output
    : [output as Rollup.RollupOutput];
  for (const result of outputs) {
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk !== undefined) return chunk.code;
  }
  throw new Error('page probe bundle produced no script');
}
