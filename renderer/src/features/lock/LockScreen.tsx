import { useState } from 'react';
import type { QuickSwitchAccount, SessionState } from '../../../../shared/domain/views';
import { useListQuickSwitchQuery, useSwitchUserMutation } from '../../api/shopfloorApi';
import { useAppSelector } from '../../app/hooks';
import { KioskExit } from '../kiosk/KioskExit';
import { ReportProblemButton } from '../requests/ReportProblemButton';
import { ReportProblemScreen } from '../requests/ReportProblemScreen';
import { SignInScreen } from '../session/SignInScreen';
import { beep } from '../scanner/beep';
import { PIN_MAX, PinPad } from './PinPad';
import { useBadgeScan } from './useBadgeScan';

/**
 * The shared PC's front door when nobody is at work on it: who was signed in
 * (their timer keeps running, everyone's unsent work keeps syncing), and the
 * next person switches in by PIN, badge scan or password. With no one set up
 * for quick switch and nobody locked out of view, it is the sign-in screen.
 */
export function LockScreen({ session }: { session: SessionState }) {
  const { data: accounts = [], isLoading } = useListQuickSwitchQuery();
  const quick = accounts.filter((a) => a.hasPin || a.hasBadge);
  const [withPassword, setWithPassword] = useState(false);
  // An operator without an account reports a problem from here, as from the sign-in screen.
  const [reporting, setReporting] = useState(false);
  if (isLoading) return null;
  if (reporting) return <ReportProblemScreen onBack={() => setReporting(false)} />;
  const lockedUser = session.locked ? session.user?.username : undefined;
  if (withPassword || (!lockedUser && quick.length === 0)) {
    return (
      <div className="lock-password">
        {(lockedUser || quick.length > 0) && (
          <button type="button" className="nav-link back-to-lock" onClick={() => setWithPassword(false)}>
            ← Back to PIN and badge
          </button>
        )}
        <SignInScreen session={session} />
      </div>
    );
  }
  return <QuickSwitch lockedUser={lockedUser} accounts={quick} onPassword={() => setWithPassword(true)} onReport={() => setReporting(true)} />;
}

function QuickSwitch({
  lockedUser,
  accounts,
  onPassword,
  onReport,
}: {
  lockedUser: string | undefined;
  accounts: QuickSwitchAccount[];
  onPassword: () => void;
  onReport: () => void;
}) {
  const [switchUser, { isLoading }] = useSwitchUserMutation();
  const sound = useAppSelector((state) => state.preferences.scanSound);
  const withPin = accounts.filter((a) => a.hasPin);
  const [chosen, setChosen] = useState<string | undefined>(() => (withPin.some((a) => a.username === lockedUser) ? lockedUser : withPin.length === 1 ? withPin[0]!.username : undefined));
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ text: string; lockedOut?: boolean } | null>(null);
  const person = withPin.find((a) => a.username === chosen);

  const submit = (input: Parameters<typeof switchUser>[0]) => {
    setMessage(null);
    void switchUser(input)
      .unwrap()
      .catch((error: { code: string; message: string }) => {
        setPin('');
        setMessage({ text: error.message, lockedOut: error.code === 'PASSWORD_REQUIRED' });
      });
  };
  const submitPin = () => person && pin.length >= 4 && submit({ by: 'pin', username: person.username, pin });
  const addDigit = (digit: string) => setPin((p) => (p.length < PIN_MAX ? p + digit : p));

  useBadgeScan({
    snapshot: () => pin,
    restore: setPin,
    onScan: (code) => {
      if (sound) beep(true);
      submit({ by: 'badge', code });
    },
    onKey: (event) => {
      if (!person || person.lockedOut || isLoading) return;
      if (/^\d$/.test(event.key)) addDigit(event.key);
      else if (event.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (event.key === 'Enter' && pin.length >= 4 && !(event.target instanceof HTMLButtonElement)) submitPin();
      else return;
      event.preventDefault();
    },
  });

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">{lockedUser ? 'Shopfloor is locked' : 'Who is working?'}</h1>
      <p className="lock-who">
        {lockedUser ? (
          <>
            <strong>{lockedUser}</strong> was signed in. Their timer keeps running and their changes keep syncing.
          </>
        ) : (
          'Nobody is signed in.'
        )}
      </p>
      {withPin.length > 0 && (
        <div className="lock-people" role="group" aria-label="Switch to">
          {withPin.map((a) => (
            <button
              key={a.username}
              type="button"
              className="lock-person"
              aria-pressed={a.username === chosen}
              onClick={() => {
                setChosen(a.username);
                setPin('');
                setMessage(null);
              }}
            >
              {a.username}
              {a.lockedOut && <span className="lock-person-note"> (password needed)</span>}
            </button>
          ))}
        </div>
      )}
      {person ? (
        <section aria-label={`PIN for ${person.username}`} className="lock-pin">
          <h2>Enter the PIN for {person.username}</h2>
          {person.lockedOut ? (
            <p>After five wrong PINs, {person.username} signs in with their password once; then the PIN works again.</p>
          ) : (
            <PinPad length={pin.length} busy={isLoading} onDigit={addDigit} onBackspace={() => setPin((p) => p.slice(0, -1))} onSubmit={submitPin} />
          )}
        </section>
      ) : (
        withPin.length > 0 && <p className="muted">Choose your name to enter your PIN.</p>
      )}
      <p className="lock-badge" aria-hidden="false">
        <span aria-hidden="true">▮▯▮▮▯▮ </span>Scan your badge to switch in.
      </p>
      {message && (
        <p role="alert" className="field-error">
          {message.text}
        </p>
      )}
      {isLoading && <p role="status">Checking…</p>}
      <button type="button" className={message?.lockedOut ? 'primary' : undefined} onClick={onPassword}>
        Sign in with password
      </button>
      <KioskExit />
      <ReportProblemButton onClick={onReport} />
    </main>
  );
}
