import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// `npm install` warns EBADENGINE for every installed package whose `engines.node` the running
// Node does not satisfy. The project promises the Node of its root `engines` (README: "Node.js
// ≥ 20.19"), so every package the lockfile installs must accept the oldest Node of that range.
// An optional build for one platform (os/cpu set) whose engines refuse it is skipped by npm
// without a warning, so it is not counted: bench/evaluate installs Polars' own on first use.
interface LockedPackage {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  engines?: Record<string, string> | string[];
}

const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

describe('the lockfile installs on the Node the project states', () => {
  const root = read('package.json') as { engines: { node: string } };
  const oldest = semver.minVersion(root.engines.node);
  const lock = read('package-lock.json') as { packages: Record<string, LockedPackage> };

  it('states a Node range', () => {
    expect(oldest?.version).toBe('20.19.0');
  });

  it('has no package whose engines refuse the oldest Node of that range', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const platformBuild =
        pkg.optional === true && (pkg.os !== undefined || pkg.cpu !== undefined);
      const range =
        pkg.engines && !Array.isArray(pkg.engines) && !platformBuild ? pkg.engines.node : undefined;
      return range && oldest && !semver.satisfies(oldest, range)
        ? [`${path.replace(/^.*node_modules\//, '')}@${pkg.version}: node ${range}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });
});
