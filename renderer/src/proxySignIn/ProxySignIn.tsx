import { useState } from 'react';
import { disabledBecause } from '../components/disabledBecause';
import type { ProxySignInApi, ProxySignInContext } from '../../../shared/ipc/proxySignIn';

/**
 * What a technician sees when the plant's proxy asks for a sign-in before Shopfloor can reach its
 * server: which proxy asks, the two fields, OK and Cancel. Enter is OK, Escape is Cancel. What is
 * typed goes to main once and is never stored by this page.
 */
export function ProxySignIn({ context, api }: { context: ProxySignInContext; api: ProxySignInApi | undefined }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const cancel = () => {
    if (sent) return;
    setSent(true);
    api?.cancel();
  };

  return (
    <main className="proxy-sign-in" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
      <form
        noValidate
        aria-labelledby="proxy-sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (sent) return;
          if (!username.trim()) return setMissing(true);
          setSent(true);
          api?.submit(username.trim(), password);
        }}
      >
        <h1 id="proxy-sign-in-title">Proxy sign-in</h1>
        <p>
          The proxy <strong>{context.proxy}</strong> asks for a user name and password before Shopfloor can reach its server.
        </p>
        {context.realm && <p className="muted">It says: “{context.realm}”</p>}
        {context.refused && (
          <p className="field-error" role="alert">
            The proxy did not accept the last user name and password. Check them and try again.
          </p>
        )}
        <label>
          User name
          <input
            value={username}
            autoComplete="username"
            autoFocus
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'proxy-username-error' : undefined}
          />
        </label>
        {missing && (
          <p id="proxy-username-error" className="field-error" role="alert">
            Type the user name the proxy expects (often your Windows user name).
          </p>
        )}
        <label>
          Password
          <input type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <p className="muted">Kept only while Shopfloor runs, never saved.</p>
        <div className="button-row">
          <button type="submit" className="primary" {...disabledBecause(sent && 'Your answer has been sent to the proxy.')}>
            OK
          </button>
          <button type="button" onClick={cancel} {...disabledBecause(sent && 'Your answer has been sent to the proxy.')}>
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
