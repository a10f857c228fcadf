// Bundles the client commands (packages/cli/dist/client-main.js, built by `tsc -b`) into one
// JavaScript file with no dependencies and no native code, served by every Sextant server at
// /cli/sextant.mjs: a CI job needs only Node >= 18. Fails if anything server-side got in.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `${root}packages/cli/dist/client-main.js`;
const outfile = `${root}packages/cli/dist/client/sextant.mjs`;
const { SEXTANT_VERSION } = await import(`${root}packages/core/dist/version.js`);

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  minify: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  define: { __SEXTANT_SERVER_VERSION__: JSON.stringify(SEXTANT_VERSION) },
  // commander is CommonJS: its require('node:events') needs a require in an ES module.
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// sextant-client ${SEXTANT_VERSION}: one file, Node >= 18.`,
      "import { createRequire as __sextantRequire } from 'node:module';",
      'const require = __sextantRequire(import.meta.url);',
    ].join('\n'),
  },
});

const forbidden = Object.keys(result.metafile.inputs).filter((input) =>
  /better-sqlite3|packages\/(server|db)\/|node_modules\/(pg|fastify)\//.test(input),
);
if (forbidden.length > 0) {
  console.error(`build-client: the client bundle must not include ${forbidden.join(', ')}`);
  process.exit(1);
}
const bytes = readFileSync(outfile);
const sha256 = createHash('sha256').update(bytes).digest('hex');
writeFileSync(`${outfile}.sha256`, `${sha256}  sextant.mjs\n`);
console.log(`build-client: ${outfile} (${(bytes.length / 1024).toFixed(0)} KiB, sha256 ${sha256})`);
