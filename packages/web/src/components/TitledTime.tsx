import { formatDate, formatDateTime, formatRelative } from '../lib/format';

/** A date (or how long ago it was, `relative`) with the full date and time on hover. */
export function TitledTime({ at, relative = false }: { at: string; relative?: boolean }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {relative ? formatRelative(at) : formatDate(at)}
    </time>
  );
}
