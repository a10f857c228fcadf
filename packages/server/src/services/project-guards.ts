/**
 * The guards every use case shares: load what a write may touch, or refuse it with the
 * reason. Their own file, so that services import them without importing each other.
 */
import { AppError, notFound } from '@sextant/core';
import type { ProjectRecord, Repositories, SprintRecord } from '@sextant/db';

/** Loads a project for a write: archived projects are read-only until unarchived. */
export async function loadWritableProject(
  repos: Repositories,
  projectId: string,
): Promise<ProjectRecord> {
  const project = await repos.projects.findById(projectId);
  if (!project) throw notFound('Project');
  if (project.archivedAt) {
    throw new AppError('conflict', 'The project is archived; unarchive it to change it.', {
      archivedAt: project.archivedAt,
    });
  }
  return project;
}

/**
 * A linked run must be one of the project's own runs. A run of another project (of any
 * team) answers exactly like a missing one, so the message reveals nothing.
 */
export async function assertRunOfProject(
  repos: Repositories,
  projectId: string,
  runId: string | null,
) {
  if (runId === null) return;
  const run = await repos.runs.findById(runId);
  if (!run || run.projectId !== projectId) {
    throw new AppError('rule_violation', 'runId: the run must be one of this project’s runs.', {
      field: 'runId',
      runId,
    });
  }
}

/** Loads a sprint, or answers 404. */
export async function loadSprint(repos: Repositories, sprintId: string): Promise<SprintRecord> {
  const sprint = await repos.sprints.findById(sprintId);
  if (!sprint) throw notFound('Sprint');
  return sprint;
}
