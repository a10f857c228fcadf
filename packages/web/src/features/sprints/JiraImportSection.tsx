import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { JiraImportResult } from '@sextant/core';
import { useJiraImport, type UploadPhase } from '../../api/imports';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, Notice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { DateField, FormActions, FormShell, SelectField } from '../../components/form';
import { Section } from '../../components/Section';
import { formatDateRange, formatNumber } from '../../lib/format';
import { SPRINT_STATE_LABELS, sprintPath } from './sprint-text';

const LENGTHS = [
  { value: '1w', label: '1 week' },
  { value: '2w', label: '2 weeks' },
  { value: '3w', label: '3 weeks' },
  { value: '4w', label: '4 weeks' },
];

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** The upload's progress: a share while the file is sent, then indeterminate while it is read. */
function UploadProgress({ progress, fileName }: { progress: UploadPhase; fileName: string }) {
  const id = useId();
  if (progress.phase === 'idle') return null;
  const percent =
    progress.phase === 'uploading' && progress.total
      ? Math.min(100, Math.round((progress.loaded / progress.total) * 100))
      : null;
  const label =
    progress.phase === 'processing'
      ? `Importing ${fileName}…`
      : percent === null
        ? `Uploading ${fileName}…`
        : `Uploading ${fileName}: ${percent} %`;
  return (
    <div className="upload-progress" role="status">
      <label htmlFor={id} className="upload-progress__label">
        {label}
      </label>
      {progress.phase === 'uploading' && percent !== null ? (
        <progress id={id} max={100} value={percent}>
          {percent} %
        </progress>
      ) : (
        // No value: the bar is indeterminate while the server reads the rows.
        <progress id={id} />
      )}
      {progress.phase === 'uploading' && progress.total ? (
        <span className="upload-progress__bytes muted small">
          {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
        </span>
      ) : null}
    </div>
  );
}

function ImportResult({ projectId, result }: { projectId: string; result: JiraImportResult }) {
  const sprintsCreated = result.sprints.filter((s) => s.result === 'created').length;
  const sprintsExisting = result.sprints.filter((s) => s.result === 'existing').length;
  const sprintsSkipped = result.sprints.filter((s) => s.result === 'skipped').length;
  const nothingNew =
    sprintsCreated === 0 && result.stories.created === 0 && result.stories.updated === 0;
  return (
    <div className="import-result" role="region" aria-label="Import result">
      <Notice
        tone={result.problems.length > 0 ? 'warning' : 'success'}
        title={nothingNew ? 'Nothing new to import.' : 'Import finished.'}
      >
        <ul className="notice__list import-result__summary">
          <li>
            Sprints: {sprintsCreated} created, {sprintsExisting} already there
            {sprintsSkipped > 0 ? `, ${sprintsSkipped} skipped` : ''}
          </li>
          <li>
            Stories: {result.stories.created} created, {result.stories.existing} already there
            {result.stories.updated > 0 ? ` (${result.stories.updated} updated from Jira)` : ''}
          </li>
          <li>
            {result.rows} row{result.rows === 1 ? '' : 's'} read;{' '}
            {result.problems.length === 0
              ? 'every row was usable'
              : `${result.problems.length} not imported (see below)`}
          </li>
        </ul>
      </Notice>
      {result.sprints.length > 0 ? (
        <DataTable
          label="Imported sprints"
          rows={result.sprints}
          rowKey={(sprint) => sprint.name}
          columns={[
            {
              header: 'Sprint',
              cell: (sprint) =>
                sprint.sprintId ? (
                  <Link className="table__primary-link" to={sprintPath(projectId, sprint.sprintId)}>
                    {sprint.name}
                  </Link>
                ) : (
                  sprint.name
                ),
            },
            {
              header: 'Dates',
              cell: (sprint) =>
                sprint.startDate && sprint.endDate
                  ? formatDateRange(sprint.startDate, sprint.endDate)
                  : '—',
            },
            {
              header: 'State',
              cell: (sprint) => (sprint.state ? SPRINT_STATE_LABELS[sprint.state] : '—'),
            },
            { header: 'Stories', cell: (sprint) => sprint.stories },
            {
              header: 'Result',
              cell: (sprint) => (
                <Badge
                  tone={
                    sprint.result === 'created'
                      ? 'success'
                      : sprint.result === 'skipped'
                        ? 'warning'
                        : 'neutral'
                  }
                >
                  {sprint.result === 'existing' ? 'Already there' : sprint.result}
                </Badge>
              ),
            },
          ]}
        />
      ) : null}
      <LineTable title="Rows not imported" rows={result.problems} />
      <LineTable title="Imported with a remark" rows={result.warnings} />
    </div>
  );
}

function LineTable({ title, rows }: { title: string; rows: { line: number; message: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="line-table">
      <h3 className="form__title">{title}</h3>
      <DataTable
        label={title}
        rows={rows}
        rowKey={(row, index) => `${row.line}-${index}`}
        columns={[
          {
            header: 'Line',
            className: 'line-table__line',
            headClassName: null,
            cell: (row) => row.line,
          },
          { header: 'Message', cell: (row) => row.message },
        ]}
      />
    </div>
  );
}

/** Jira CSV import: the file, the sprint length and first start Jira does not export, progress, result. */
export function JiraImportSection({ projectId }: { projectId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [sprintLength, setSprintLength] = useState('2w');
  const [firstSprintStart, setFirstSprintStart] = useState('');
  const upload = useJiraImport(projectId);

  const submit = () => {
    if (!file) return;
    upload.mutate({ file, sprintLength, firstSprintStart });
  };

  return (
    <Section
      title="Import from Jira"
      id="jira-import"
      description="Bring in the sprints and stories of a Jira CSV export (Export → CSV, all fields). Importing the same file again creates nothing twice."
    >
      <FormShell label="Import from Jira" className="form" onSubmit={submit}>
        <p className="field__hint section-intro">
          Jira’s CSV names each issue’s sprints but not their dates, so say how long a sprint lasts
          and, if you know it, when the first one started (otherwise the Monday before the earliest
          issue).
        </p>
        <div className="form__row">
          <Field label="Jira CSV file" className="grow">
            {(props) => (
              <input
                {...props}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  upload.reset();
                }}
                required
              />
            )}
          </Field>
          <SelectField
            label="Sprint length"
            className="narrow"
            value={sprintLength}
            onChange={setSprintLength}
            options={LENGTHS}
          />
          <DateField
            label="First sprint starts"
            optional
            className="narrow-date"
            value={firstSprintStart}
            onChange={setFirstSprintStart}
          />
        </div>
        <FormActions
          submitLabel="Import"
          pendingLabel="Importing…"
          pending={upload.isPending}
          disabled={!file}
        >
          {file && !upload.isPending ? (
            <span className="muted small import-file">
              {file.name}, {formatBytes(file.size)}
            </span>
          ) : null}
        </FormActions>
        {upload.isPending ? (
          <UploadProgress progress={upload.progress} fileName={file?.name ?? 'the file'} />
        ) : null}
      </FormShell>
      {upload.error ? <ErrorNotice error={upload.error} title="The import failed." /> : null}
      {upload.data ? <ImportResult projectId={projectId} result={upload.data} /> : null}
    </Section>
  );
}
