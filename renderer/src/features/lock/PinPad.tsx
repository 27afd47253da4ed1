import { disabledBecause } from '../../components/disabledBecause';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const PIN_MAX = 6;

/**
 * A PIN pad big enough for gloved fingers: 3×4 keys, the digits entered shown
 * as dots. Digits from the keyboard go the same way (the lock screen listens),
 * so keyboard-only use works too.
 */
export function PinPad({ length, onDigit, onBackspace, onSubmit, busy }: {
  length: number;
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onSubmit: () => void;
  /** The PIN is being checked: the keys wait. */
  busy: boolean;
}) {
  const checking = busy && 'Your PIN is being checked.';
  const key = (digit: string) => (
    <button key={digit} type="button" className="pin-key" {...disabledBecause(checking, length >= PIN_MAX && `A PIN has at most ${PIN_MAX} digits.`)} onClick={() => onDigit(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="pin-pad">
      <p className="pin-dots" aria-live="polite">
        {Array.from({ length: PIN_MAX }, (_, i) => (
          <span key={i} className={i < length ? 'pin-dot filled' : 'pin-dot'} aria-hidden="true" />
        ))}
        <span className="visually-hidden">{`${length} of 4 to ${PIN_MAX} digits entered`}</span>
      </p>
      <div className="pin-keys" role="group" aria-label="PIN pad">
        {KEYS.map(key)}
        <button type="button" className="pin-key" {...disabledBecause(checking, length === 0 && 'There is no digit to delete.')} onClick={onBackspace} aria-label="Delete last digit">
          ⌫
        </button>
        {key('0')}
        <button type="button" className="pin-key primary" {...disabledBecause(checking, length < 4 && 'A PIN has at least 4 digits.')} onClick={onSubmit}>
          OK
        </button>
      </div>
    </div>
  );
}
