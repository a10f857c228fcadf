import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const entry = (name: string, file: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/${file}.ts`, import.meta.url));
const src = (name: string) => entry(name, 'index');

export default defineConfig({
  resolve: {
    // Tests run on the TypeScript sources; the build is for `npm start` and the e2e tier.
    alias: [
      // `@sextant/core/evaluation` and the other subpath entries (see core's package.json).
      {
        find: /^@sextant\/core\/evaluation$/,
        replacement: entry('core', 'evaluation-entry'),
      },
      { find: /^@sextant\/core\/(errors|version)$/, replacement: entry('core', '$1') },
      { find: /^@sextant\/core$/, replacement: src('core') },
      { find: /^@sextant\/db$/, replacement: src('db') },
      { find: /^@sextant\/server$/, replacement: src('server') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts'],
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
