import { describe, expect, it } from 'vitest';
import { deploymentRun, type DeploymentRunCandidate } from '../../src/index.js';

const run = (
  id: string,
  commit: string,
  finishedAt: string | null,
  provenance: 'ci' | 'manual' = 'ci',
  createdAt = '2026-11-20T12:00:00Z',
): DeploymentRunCandidate => ({ id, commit, provenance, finishedAt, createdAt });

describe('a deployment’s run', () => {
  const runs = [
    run('r1', 'c1', '2026-11-20T09:00:00Z'),
    run('r2', 'c1', '2026-11-20T11:00:00Z'),
    run('r3', 'c1', '2026-11-20T11:30:00Z', 'manual'),
    run('r4', 'c2', null, 'ci', '2026-11-20T08:00:00Z'),
    run('r5', 'c2', '2026-11-20T07:00:00Z'),
  ];

  it('is the run it names, whatever its commit or provenance', () => {
    expect(deploymentRun({ runId: 'r3', commit: 'c9' }, runs)).toEqual({
      run: runs[2],
      linkedBy: 'posted',
    });
  });

  it('else the CI run of its commit that finished last; manual runs never count', () => {
    expect(deploymentRun({ runId: null, commit: 'c1' }, runs)).toEqual({
      run: runs[1],
      linkedBy: 'commit',
    });
  });

  it('counts a run that states no finish at its arrival', () => {
    // r4 arrived at 08:00, after r5 finished at 07:00.
    expect(deploymentRun({ runId: null, commit: 'c2' }, runs)?.run.id).toBe('r4');
  });

  it('takes the later arrival of two runs that finished at the same instant', () => {
    const twins = [
      run('r7', 'c1', '2026-11-20T10:00:00Z'),
      run('r6', 'c1', '2026-11-20T10:00:00Z'),
    ];
    expect(deploymentRun({ runId: null, commit: 'c1' }, twins)?.run.id).toBe('r7');
  });

  it('is none without a commit, for a commit no CI run has, or when the named run is not given', () => {
    expect(deploymentRun({ runId: null, commit: null }, runs)).toBeNull();
    expect(deploymentRun({ runId: null, commit: 'c3' }, runs)).toBeNull();
    expect(deploymentRun({ runId: 'missing', commit: 'c1' }, runs)).toBeNull();
  });
});
