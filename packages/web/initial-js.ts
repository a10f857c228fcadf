import type { Plugin } from 'vite';

/** What the first page load may fetch in JavaScript, gzipped: the budget. */
export const INITIAL_JS_LIMIT_KB = 200;

async function gzippedBytes(code: string): Promise<number> {
  // CompressionStream: the page's own API, also in Node; no Node built-in in the web package.
  const stream = new Blob([code]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Prints what index.html loads before the first page shows (the entry chunk and the chunks
 * it imports statically; pages and ECharts come later, with their routes) and fails the
 * build when that is over INITIAL_JS_LIMIT_KB gzipped.
 */
export function initialJsBudget(): Plugin {
  return {
    name: 'sextant-initial-js-budget',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [[file.fileName, file]] : [],
        ),
      );
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      let raw = 0;
      let gzipped = 0;
      for (const name of initial) {
        const code = chunks.get(name)?.code ?? '';
        raw += new TextEncoder().encode(code).byteLength;
        gzipped += await gzippedBytes(code);
      }
      const line =
        `initial JS: ${initial.size} chunks, ${kb(raw)}, ${kb(gzipped)} gzipped ` +
        `(limit ${INITIAL_JS_LIMIT_KB} kB); ${chunks.size - initial.size} chunks load with their pages`;
      if (gzipped > INITIAL_JS_LIMIT_KB * 1024) this.error(`${line}: over the limit`);
      this.info(line);
    },
  };
}
