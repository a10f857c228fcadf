// Lint: TypeScript rules plus the one-way dependency rule between packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Which of our packages each layer may import. Core imports none; web never reaches db or server. */
const layers = {
  'packages/core': [],
  'packages/db': ['core'],
  'packages/server': ['core', 'db'],
  'packages/cli': ['core', 'db', 'server'],
  'packages/web': ['core'],
};
const ALL = ['core', 'db', 'server', 'cli', 'web'];

/** What a file of `dir` may not import: other layers, other packages by path, Node in the browser. */
const layerPatterns = (dir, allowed) => [
  ...ALL.filter((name) => !allowed.includes(name) && `packages/${name}` !== dir).map((name) => ({
    group: [`@sextant/${name}`, `@sextant/${name}/*`],
    message: `${dir} may not import @sextant/${name}: dependencies point one way (see ARCHITECTURE.md).`,
  })),
  {
    group: ['../../*/src/*', '../../../packages/*'],
    message: 'Import other packages by name (@sextant/…), never by relative path.',
  },
  ...(dir === 'packages/core' || dir === 'packages/web'
    ? [{ group: ['node:*'], message: `${dir} runs in the browser too: no Node built-ins.` }]
    : []),
];

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const layerRules = Object.entries(layers).map(([dir, allowed]) =>
  restrict([`${dir}/**/*.{ts,tsx}`], layerPatterns(dir, allowed)),
);

/**
 * One place to present (ARCHITECTURE.md, the path of a request): services return API shapes
 * made by the presenters, which map records only (core and db types, never a service), and
 * routes send what the service returned. A later block replaces the rule's options, so these
 * repeat the server's layer patterns.
 */
const serverPatterns = layerPatterns('packages/server', layers['packages/server']);
const presentingRules = [
  restrict(
    ['packages/server/src/presenters/**/*.ts'],
    [
      ...serverPatterns,
      {
        group: ['../*', '!../presenters/*'],
        message:
          'A presenter maps records to API shapes: it imports only @sextant/core, @sextant/db and other presenters.',
      },
    ],
  ),
  restrict(
    ['packages/server/src/routes/**/*.ts'],
    [
      ...serverPatterns,
      {
        group: ['../presenters/*'],
        message:
          'A route sends what its service returns: services present (presenters/), routes never do.',
      },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  ...layerRules,
  ...presentingRules,
);
