import { describe, expect, it } from 'vitest';
import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../shared/sync/protocol';
import type { OutboxEntry } from '../../main/core/journal/outbox';
import { nextBatch, type BatchSource } from '../../main/core/sync/pushBatch';

/** How the push chooses what goes together: one user's consecutive changes, dependencies first, within limits. */
const entry = (seq: number, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  seq,
  id: `m${seq}`,
  type: 'workOrder.update',
  entityId: `wo${seq}`,
  workOrderId: `wo${seq}`,
  baseVersion: 1,
  baseRecord: null,
  payload: { priority: 'high' },
  userId: 'alice',
  createdAt: '2026-11-20T10:00:00.000Z',
  state: 'pending',
  dependsOn: null,
  result: null,
  ...over,
});

function source(entries: OutboxEntry[], { tokens = ['alice', 'bob'], unsent = entries.map((e) => e.id) } = {}): BatchSource & { sent: Set<string> } {
  const sent = new Set<string>();
  return {
    sent,
    pendingAfter: (seq, limit) => entries.filter((e) => e.seq > seq && !sent.has(e.id)).slice(0, limit),
    notOnServer: (id) => unsent.includes(id) && !sent.has(id),
    hasToken: (user) => tokens.includes(user),
  };
}

/** Every batch of one push cycle, as the worker takes them. */
function allBatches(src: ReturnType<typeof source>) {
  const waiting = new Set<string>();
  const batches: string[][] = [];
  let after = 0;
  for (;;) {
    const { batch, lastSeq } = nextBatch(src, after, waiting);
    after = lastSeq;
    if (!batch.length) return { batches, waiting: [...waiting] };
    batches.push(batch.map((e) => e.id));
    batch.forEach((e) => src.sent.add(e.id));
  }
}

describe('nextBatch', () => {
  it('sends consecutive changes of one user together, in outbox order, and starts a new batch for the next user', () => {
    const entries = [entry(1), entry(2), entry(3, { userId: 'bob' }), entry(4)];
    expect(allBatches(source(entries)).batches).toEqual([['m1', 'm2'], ['m3'], ['m4']]);
  });

  it('a user without a token waits, with everything that depends on their work; others go on', () => {
    const entries = [entry(1, { userId: 'bob', type: 'workOrder.create' }), entry(2, { userId: 'alice', dependsOn: 'm1' }), entry(3)];
    expect(allBatches(source(entries, { tokens: ['alice'] }))).toEqual({ batches: [['m3']], waiting: ['m1', 'm2'] });
  });

  it('hours on a new work order go with it in one batch, or after it once it is sent', () => {
    const create = entry(1, { type: 'workOrder.create' });
    const hours = entry(2, { type: 'hoursEntry.create', dependsOn: 'm1' });
    expect(allBatches(source([create, hours])).batches).toEqual([['m1', 'm2']]);
    // The create is on the server (answered) already: its hours are not held back.
    expect(allBatches(source([hours], { unsent: [] })).batches).toEqual([['m2']]);
  });

  it('never more than PUSH_MAX_MUTATIONS changes or about PUSH_MAX_BYTES in one batch', () => {
    const many = Array.from({ length: PUSH_MAX_MUTATIONS + 5 }, (_, i) => entry(i + 1));
    expect(allBatches(source(many)).batches.map((b) => b.length)).toEqual([PUSH_MAX_MUTATIONS, 5]);
    const note = 'x'.repeat(Math.ceil(PUSH_MAX_BYTES / 3));
    const big = [1, 2, 3, 4].map((seq) => entry(seq, { payload: { description: note } }));
    expect(allBatches(source(big)).batches).toEqual([['m1', 'm2'], ['m3', 'm4']]);
  });

  it("while the last batch's answers are applied: what depends on it goes, an edit those answers rebase waits for the apply, in order", () => {
    // Answered by the server, not applied here yet: a new work order and an edit of a known one.
    const create = entry(1, { type: 'workOrder.create', entityId: 'wo1', workOrderId: 'wo1', baseVersion: null });
    const known = entry(2, { entityId: 'wo9', workOrderId: 'wo9' });
    const hours = entry(3, { type: 'hoursEntry.create', entityId: 'h3', workOrderId: 'wo1', dependsOn: 'm1' });
    const closing = entry(4, { entityId: 'wo1', workOrderId: 'wo1', baseVersion: null, dependsOn: 'm1', payload: { status: 'completed' } });
    const later = entry(5);
    // The two answered changes are still in flight in the journal (not on the server as far as it knows).
    const src = source([hours, closing, later], { unsent: ['m1', 'm2', 'm3', 'm4', 'm5'] });
    const waiting = new Set<string>();
    const first = nextBatch(src, 0, waiting, [create, known]);
    expect(first.batch.map((e) => e.id)).toEqual(['m3']);
    // Chosen once the answers are applied: the closing comes next, nothing skipped or waiting.
    src.sent.add('m1').add('m3');
    expect(nextBatch(src, first.lastSeq, waiting, []).batch.map((e) => e.id)).toEqual(['m4', 'm5']);
    expect([...waiting]).toEqual([]);

    // A later edit of a work order in the answered batch (the apply rebases it) waits too; first in line, nothing goes yet.
    const edit = entry(6, { entityId: 'wo9', workOrderId: 'wo9', userId: 'bob' });
    expect(nextBatch(source([edit]), 0, new Set(), [known])).toEqual({ batch: [], lastSeq: 0 });
    expect(nextBatch(source([edit]), 0, new Set(), []).batch.map((e) => e.id)).toEqual(['m6']);
  });
});
