import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ProjectDetail } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useSetArchived, useUpdateProject } from '../../api/projects';
import { ErrorNotice } from '../../components/Feedback';
import { Badge } from '../../components/Badge';
import { StageBadge } from '../../components/StageBadge';
import { formatRelative } from '../../lib/format';

interface ProjectHeaderProps {
  project: ProjectDetail;
  canEdit: boolean;
  isMember: boolean;
}

export function ProjectHeader({ project, canEdit, isMember }: ProjectHeaderProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const update = useUpdateProject(project.id);
  const archive = useSetArchived(project.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (next === project.name) return setRenaming(false);
    update.mutate({ name: next }, { onSuccess: () => setRenaming(false) });
  };
  const nameError = fieldErrors(update.error).name;

  return (
    <div className="project-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/projects">Projects</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/projects?team=${project.teamId}`}>{project.teamName}</Link>
      </nav>
      <div className="project-header__row">
        {renaming ? (
          <form className="rename" onSubmit={submit} aria-label="Rename project">
            <label className="sr-only" htmlFor="project-name">
              Project name
            </label>
            <input
              id="project-name"
              className="rename__input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              autoFocus
              required
            />
            <button
              type="submit"
              className="btn btn--primary"
              disabled={update.isPending || !name.trim()}
            >
              Save name
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setRenaming(false);
                setName(project.name);
                update.reset();
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <div className="project-header__title">
            <h1 className="page-header__title">{project.name}</h1>
            {canEdit ? (
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => {
                  setName(project.name);
                  setRenaming(true);
                }}
              >
                Rename
              </button>
            ) : null}
          </div>
        )}
        {isMember ? (
          <div className="project-header__actions">
            <button
              type="button"
              className="btn"
              disabled={archive.isPending}
              onClick={() => archive.mutate(!project.archivedAt)}
            >
              {project.archivedAt ? 'Unarchive' : 'Archive'}
            </button>
          </div>
        ) : null}
      </div>
      <div className="project-header__meta">
        <StageBadge stage={project.stage} />
        <span>
          Team <strong>{project.teamName}</strong>
        </span>
        <span>Your role: {project.role}</span>
        <span title={project.updatedAt}>Updated {formatRelative(project.updatedAt)}</span>
        {project.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
      </div>
      {update.error ? <ErrorNotice error={update.error} /> : null}
      {archive.error ? <ErrorNotice error={archive.error} /> : null}
    </div>
  );
}
