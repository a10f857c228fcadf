// Bundles integrations/lib/sextant-ci.ts into the files the CI integrations run without a
// build: the GitHub action's dist/index.mjs and the GitLab template's dist/sextant-ci.mjs.
// Both are committed; packages/cli/test/integration/ci-integrations.test.ts checks they
// equal a fresh build. `node scripts/build-integrations.mjs` writes them.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLES = [
  'integrations/github/dist/index.mjs',
  'integrations/gitlab/dist/sextant-ci.mjs',
];

/** The bundle's text, built in memory. */
export async function bundleText() {
  const result = await build({
    entryPoints: [join(root, 'integrations/lib/sextant-ci.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    legalComments: 'none',
    banner: {
      js: '// Built by scripts/build-integrations.mjs from integrations/lib/sextant-ci.ts: do not edit.',
    },
    absWorkingDir: root,
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleText();
  for (const file of BUNDLES) writeFileSync(join(root, file), text);
  console.log(`wrote ${BUNDLES.join(', ')} (${text.length} bytes)`);
}
