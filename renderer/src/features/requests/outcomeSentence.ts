import type { WorkRequest } from '../../../../shared/domain/workRequest';

/** Where an operator's request stands, in one sentence for the report screen. */
export function outcomeSentence(r: WorkRequest): string {
  const about = `Your request about ${r.assetTag || 'the machine'}`;
  if (r.localState === 'refused' && r.refusal) return `${about} could not be sent: ${r.refusal.message}`;
  if (r.status === 'accepted') return `${about} was accepted: ${r.workOrderNumber ?? 'a work order was made'}.`;
  if (r.status === 'declined') return `${about} was declined: ${r.declineReason ?? ''}`;
  if (r.localState === 'unsynced') return `${about} is saved on this computer and will be sent when the server can be reached.`;
  return `${about} reached maintenance and waits for a supervisor.`;
}
