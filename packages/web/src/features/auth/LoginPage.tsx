import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../../api/auth';
import { isApiError } from '../../api/errors';
import { FormShell, TextField } from '../../components/form';
import { Logo } from '../../components/Logo';
import { PageTitle } from '../../components/PageTitle';

/** "try again at 14:32" for a 429, so the person knows when, not only how long. */
function retryHint(seconds: number | null): string | null {
  if (!seconds) return null;
  const at = new Date(Date.now() + seconds * 1000);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const minutes = Math.ceil(seconds / 60);
  return `You can try again at ${time} (in about ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/portfolio';

  if (me.data?.user && !login.isPending) return <Navigate to={from} replace />;

  const submit = () =>
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(from, { replace: true }) },
    );

  const error = login.error;
  const throttled = isApiError(error) && error.status === 429;
  const retrySeconds = throttled
    ? (error.retryAfterSeconds ??
      (typeof error.details.retryAfterSeconds === 'number'
        ? error.details.retryAfterSeconds
        : null))
    : null;

  return (
    <main className="login">
      <PageTitle title="Sign in" />
      <div className="login__panel">
        <div className="login__brand">
          <Logo size={36} />
          <div>
            <h1 className="login__title">Sign in to Sextant</h1>
            <p className="login__subtitle">Is your data-science project on track?</p>
          </div>
        </div>
        <FormShell className="form" onSubmit={submit} noValidate>
          {error ? (
            <div className="notice notice--error" role="alert">
              <p>{error.message}</p>
              {throttled ? <p>{retryHint(retrySeconds)}</p> : null}
            </div>
          ) : null}
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <button
            type="submit"
            className="btn btn--primary btn--block"
            disabled={login.isPending || !email || !password}
          >
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </FormShell>
        <p className="login__help">
          No account? An administrator creates one with{' '}
          <code>sextant user create --email you@example.com --password-stdin</code>.
        </p>
      </div>
    </main>
  );
}
