import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_KPI_RULES,
  countArtifactsProduced,
  countReusedByOthers,
  countReusesMade,
  isOwnArtifactReuse,
  mostReusedArtifacts,
  projectArtifactKpis,
  reuseCountByArtifact,
  type ArtifactFact,
  type ReuseFact,
} from '../../src/index.js';

/*
 * Three projects. P1 produced a1, a2, a4; P2 produced a3; P3 produced nothing.
 * Reuses: a1 by P2 (twice, two purposes) and by P3; a2 by P3; a3 by P1 and by P3.
 * By hand: produced P1 = 3, P2 = 1, P3 = 0; reuses made P1 = 1, P2 = 2, P3 = 3;
 * reused by others P1 = 3 + 1 = 4, P2 = 2, P3 = 0; counts a1 = 3, a2 = 1, a3 = 2, a4 = 0.
 */
const artifacts: ArtifactFact[] = [
  { id: 'a1', name: 'Sensor cleaner', kind: 'tool', projectId: 'P1' },
  { id: 'a2', name: 'Failure labels', kind: 'dataset', projectId: 'P1' },
  { id: 'a3', name: 'Churn model', kind: 'model', projectId: 'P2' },
  { id: 'a4', name: 'Unused template', kind: 'template', projectId: 'P1' },
];
const reuses: ReuseFact[] = [
  { artifactId: 'a1', projectId: 'P2' },
  { artifactId: 'a1', projectId: 'P3' },
  { artifactId: 'a1', projectId: 'P2' },
  { artifactId: 'a2', projectId: 'P3' },
  { artifactId: 'a3', projectId: 'P1' },
  { artifactId: 'a3', projectId: 'P3' },
];

describe('artifact KPIs', () => {
  it('counts the artifacts each project produced', () => {
    expect(countArtifactsProduced(artifacts, 'P1')).toBe(3);
    expect(countArtifactsProduced(artifacts, 'P2')).toBe(1);
    expect(countArtifactsProduced(artifacts, 'P3')).toBe(0);
  });

  it('counts the reuses each project made of other projects’ artifacts', () => {
    expect(countReusesMade(artifacts, reuses, 'P1')).toBe(1);
    expect(countReusesMade(artifacts, reuses, 'P2')).toBe(2);
    expect(countReusesMade(artifacts, reuses, 'P3')).toBe(3);
  });

  it('counts the reuses other projects made of each project’s artifacts', () => {
    expect(countReusedByOthers(artifacts, reuses, 'P1')).toBe(4);
    expect(countReusedByOthers(artifacts, reuses, 'P2')).toBe(2);
    expect(countReusedByOthers(artifacts, reuses, 'P3')).toBe(0);
  });

  it('never counts a project reusing its own artifact, on either side', () => {
    const withOwn = [...reuses, { artifactId: 'a4', projectId: 'P1' }];
    expect(countReusesMade(artifacts, withOwn, 'P1')).toBe(1);
    expect(countReusedByOthers(artifacts, withOwn, 'P1')).toBe(4);
    expect(isOwnArtifactReuse({ projectId: 'P1' }, 'P1')).toBe(true);
    expect(isOwnArtifactReuse({ projectId: 'P1' }, 'P2')).toBe(false);
  });

  it('gives each artifact its reuse count, 0 for one never reused', () => {
    const counts = reuseCountByArtifact(artifacts, reuses);
    expect(Object.fromEntries(counts)).toEqual({ a1: 3, a2: 1, a3: 2, a4: 0 });
  });

  it('ranks the most reused: most first, never-reused left out', () => {
    expect(mostReusedArtifacts(artifacts, reuses)).toEqual([
      { id: 'a1', name: 'Sensor cleaner', kind: 'tool', reuseCount: 3 },
      { id: 'a3', name: 'Churn model', kind: 'model', reuseCount: 2 },
      { id: 'a2', name: 'Failure labels', kind: 'dataset', reuseCount: 1 },
    ]);
  });

  it('keeps the top 5 and breaks ties by name, whatever the case', () => {
    const many: ArtifactFact[] = ['g', 'F', 'e', 'D', 'c', 'B', 'a'].map((name, i) => ({
      id: `x${i}`,
      name,
      kind: 'other',
      projectId: 'P1',
    }));
    // Every artifact reused once, except "c" twice.
    const once: ReuseFact[] = many.map((a) => ({ artifactId: a.id, projectId: 'P2' }));
    once.push({ artifactId: 'x4', projectId: 'P3' });
    expect(mostReusedArtifacts(many, once).map((a) => `${a.name}:${a.reuseCount}`)).toEqual([
      'c:2',
      'a:1',
      'B:1',
      'D:1',
      'e:1',
    ]);
  });

  it('puts one project’s figures together, with its own most reused artifacts', () => {
    expect(projectArtifactKpis(artifacts, reuses, 'P1')).toEqual({
      produced: 3,
      reusedByOthers: 4,
      reusesMade: 1,
      mostReused: [
        { id: 'a1', name: 'Sensor cleaner', kind: 'tool', reuseCount: 3 },
        { id: 'a2', name: 'Failure labels', kind: 'dataset', reuseCount: 1 },
      ],
      rules: ARTIFACT_KPI_RULES,
    });
    expect(projectArtifactKpis(artifacts, reuses, 'P3')).toMatchObject({
      produced: 0,
      reusedByOthers: 0,
      reusesMade: 3,
      mostReused: [],
    });
  });

  it('states every rule in words', () => {
    for (const rule of Object.values(ARTIFACT_KPI_RULES)) expect(rule.length).toBeGreaterThan(20);
  });
});
