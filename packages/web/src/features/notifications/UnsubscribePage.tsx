import { useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useUnsubscribe, useUnsubscribeView } from '../../api/notifications';
import { ErrorNotice, Loading, Notice } from '../../components/Feedback';
import { Logo } from '../../components/Logo';
import { PageTitle } from '../../components/PageTitle';

/** The page an email's unsubscribe link opens: what it stops, and one button. */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const view = useUnsubscribeView(token);
  const unsubscribe = useUnsubscribe(token);
  const gone = isApiError(view.error) && view.error.status === 404;
  const done = unsubscribe.data ?? (view.data?.usedAt ? view.data : null);
  const what = !view.data
    ? ''
    : view.data.kind === 'weekly'
      ? `the weekly sponsor digest of ${view.data.project?.name ?? 'every project'}`
      : view.data.project
        ? `emails about ${view.data.project.name}`
        : 'every email from Sextant';
  return (
    <main className="unsubscribe">
      <PageTitle title="Unsubscribe" />
      <header className="unsubscribe__header">
        <Logo size={32} />
        <h1 className="unsubscribe__title">Unsubscribe</h1>
      </header>
      {view.isPending ? (
        <Loading label="Reading the link…" />
      ) : gone ? (
        <Notice tone="warning" title="This link is not valid.">
          <p>
            Copy the whole link from the email, or sign in and change your emails in My
            notifications.
          </p>
        </Notice>
      ) : view.isError ? (
        <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />
      ) : done ? (
        <Notice tone="success" title="You are unsubscribed.">
          <p>
            {view.data.email} will no longer receive {what}. Sign in and open My notifications to
            subscribe again.
          </p>
        </Notice>
      ) : (
        <div className="card">
          <div className="card__body unsubscribe__body">
            <p>
              Stop sending {what} to <strong>{view.data.email}</strong>?
            </p>
            {unsubscribe.error ? <ErrorNotice error={unsubscribe.error} /> : null}
            <div>
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => unsubscribe.mutate()}
                disabled={unsubscribe.isPending}
              >
                {unsubscribe.isPending ? 'Unsubscribing…' : 'Unsubscribe'}
              </button>
            </div>
          </div>
        </div>
      )}
    </main>
  );
}
