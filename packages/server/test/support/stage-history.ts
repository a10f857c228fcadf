import type { TestEnv } from './harness.js';

/**
 * Puts a project in production on 1 March 2026 with a past history, written as the stage API
 * writes it: into the POC on 1 October 2025, productization on 10 January 2026, production.
 */
export async function putInProduction(env: TestEnv, projectId: string): Promise<void> {
  const { repos } = env.store;
  for (const [fromStage, toStage, at] of [
    ['scoping', 'poc', '2025-10-01T09:00:00.000Z'],
    ['poc', 'productization', '2026-01-10T09:00:00.000Z'],
    ['productization', 'production', '2026-03-01T09:00:00.000Z'],
  ] as const) {
    await repos.stageChanges.insert({
      projectId,
      fromStage,
      toStage,
      note: 'test history',
      changedBy: null,
      now: at,
    });
  }
  await repos.projects.setStage(projectId, 'production', '2026-03-01T09:00:00.000Z');
}
