import { useState } from 'react';

interface SecretRevealProps {
  /** The secret (`token`) and what it is called (`name`): a new token, or an invitation link. */
  token: { name: string; token: string };
  onDone: () => void;
  /** What the secret is, in words ("token" unless told, e.g. "invitation link"). */
  what?: string;
  /** Why it cannot be shown again, when not "only a hash is stored" (a signing secret). */
  note?: string;
}

/** Shows a new secret the only time it exists in clear, with a copy button. */
export function SecretReveal({ token, onDone, what = 'token', note }: SecretRevealProps) {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="secret" role="region" aria-label={`New ${what} secret`}>
      <p className="secret__warning">
        <strong>
          Copy the {what} “{token.name}” now.
        </strong>{' '}
        {note ?? 'It is shown only this once; Sextant stores only a hash and cannot show it again.'}
      </p>
      <div className="secret__row">
        <textarea
          className="secret__value"
          readOnly
          rows={1}
          value={token.token}
          aria-label={`${What} secret`}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="btn" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' ? (
        <p className="field__hint">
          The browser refused the clipboard: select the text and copy it.
        </p>
      ) : null}
      <button type="button" className="btn btn--small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
