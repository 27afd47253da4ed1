import { useState } from 'react';
import { disabledBecause } from '../../components/disabledBecause';
import { SignInInput } from '../../../../shared/domain/inputs';
import { useExitKioskMutation, useGetKioskQuery } from '../../api/shopfloorApi';

/**
 * The kiosk's only way out to the desktop, on the sign-in screen: an administrator's user name and
 * password, checked on this PC (main/core/kiosk/service.ts). Not shown unless IT runs this PC as a kiosk.
 */
export function KioskExit() {
  const { data } = useGetKioskQuery();
  const [exit, { isLoading, error, data: answer }] = useExitKioskMutation();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!data?.kiosk) return null;
  if (!open) {
    return (
      <button type="button" className="kiosk-exit-button" onClick={() => setOpen(true)}>
        Exit kiosk (IT)
      </button>
    );
  }
  return (
    <form
      className="kiosk-exit"
      aria-labelledby="kiosk-exit-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = SignInInput.safeParse({ username, password });
        if (!parsed.success) return setProblem('Enter an administrator’s user name and password.');
        setProblem(null);
        void exit(parsed.data)
          .unwrap()
          .catch(() => setPassword(''));
      }}
    >
      <h2 id="kiosk-exit-title">Exit kiosk (IT)</h2>
      <label>
        Administrator user name
        <input value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Administrator password
        <input type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
      </label>
      {(problem ?? error?.message) && (
        <p role="alert" className="error">
          {problem ?? error?.message}
        </p>
      )}
      {answer?.exiting && <p role="status">Closing Shopfloor…</p>}
      <div className="button-row">
        <button type="submit" {...disabledBecause(isLoading && 'The password is being checked.', answer?.exiting && 'Shopfloor is closing.')}>
          Exit kiosk
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
