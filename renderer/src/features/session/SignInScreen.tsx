import { useState } from 'react';
import { SignInInput } from '../../../../shared/domain/inputs';
import type { SessionState } from '../../../../shared/domain/views';
import { useSignInMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { fieldErrors } from '../../components/forms';
import { disabledBecause } from '../../components/disabledBecause';
import { KioskExit } from '../kiosk/KioskExit';
import { ReportProblemButton } from '../requests/ReportProblemButton';
import { ReportProblemScreen } from '../requests/ReportProblemScreen';

/** Shared workstation: each technician signs in; offline too, once they have signed in here with the server. */
export function SignInScreen({ session }: { session: SessionState }) {
  const [signIn, { isLoading, error }] = useSignInMutation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // An operator without an account reports a problem from here.
  const [reporting, setReporting] = useState(false);

  if (reporting) return <ReportProblemScreen onBack={() => setReporting(false)} />;
  return (
    <main className="sign-in">
      <form
        noValidate
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = SignInInput.safeParse({ username, password });
          if (!parsed.success) return setErrors(fieldErrors(parsed.error));
          setErrors({});
          void signIn(parsed.data)
            .unwrap()
            .catch(() => setPassword(''));
        }}
      >
        <h1 id="sign-in-title">Sign in to Shopfloor</h1>
        <label>
          User name
          <input value={username} autoComplete="username" autoFocus onChange={(e) => setUsername(e.target.value)} aria-describedby="username-error" />
        </label>
        <FieldError id="username-error" message={errors.username} />
        <label>
          Password
          <input type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} aria-describedby="password-error" />
        </label>
        <FieldError id="password-error" message={errors.password ?? error?.message} />
        <button type="submit" className="primary" {...disabledBecause(isLoading && 'Signing in, please wait.')}>
          {isLoading ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          {session.serverConfigured
            ? 'The first time on this computer you need a connection to the server. After that you can also sign in offline.'
            : 'Demo: no sync server is set up. Sign in as alice or bob (technicians) or sam (supervisor), password shopfloor-demo.'}
        </p>
      </form>
      <KioskExit />
      <ReportProblemButton onClick={() => setReporting(true)} />
    </main>
  );
}
