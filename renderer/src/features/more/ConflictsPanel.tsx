import { useId, useState } from 'react';
import { PRIORITY_LABELS, STATUS_LABELS, type WorkOrderPriority, type WorkOrderStatus } from '../../../../shared/domain/labels';
import { isContested, type Picks, type Side } from '../../../../shared/domain/conflictPicks';
import type { ConflictDecision, DiscardedChange, WorkOrderConflict } from '../../../../shared/domain/sync';
import { useGetAssetQuery, useGetSessionQuery, useListDiscardedQuery, useResolveConflictMutation } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { navigated } from '../../app/navigationSlice';
import { formatDate, formatDateTime } from '../workOrders/format';
import { changedByMe, changedByThem, choiceWords, label, picksWords, PICK_TITLE, type Show } from '../../../../shared/domain/conflictWords';
import { disabledBecause } from '../../components/disabledBecause';

const OUTCOMES: Record<ConflictDecision['choice'], string> = {
  overwrite: 'Your version was saved over theirs. It goes to the server with the next sync.',
  discard: 'Your changes were dropped; the work order is as the server has it.',
  merge: 'Both sides were kept. The merged work order goes to the server with the next sync.',
  fields: 'Your picks were kept. The merged work order goes to the server with the next sync.',
};

/** A stored value as a technician reads it: labels, local dates, "(empty)"; assets are drawn by AssetValue. */
const show: Show = (field, v) => {
  if (v === null || v === '') return '(empty)';
  if (field === 'status') return STATUS_LABELS[v as WorkOrderStatus] ?? String(v);
  if (field === 'priority') return PRIORITY_LABELS[v as WorkOrderPriority] ?? String(v);
  if (field === 'dueAt') return formatDate(String(v));
  return String(v);
};

/** An asset as its tag and name (from the journal), never its id. */
function AssetValue({ id }: { id: string }) {
  const { data, isError } = useGetAssetQuery(id);
  if (data) return <>{`${data.asset.tag} · ${data.asset.name}`}</>;
  return <>{isError ? 'An asset not on this computer' : '…'}</>;
}

const Value = ({ field, value }: { field: string; value: string | number | null }) =>
  field === 'assetId' && typeof value === 'string' ? <AssetValue id={value} /> : <>{show(field, value)}</>;

/**
 * One card per work order in conflict: what differs, who changed what, and
 * the choices as buttons, each with what it does in words. Decided here, in
 * the app; `only` shows just the conflict of the work order it was opened from.
 */
export function ConflictsPanel({ conflicts, only }: { conflicts: WorkOrderConflict[]; only?: string }) {
  const dispatch = useAppDispatch();
  const [resolve, { isLoading, error }] = useResolveConflictMutation();
  const { data: session } = useGetSessionQuery();
  const [outcome, setOutcome] = useState<string | null>(null);
  const focused = conflicts.filter((c) => c.workOrderId === only);
  const shown = focused.length ? focused : conflicts;
  const decide = (decision: ConflictDecision) =>
    void resolve(decision)
      .unwrap()
      .then((r) => setOutcome(OUTCOMES[r.choice]))
      .catch(() => undefined);
  return (
    <>
      {outcome && <p className="saved" role="status">{outcome}</p>}
      {error && <p className="field-error" role="alert">{error.message}</p>}
      {shown.length === 0 ? (
        <p className="muted">No conflicts. When someone else changes a work order you changed offline, it shows up here.</p>
      ) : (
        shown.map((c) => (
          <ConflictCard
            key={c.workOrderId}
            conflict={c}
            me={c.madeBy === session?.user?.username ? 'you' : c.madeBy}
            busy={isLoading}
            onDecide={decide}
          />
        ))
      )}
      {focused.length > 0 && conflicts.length > 1 && (
        <button type="button" onClick={() => dispatch(navigated({ name: 'more', tab: 'conflicts' }))}>
          Show all {conflicts.length} conflicts
        </button>
      )}
      <DiscardedList />
    </>
  );
}

/** Asset ids in a conflict as "tag · name", looked up in the journal (before, mine, theirs: at most three). */
function useAssetNames(conflict: WorkOrderConflict): (id: string) => string {
  const field = conflict.fields.find((f) => f.field === 'assetId');
  const ids = [field?.before, field?.mine, field?.theirs].map((v) => (typeof v === 'string' ? v : ''));
  const answers = [
    useGetAssetQuery(ids[0]!, { skip: !ids[0] }),
    useGetAssetQuery(ids[1]!, { skip: !ids[1] }),
    useGetAssetQuery(ids[2]!, { skip: !ids[2] }),
  ];
  return (id) => {
    const found = answers.find((a) => a.data?.asset.id === id)?.data?.asset;
    if (found) return `${found.tag} · ${found.name}`;
    return answers.some((a) => a.isLoading) ? '…' : 'an asset not on this computer';
  };
}

interface CardProps {
  conflict: WorkOrderConflict;
  me: string;
  busy: boolean;
  onDecide(decision: ConflictDecision): void;
}

function ConflictCard({ conflict: c, me, busy, onDecide }: CardProps) {
  const assetName = useAssetNames(c);
  const showHere: Show = (field, v) => (field === 'assetId' && typeof v === 'string' ? assetName(v) : show(field, v));
  // "Decide later" needs no button in the app: leaving the card is deciding later.
  const choices = choiceWords(c, showHere, me).filter((w) => w.choice !== 'later');
  const contested = c.fields.some(isContested);
  return (
    <article className="card" aria-label={`Work Order Conflict ${c.number}`}>
      <h2>
        Work Order Conflict: {c.number} {c.title}
      </h2>
      <p>
        <strong>{c.changedBy}</strong> changed this work order at {formatDateTime(c.changedAt)} while {c.madeBy}’s changes were waiting.
      </p>
      <table className="hours-table conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Mine</th>
            <th scope="col">Theirs</th>
            <th scope="col">Before</th>
          </tr>
        </thead>
        <tbody>
          {c.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{label(f.field)}</th>
              <td className={changedByMe(f) ? 'changed' : undefined}>
                {showHere(f.field, f.mine)}
                {changedByMe(f) && <span className="changed-by">changed by {me}</span>}
              </td>
              <td className={changedByThem(f) ? 'changed' : undefined}>
                {showHere(f.field, f.theirs)}
                {changedByThem(f) && <span className="changed-by">changed by {c.changedBy}</span>}
              </td>
              <td>
                {showHere(f.field, f.before)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Decide: what each choice does</h3>
      <ul className="choices" aria-label="What each choice does">
        {contested && (
          <li className="pick-choice">
            <PickPerField conflict={c} show={showHere} me={me} busy={busy} onDecide={onDecide} />
          </li>
        )}
        {choices.map((w) => (
          <li key={w.choice} className={w.recommended ? 'recommended' : undefined}>
            <button
              type="button"
              className={w.recommended ? 'primary' : undefined}
              {...disabledBecause(busy && 'Your decision is being saved.')}
              onClick={() => onDecide({ workOrderId: c.workOrderId, choice: w.choice as 'merge' | 'overwrite' | 'discard' })}
            >
              {w.title}
            </button>
            <p className="choice-result">{w.result}</p>
          </li>
        ))}
      </ul>
      <p className="muted">Not sure yet? Leave it here: nothing of this work order is sent until you decide.</p>
    </article>
  );
}

/** For each field both changed, "Yours" or the other person's value, with the result in words as the picks change. */
function PickPerField({ conflict: c, show: showHere, me, busy, onDecide }: CardProps & { show: Show }) {
  const [picks, setPicks] = useState<Picks>({});
  const name = useId();
  const words = picksWords(c, picks, showHere, me);
  const yours = me === 'you' ? 'Yours' : `${me}’s`;
  const mine = me === 'you' ? 'yours' : yours;
  const pickFirst = `Pick ${mine} or ${c.changedBy}’s for each field above first.`;
  return (
    <>
      <strong>{PICK_TITLE}</strong>
      <p className="choice-result">You and {c.changedBy} both changed {c.fields.filter(isContested).length === 1 ? 'this field' : 'these fields'}: pick whose value to keep.</p>
      {c.fields.filter(isContested).map((f) => (
        <fieldset key={f.field} className="pick-field">
          <legend>{label(f.field)}</legend>
          {(['mine', 'theirs'] as Side[]).map((side) => (
            <label key={side} className="pick">
              <input
                type="radio"
                name={`${name}-${f.field}`}
                checked={picks[f.field] === side}
                onChange={() => setPicks((p) => ({ ...p, [f.field]: side }))}
              />
              <span>
                {side === 'mine' ? yours : `${c.changedBy}’s`}: {showHere(f.field, side === 'mine' ? f.mine : f.theirs)}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <p className="choice-result" aria-live="polite" aria-label="Result of your picks">
        {words.result}
      </p>
      <button type="button" className="primary" {...disabledBecause(busy && 'Your decision is being saved.', !words.complete && pickFirst)} onClick={() => onDecide({ workOrderId: c.workOrderId, choice: 'fields', picks })}>
        Keep these picks
      </button>
    </>
  );
}

/** What "Discard my changes" dropped, so nothing typed is gone without a trace and it can be re-entered. */
function DiscardedList() {
  const { data: discarded = [] } = useListDiscardedQuery();
  if (discarded.length === 0) return null;
  return (
    <section aria-labelledby="discarded-heading">
      <h2 id="discarded-heading">Changes you discarded</h2>
      <p className="muted">Kept here in case you need them again: re-enter what still applies.</p>
      <table className="hours-table">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Work order</th>
            <th scope="col">By</th>
            <th scope="col">What was discarded</th>
          </tr>
        </thead>
        <tbody>
          {discarded.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>{d.workOrderLabel}</td>
              <td>{d.userId}</td>
              <td>
                <Discarded change={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Discarded({ change }: { change: DiscardedChange }) {
  const fields = Object.entries(JSON.parse(change.payload) as Record<string, string | number | null>);
  return (
    <>
      {fields.map(([field, value], i) => (
        <span key={field}>
          {i > 0 && '; '}
          {label(field)}: <Value field={field} value={value} />
        </span>
      ))}
    </>
  );
}
