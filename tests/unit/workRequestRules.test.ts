import { describe, expect, it } from 'vitest';
import { requestDecisionRefusal, type Role } from '../../shared/domain/rules';
import { NewWorkRequestInput, WORK_REQUEST_STATUSES, workOrderFromRequest, type WorkRequestStatus } from '../../shared/domain/workRequest';

/**
 * Who may decide a work request and what its work order looks like: the
 * server enforces these, the app uses them to explain before sending.
 */
describe('deciding a work request', () => {
  const table: [Role, WorkRequestStatus, string | null][] = [
    ['technician', 'new', 'DECISION_NOT_ALLOWED'],
    ['technician', 'accepted', 'DECISION_NOT_ALLOWED'],
    ['supervisor', 'new', null],
    ['supervisor', 'accepted', 'REQUEST_ALREADY_DECIDED'],
    ['supervisor', 'declined', 'REQUEST_ALREADY_DECIDED'],
    ['admin', 'new', null],
    ['admin', 'declined', 'REQUEST_ALREADY_DECIDED'],
  ];
  it.each(table)('%s on a %s request: %s', (role, status, code) => {
    expect(requestDecisionRefusal(role, status)?.code ?? null).toBe(code);
  });
  it('covers every status there is', () => {
    expect([...WORK_REQUEST_STATUSES]).toEqual(['new', 'accepted', 'declined']);
  });
  it('says who may, and that someone else was first', () => {
    expect(requestDecisionRefusal('technician', 'new')?.message).toBe('Only a supervisor can accept or decline a work request.');
    expect(requestDecisionRefusal('supervisor', 'declined')?.message).toBe('This work request was already declined by someone else.');
  });
});

describe('the work order an accepted request becomes', () => {
  const request = { assetId: 'a1', description: '  Belt slipping\nsince 6 am  ', urgency: 'urgent' as const, machineStopped: true, requestedBy: 'Maria' };
  it('takes its first line as the title, the whole text and the reporter as the description, the urgency as priority', () => {
    expect(workOrderFromRequest(request)).toEqual({
      title: 'Machine stopped: Belt slipping',
      description: 'Belt slipping\nsince 6 am\n\nReported by Maria (machine stopped).',
      priority: 'urgent',
      status: 'open',
      assetId: 'a1',
      assigneeId: null,
      dueAt: null,
    });
  });
  it('keeps a long first line within the title limit', () => {
    const title = workOrderFromRequest({ ...request, machineStopped: false, description: 'x'.repeat(500) }).title;
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('what the operator submits', () => {
  const valid = { assetId: 'a1', description: 'Leak', urgency: 'low', machineStopped: false, requestedBy: 'Tom' } as const;
  it.each([
    [{ assetId: '' }, 'Scan or choose the machine this is about.'],
    [{ description: '   ' }, 'Say what is wrong.'],
    [{ requestedBy: '' }, 'Enter your name, so maintenance knows whom to ask.'],
    [{ machineStopped: undefined }, 'Say whether the machine has stopped.'],
  ])('%o is refused: %s', (change, message) => {
    const parsed = NewWorkRequestInput.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
  it('accepts a complete report', () => {
    expect(NewWorkRequestInput.parse(valid)).toEqual(valid);
  });
});
