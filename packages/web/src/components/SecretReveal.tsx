import { useState } from 'react';
import type { CreatedToken } from '@sextant/core';

/** Shows a new token's secret the only time it exists in clear, with a copy button. */
export function SecretReveal({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
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
    <div className="secret" role="region" aria-label="New token secret">
      <p className="secret__warning">
        <strong>Copy the token “{token.name}” now.</strong> It is shown only this once; Sextant
        stores only a hash and cannot show it again.
      </p>
      <div className="secret__row">
        <textarea
          className="secret__value"
          readOnly
          rows={1}
          value={token.token}
          aria-label="Token secret"
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
