/**
 * Fails (exit 1) on any import cycle in any package, printing each one: part of `npm run
 * check`. madge reads the imports (type-only ones included) with each package's tsconfig,
 * so `./x.js` in TypeScript source resolves to `x.ts`.
 */
import madge from 'madge';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'db', 'server', 'cli', 'web'];
let cycles = 0;
for (const name of packages) {
  const dir = `${root}packages/${name}`;
  const graph = await madge(`${dir}/src`, {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: `${dir}/tsconfig.json`,
  });
  for (const cycle of graph.circular()) {
    cycles += 1;
    console.error(`import cycle in packages/${name}/src: ${cycle.join(' → ')} → ${cycle[0]}`);
  }
}
if (cycles > 0) {
  console.error(
    `${cycles} import cycle${cycles === 1 ? '' : 's'}: give shared code a home of its own.`,
  );
  process.exit(1);
}
console.log(`No import cycle in ${packages.length} packages.`);
