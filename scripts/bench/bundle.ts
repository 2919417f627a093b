/**
 * Bundles scripts/bench/page-entry.ts (our matcher and DOM code + mark.js) into one IIFE for the
 * bench page; `minify: false` keeps function names for a CPU profile.
 */
import path from 'node:path';
import { build, type Rolldown } from 'vite';

export async function bundleBenchPage(root: string, { minify = true } = {}): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    build: {
      write: false,
      minify,
      lib: { entry: path.join(root, 'scripts/bench/page-entry.ts'), formats: ['iife'], name: 'NotAloneBenchBundle' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench bundle: vite produced no chunk');
  return chunk.code;
}
