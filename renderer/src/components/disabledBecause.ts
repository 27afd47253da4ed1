/**
 * A control is greyed out only with a reason, in a sentence: the first reason
 * given (later ones are ignored while an earlier one holds) becomes its title,
 * which is the tooltip under a mouse and the description a screen reader reads.
 * No reason, not disabled: `<button {...disabledBecause(busy && 'Your change is being saved.')}>`.
 */
export function disabledBecause(...reasons: (string | false | null | undefined)[]): { disabled: boolean; title?: string } {
  const reason = reasons.find((r): r is string => typeof r === 'string' && r.length > 0);
  return reason ? { disabled: true, title: reason } : { disabled: false };
}
