import { useState } from 'react';

/**
 * What a pipeline needs to report to this project: the client is fetched from this server
 * itself (GET /cli/sextant.mjs, one file, Node only), the token comes from a secret.
 */
export function ciSetupSnippets(origin: string, projectId: string) {
  const command = `node sextant.mjs run report --project ${projectId} --metrics-file metrics.json`;
  return {
    github: [
      '- name: Report the run to Sextant',
      '  env:',
      `    SEXTANT_URL: ${origin}`,
      '    SEXTANT_TOKEN: ${{ secrets.SEXTANT_TOKEN }}',
      '  run: |',
      '    curl -fsSO "$SEXTANT_URL/cli/sextant.mjs"',
      `    ${command}`,
    ].join('\n'),
    gitlab: [
      'sextant:',
      '  image: node:20',
      '  variables:',
      `    SEXTANT_URL: ${origin}`,
      '  script:',
      '    - curl -fsSO "$SEXTANT_URL/cli/sextant.mjs"',
      `    - ${command}`,
    ].join('\n'),
  };
}

function Snippet({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <figure className="ci-setup__snippet" aria-label={label}>
      <figcaption className="ci-setup__caption">
        <span>{label}</span>
        <button type="button" className="btn btn--small" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
        </button>
      </figcaption>
      <pre className="code-block">
        <code>{text}</code>
      </pre>
    </figure>
  );
}

/** Shown right after a CI token is made: the project id and the steps to paste, filled in. */
export function CiSetupSnippets({ projectId }: { projectId: string }) {
  const snippets = ciSetupSnippets(window.location.origin, projectId);
  return (
    <div className="ci-setup" role="region" aria-label="Report runs from CI">
      <p>
        Store the token as the secret <code>SEXTANT_TOKEN</code> of your pipeline (GitHub: Settings
        → Secrets and variables → Actions; GitLab: Settings → CI/CD → Variables, masked), then add
        this step after the one that writes <code>metrics.json</code>. Project id:{' '}
        <code>{projectId}</code>.
      </p>
      <Snippet label="GitHub Actions" text={snippets.github} />
      <Snippet label="GitLab CI" text={snippets.gitlab} />
      <p className="muted">
        The client is one file served by this server (
        <a href={`${window.location.origin}/cli/sextant.mjs.sha256`}>checksum</a>); it needs only
        Node 18 or later. <code>node sextant.mjs deploy report</code> reports a deployment the same
        way.
      </p>
    </div>
  );
}
