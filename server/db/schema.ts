import type { Generated } from 'kysely';

/**
 * Kysely's view of the server tables. Timestamps are ISO-8601 UTC text on
 * both dialects, so records look the same whichever database runs.
 */
export interface UsersTable {
  id: string;
  username: string;
  role: 'technician' | 'supervisor' | 'admin';
  password_hash: string;
  created_at: string;
  /** Set while the account is disabled: it cannot sign in and holds no live token. */
  disabled_at: string | null;
}

export interface TokensTable {
  /** sha256 of the bearer token: the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  /** `access` (a bearer token) or `refresh` (traded once for a new pair). */
  kind: 'access' | 'refresh';
  expires_at: string;
  /** Every token descended from one sign-in: reuse of a spent refresh token revokes them all. */
  family_id: string;
  revoked_at: string | null;
  /** A refresh token's one use. */
  used_at: string | null;
}

/** Failed sign-ins per user name and address, in the database so every instance counts the same. */
export interface LoginFailuresTable {
  key: string;
  failures: number;
  since: string;
}

export interface AssetsTable {
  id: string;
  tag: string;
  name: string;
  location: string;
  category: string;
  manufacturer: string;
  model: string;
  serial_number: string;
  parent_id: string | null;
  status: 'in_service' | 'out_of_service' | 'retired';
  version: number;
  updated_at: string;
}

export interface WorkOrdersTable {
  id: string;
  number: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  asset_id: string | null;
  assignee_id: string | null;
  due_at: string | null;
  completed_at: string | null;
  completion_notes: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  /** The key of a work order imported from another system (import work-orders): a re-import updates it. */
  external_id?: string | null;
}

export interface HoursEntriesTable {
  id: string;
  work_order_id: string;
  user_id: string;
  hours: number;
  work_date: string;
  note: string;
  performed_at: string;
  received_at: string;
  version: number;
}

/** Operators' reports (work requests) and what a supervisor decided. `machine_stopped` is 0/1 on both dialects. */
export interface WorkRequestsTable {
  id: string;
  asset_id: string;
  description: string;
  urgency: string;
  machine_stopped: number;
  requested_by: string;
  client_id: string;
  carried_by: string;
  status: 'new' | 'accepted' | 'declined';
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  work_order_id: string | null;
  work_order_number: string | null;
  reported_at: string;
  received_at: string;
  updated_at: string;
  version: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  entity: string;
  entity_id: string;
  action: string;
  mutation_id: string | null;
  user_id: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
}

/**
 * The ordered change feed. On PostgreSQL `txid` (xid8) plus `seq` form the
 * cursor, read only below the oldest running transaction (SYNC.md pitfalls
 * 1-2); on SQLite one writer at a time makes `seq` alone commit-ordered.
 */
export interface ChangeLogTable {
  seq: Generated<number>;
  txid: Generated<string>;
  entity: string;
  entity_id: string;
  version: number;
}

export interface ClientStateTable {
  client_id: string;
  last_seq: number;
  updated_at: string;
}

/** The first outcome of every mutation, so a retry gets the same answer (`duplicate`). */
export interface MutationOutcomesTable {
  mutation_id: string;
  client_id: string;
  seq: number;
  type: string;
  entity_id: string;
  status: 'applied' | 'conflict' | 'rejected';
  result_json: string;
  at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ServerSchema {
  users: UsersTable;
  tokens: TokensTable;
  login_failures: LoginFailuresTable;
  assets: AssetsTable;
  work_orders: WorkOrdersTable;
  hours_entries: HoursEntriesTable;
  work_requests: WorkRequestsTable;
  audit_log: AuditLogTable;
  change_log: ChangeLogTable;
  client_state: ClientStateTable;
  mutation_outcomes: MutationOutcomesTable;
  counters: CountersTable;
  meta: MetaTable;
}
