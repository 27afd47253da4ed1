import { useState } from 'react';
import { disabledBecause } from '../../components/disabledBecause';
import { LinkBadgeInput, SetPinInput } from '../../../../shared/domain/inputs';
import { useClearPinMutation, useLinkBadgeMutation, useListQuickSwitchQuery, useSetPinMutation, useUnlinkBadgeMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';

/**
 * More → Settings: the signed-in person's PIN and badge for switching in from
 * the lock screen on this PC. Both ask for the password, so nobody can add
 * theirs to a PC someone else left signed in.
 */
export function QuickSwitchPanel({ username }: { username: string }) {
  const { data: accounts } = useListQuickSwitchQuery();
  const [setPin, setState] = useSetPinMutation();
  const [clearPin] = useClearPinMutation();
  const [linkBadge, linkState] = useLinkBadgeMutation();
  const [unlinkBadge] = useUnlinkBadgeMutation();
  const [pin, setPinText] = useState('');
  const [badge, setBadge] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const me = accounts?.find((a) => a.username === username);
  if (!me) return null;

  const run = (action: () => Promise<unknown>, saved: string) => {
    setDone(null);
    setProblem(null);
    void action()
      .then(() => {
        setDone(saved);
        setPinText('');
        setBadge('');
        setPassword('');
      })
      .catch((error: { message: string }) => setProblem(error.message));
  };
  const check = <T,>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) setProblem(parsed.error.issues[0]!.message);
    return parsed.success ? parsed.data : null;
  };

  return (
    <form noValidate aria-label="Quick switch" className="edit-form" onSubmit={(e) => e.preventDefault()}>
      <h2>Quick switch on this computer</h2>
      <p className="muted">
        Switch in from the lock screen with a PIN or your badge, without your password. PIN: {me.hasPin ? 'set' : 'not set'}. Badge: {me.hasBadge ? 'linked' : 'not linked'}.
      </p>
      <label>
        New PIN (4 to 6 digits)
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPinText(e.target.value)} />
      </label>
      <label>
        Badge (click here, then scan it)
        <input type="password" autoComplete="off" value={badge} onChange={(e) => setBadge(e.target.value)} />
      </label>
      <label>
        Your password
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="quick-switch-error" />
      </label>
      <FieldError id="quick-switch-error" message={problem ?? undefined} />
      {done && (
        <p className="saved" role="status">
          {done}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          {...disabledBecause(setState.isLoading && 'Your PIN is being saved.')}
          onClick={() => {
            const input = check(SetPinInput, { pin, password });
            if (input) run(() => setPin(input).unwrap(), 'Your PIN is set.');
          }}
        >
          Set PIN
        </button>
        <button
          type="button"
          {...disabledBecause(linkState.isLoading && 'Your badge is being linked.')}
          onClick={() => {
            const input = check(LinkBadgeInput, { code: badge, password });
            if (input) run(() => linkBadge(input).unwrap(), 'Your badge is linked.');
          }}
        >
          Link badge
        </button>
        {me.hasPin && (
          <button type="button" onClick={() => run(() => clearPin().unwrap(), 'Your PIN is removed.')}>
            Remove PIN
          </button>
        )}
        {me.hasBadge && (
          <button type="button" onClick={() => run(() => unlinkBadge().unwrap(), 'Your badge is unlinked.')}>
            Unlink badge
          </button>
        )}
      </div>
    </form>
  );
}
