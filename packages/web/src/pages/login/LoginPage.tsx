import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';

export function LoginPage({
  onLogIn,
  notice,
}: {
  onLogIn: (email: string, password: string) => Promise<void>;
  notice?: string | undefined;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Log in · Attain';
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onLogIn(email.trim(), password);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Could not log in. Try again.');
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <aside className="login__story">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">Attain</span>
        </div>
        <div>
          <h2>Run the business on numbers everyone can explain.</h2>
          <ul>
            <li>Territories, quotas and credits with full history</li>
            <li>Commissions every rep can trace to the deal</li>
            <li>Pipeline, forecasts and review packs without the spreadsheet marathon</li>
          </ul>
        </div>
        <p className="login__foot">Open-source sales operations platform</p>
      </aside>
      <main className="login__panel">
        <form className="login__form" onSubmit={submit} aria-labelledby="login-title">
          <h1 id="login-title">Log in</h1>
          <p className="login__lead">Use the email and password your Sales Operations team gave you.</p>
          {notice && !problem && <p className="notice">{notice}</p>}
          {problem && (
            <p className="form-error" role="alert" data-testid="login-error">
              {problem}
            </p>
          )}
          <label className="field">
            <span>Email</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--primary button--wide" disabled={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      </main>
    </div>
  );
}
