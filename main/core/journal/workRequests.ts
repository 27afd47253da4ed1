import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { requestDecisionRefusal } from '../../../shared/domain/rules';
import type { Refusal } from '../../../shared/domain/localState';
import type { NewWorkRequestInput, WorkRequest, WorkRequestList, WorkRequestQuery, WorkRequestRecord } from '../../../shared/domain/workRequest';
import { settledOutcome, type MutationResult } from '../../../shared/sync/protocol';
import { AppError } from '../../../shared/ipc/result';
import type { LocalUser } from '../auth/session';
import { cached, type Db } from '../db/connection';
import { clientId } from '../sync/pullCursor';
import { enqueue, inList, UNSENT_STATES, UNSYNCED_STATES } from './outbox';

/**
 * Work requests in the journal: an operator's report (made without an
 * account, from the sign-in screen) and a supervisor's Accept or Decline.
 * Both are outbox changes like any other and go through the same push; the
 * server's copy of each request comes back through the feed, so the PC that
 * reported it shows the outcome.
 *
 * A report belongs to no account here: its outbox row is the station's
 * (STATION_USER), and the sync worker sends it with the token this PC holds
 * (the signed-in user's, else the last one to sign in). The server records
 * the operator's name, this PC and whose token carried it.
 */
export const STATION_USER = '@station';

interface RequestRow {
  id: string;
  asset_id: string;
  description: string;
  urgency: WorkRequestRecord['urgency'];
  machine_stopped: number;
  requested_by: string;
  client_id: string;
  carried_by: string;
  status: WorkRequestRecord['status'];
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  work_order_id: string | null;
  work_order_number: string | null;
  reported_at: string;
  received_at: string | null;
  updated_at: string;
  version: number;
  asset_tag: string | null;
  asset_name: string | null;
}

interface OutboxRow {
  id: string;
  type: string;
  entity_id: string;
  state: string;
  result: string | null;
  acknowledged_at: string | null;
}

/** An operator's report: on disk and in the outbox before they see "sent". */
export function createWorkRequest(db: Db, input: z.output<typeof NewWorkRequestInput>, now: string): WorkRequest {
  const id = randomUUID();
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM assets WHERE id = ?').get(input.assetId)) {
      throw new AppError('VALIDATION_FAILED', 'This machine is not on this computer. Scan its tag again or choose it from the list.');
    }
    db.prepare(
      `INSERT INTO work_requests (id, asset_id, description, urgency, machine_stopped, requested_by, client_id, status, reported_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, 0)`,
    ).run(id, input.assetId, input.description, input.urgency, input.machineStopped ? 1 : 0, input.requestedBy, clientId(db), now, now);
    enqueue(db, {
      type: 'workRequest.create',
      entityId: id,
      workOrderId: id,
      baseVersion: null,
      payload: { ...input, reportedAt: now },
      userId: STATION_USER,
      createdAt: now,
    });
  }).immediate();
  return getWorkRequest(db, id)!;
}

/**
 * A supervisor's Accept (a new work order, numbered by the server) or Decline
 * (with the reason). Checked here with the server's rule for a sentence at
 * once; the server decides, and refuses the second of two decisions made on
 * different PCs (REQUEST_ALREADY_DECIDED).
 */
export function decideWorkRequest(
  db: Db,
  user: LocalUser,
  id: string,
  decision: { kind: 'accept' } | { kind: 'decline'; reason: string },
  now: string,
): WorkRequest {
  db.transaction(() => {
    const request = getWorkRequest(db, id);
    if (!request) throw new AppError('NOT_FOUND', 'This work request is not on this computer.');
    const refusal = requestDecisionRefusal(user.role, request.status);
    if (refusal) throw new AppError('VALIDATION_FAILED', refusal.message);
    if (request.pendingDecision) throw new AppError('VALIDATION_FAILED', 'You already decided this request; it is waiting to be sent.');
    const workOrderId = decision.kind === 'accept' ? randomUUID() : id;
    enqueue(db, {
      type: decision.kind === 'accept' ? 'workRequest.accept' : 'workRequest.decline',
      entityId: id,
      // An Accept's answer is the new work order: the journal adopts it under this id.
      workOrderId,
      baseVersion: null,
      payload: decision.kind === 'accept' ? { workOrderId } : { reason: decision.reason },
      userId: user.username,
      createdAt: now,
    });
  }).immediate();
  return getWorkRequest(db, id)!;
}

const SELECT = `SELECT r.*, a.tag AS asset_tag, a.name AS asset_name FROM work_requests r LEFT JOIN assets a ON a.id = r.asset_id`;

export function getWorkRequest(db: Db, id: string): WorkRequest | undefined {
  const row = cached<[string], RequestRow>(db, `${SELECT} WHERE r.id = ?`).get(id);
  return row && withStates(db, [row])[0];
}

/** The supervisor's queue (new first, then the latest decided) or this PC's reports (newest first). */
export function listWorkRequests(db: Db, query: z.output<typeof WorkRequestQuery>): WorkRequestList {
  const rows =
    query.scope === 'thisComputer'
      ? db.prepare<[string, number], RequestRow>(`${SELECT} WHERE r.client_id = ? ORDER BY r.reported_at DESC LIMIT ?`).all(clientId(db), query.limit)
      : db
          .prepare<[number], RequestRow>(`${SELECT} ORDER BY (r.status = 'new') DESC, r.reported_at DESC LIMIT ?`)
          .all(query.limit);
  const items = withStates(db, rows);
  const waiting = db
    .prepare<[], { id: string }>(
      `SELECT r.id FROM work_requests r WHERE r.status = 'new' AND NOT EXISTS (
         SELECT 1 FROM outbox o WHERE o.entity_id = r.id AND o.type IN ('workRequest.accept','workRequest.decline') AND o.state IN (${inList(UNSENT_STATES)}))`,
    )
    .all();
  return { items, newCount: waiting.length };
}

function refusalOf(row: OutboxRow): Refusal {
  const result = row.result ? settledOutcome(JSON.parse(row.result) as MutationResult) : null;
  return {
    changeId: row.id,
    code: result?.status === 'rejected' ? result.code : 'VALIDATION_FAILED',
    message: result?.status === 'rejected' ? result.message : 'The server refused this change.',
    acknowledged: row.acknowledged_at !== null,
  };
}

function withStates(db: Db, rows: RequestRow[]): WorkRequest[] {
  const here = clientId(db);
  const byRequest = new Map<string, OutboxRow[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const outbox = db
      .prepare<string[], OutboxRow>(
        `SELECT id, type, entity_id, state, result, acknowledged_at FROM outbox
         WHERE entity_id IN (${ids.map(() => '?').join(',')}) AND type LIKE 'workRequest.%' AND state IN (${inList([...UNSYNCED_STATES, 'rejected'])}) ORDER BY seq`,
      )
      .all(...ids);
    for (const row of outbox) byRequest.set(row.entity_id, [...(byRequest.get(row.entity_id) ?? []), row]);
  }
  return rows.map((r) => {
    const changes = byRequest.get(r.id) ?? [];
    const unsent = changes.filter((c) => (UNSENT_STATES as readonly string[]).includes(c.state));
    const decision = unsent.find((c) => c.type !== 'workRequest.create');
    const refused = changes.find((c) => c.state === 'rejected' && c.type === 'workRequest.create') ?? changes.filter((c) => c.state === 'rejected' && c.acknowledged_at === null).at(-1);
    return {
      id: r.id,
      assetId: r.asset_id,
      assetTag: r.asset_tag ?? '',
      assetName: r.asset_name ?? '',
      description: r.description,
      urgency: r.urgency,
      machineStopped: r.machine_stopped === 1,
      requestedBy: r.requested_by,
      clientId: r.client_id,
      carriedBy: r.carried_by,
      status: r.status,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      declineReason: r.decline_reason,
      workOrderId: r.work_order_id,
      workOrderNumber: r.work_order_number,
      reportedAt: r.reported_at,
      receivedAt: r.received_at,
      updatedAt: r.updated_at,
      localState: refused ? 'refused' : unsent.length ? 'unsynced' : 'synced',
      pendingDecision: decision ? (decision.type === 'workRequest.accept' ? 'accept' : 'decline') : null,
      refusal: refused ? refusalOf(refused) : null,
      fromThisComputer: r.client_id === here,
    };
  });
}

/** Requests from the server's feed, in the caller's transaction: the newer version wins, as for every record. */
export function receiveWorkRequest(db: Db, record: WorkRequestRecord): boolean {
  const result = cached(
    db,
    `INSERT INTO work_requests (id, asset_id, description, urgency, machine_stopped, requested_by, client_id, carried_by, status, decided_by,
       decided_at, decline_reason, work_order_id, work_order_number, reported_at, received_at, updated_at, version)
     VALUES (@id, @assetId, @description, @urgency, @machineStopped, @requestedBy, @clientId, @carriedBy, @status, @decidedBy,
       @decidedAt, @declineReason, @workOrderId, @workOrderNumber, @reportedAt, @receivedAt, @updatedAt, @version)
     ON CONFLICT (id) DO UPDATE SET asset_id = excluded.asset_id, description = excluded.description, urgency = excluded.urgency,
       machine_stopped = excluded.machine_stopped, requested_by = excluded.requested_by, client_id = excluded.client_id,
       carried_by = excluded.carried_by, status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
       decline_reason = excluded.decline_reason, work_order_id = excluded.work_order_id, work_order_number = excluded.work_order_number,
       reported_at = excluded.reported_at, received_at = excluded.received_at, updated_at = excluded.updated_at, version = excluded.version
     WHERE excluded.version > work_requests.version`,
  ).run({ ...record, machineStopped: record.machineStopped ? 1 : 0 });
  return result.changes > 0;
}
