import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const entry = (name: string, file: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/${file}.ts`, import.meta.url));
const src = (name: string) => entry(name, 'index');
/** Tests that measure a process's memory: run after every other file, on their own. */
const MEASURED_ALONE = 'packages/cli/test/integration/bulk-upload-memory.test.ts';

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
        // The web's components, rendered in happy-dom with Testing Library; the network is
        // the only thing faked (a fetch that answers like the server).
        extends: true,
        test: {
          name: 'web',
          include: ['packages/web/test/unit/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['packages/web/test/support/setup.ts'],
          // A test types like a person, key by key: on a busy machine that takes seconds.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts'],
          exclude: [MEASURED_ALONE],
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // A server's peak memory is only its own when nothing else runs: with the other
        // integration files on the same cores, V8's concurrent marking falls behind and the
        // heap of the measured process grows (99 MiB instead of 19 for the same upload in CI).
        extends: true,
        test: {
          name: 'integration-alone',
          include: [MEASURED_ALONE],
          globalSetup: ['packages/server/test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
