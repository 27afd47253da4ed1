import type { LocalState, Refusal } from '../../../../shared/domain/localState';
import { useAppDispatch } from '../../app/hooks';
import { navigated, type MoreTab } from '../../app/navigationSlice';
import { Icon, type IconName } from '../../components/Icon';

/**
 * Where a record stands with the server, as the journal decided it: one
 * marker each, with its own colour, icon and words. Synced needs no marker.
 */
const LOOK: Record<Exclude<LocalState, 'synced'>, { icon: IconName; words: string; why: string }> = {
  unsynced: { icon: 'upload', words: 'Not yet synced', why: 'Saved on this computer; not yet sent to the server' },
  conflict: { icon: 'alert', words: 'Conflict: decide', why: 'Someone else changed it while your changes waited: decide what to keep' },
  refused: { icon: 'ban', words: 'Refused', why: 'The server refused it' },
  discarded: { icon: 'undo', words: 'Your change was discarded', why: 'You chose “Discard my changes”; the change is listed under More → Conflicts' },
};

export function LocalStateBadge({ localState, refusal }: { localState: LocalState; refusal: Refusal | null }) {
  if (localState === 'synced') return null;
  const look = LOOK[localState];
  const words = localState === 'refused' && refusal ? `Refused: ${refusal.message}` : look.words;
  return (
    <span className={`badge state-${localState}${localState === 'unsynced' ? ' pending' : ''}`} title={refusal?.message ?? look.why}>
      <Icon name={look.icon} size={16} />
      <span className="badge-words">{words}</span>
    </span>
  );
}

/** Where each state is resolved: conflicts and discarded changes under Conflicts, refusals under Refused changes. */
export const RESOLVE: Partial<Record<LocalState, { tab: MoreTab; label: string }>> = {
  conflict: { tab: 'conflicts', label: 'Decide…' },
  refused: { tab: 'refused', label: 'Open Refused changes' },
  discarded: { tab: 'conflicts', label: 'See it in Conflicts' },
};

/** Goes where the state is resolved; a conflict opens the conflict card of this work order only. */
export function ResolveButton(props: { localState: LocalState; workOrderId?: string; label?: string; name?: string; className?: string }) {
  const { localState, label, className } = props;
  const dispatch = useAppDispatch();
  const resolve = RESOLVE[localState];
  if (!resolve) return null;
  const workOrderId = localState === 'conflict' ? props.workOrderId : undefined;
  return (
    <button type="button" className={className} aria-label={props.name} onClick={() => dispatch(navigated({ name: 'more', tab: resolve.tab, workOrderId }))}>
      {label ?? resolve.label}
    </button>
  );
}

/** The detail's banner for a record that needs the technician: what happened, and the way to deal with it. */
export function LocalStateBanner(props: { workOrderId: string; localState: LocalState; refusal: Refusal | null; isNew: boolean }) {
  const { workOrderId, localState, refusal, isNew } = props;
  if (localState === 'synced' || localState === 'unsynced') return null;
  const text =
    localState === 'conflict'
      ? 'Conflict: decide. Someone else changed this work order while your changes waited. Nothing is sent until you decide what to keep.'
      : localState === 'refused'
        ? `Refused: ${refusal?.message ?? 'the server refused a change.'} ${isNew ? 'This new work order was not created on the server; what you typed is kept.' : 'The refused change is kept with its data.'}`
        : 'Your change was discarded: the work order is as the server has it. What you had typed is listed under More → Conflicts.';
  return (
    <div className={`state-banner state-${localState}`} role="note" aria-label={LOOK[localState].words}>
      <Icon name={LOOK[localState].icon} />
      <p>{text}</p>
      <ResolveButton localState={localState} workOrderId={workOrderId} className={localState === 'discarded' ? undefined : 'primary'} />
    </div>
  );
}
