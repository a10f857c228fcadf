import { useStageHistory } from '../../api/projects';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { formatDateTime, stageLabel } from '../../lib/format';

/** Every stage change, newest first: who, when, why. */
export function StageHistory({ projectId }: { projectId: string }) {
  const history = useStageHistory(projectId);
  return (
    <Section title="Stage history">
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <ol className="timeline">
          {[...history.data].reverse().map((change) => (
            <li key={change.id} className="timeline__item">
              <div className="timeline__head">
                <strong>
                  {change.fromStage ? `${stageLabel(change.fromStage)} → ` : ''}
                  {stageLabel(change.toStage)}
                </strong>
              </div>
              <div className="timeline__meta">
                {change.changedBy?.name ?? 'Sextant'} ·{' '}
                <time dateTime={change.changedAt}>{formatDateTime(change.changedAt)}</time>
              </div>
              {change.note ? <p className="timeline__note">{change.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
