import { z } from 'zod';
import { WorkOrder, WorkOrderPage, WorkOrderQuery } from '../domain/workOrder';
import { SyncStatus } from '../domain/syncStatus';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventName, type InvokeMethod } from './channels';
import type { Result } from './result';

/**
 * The IPC contract, declared once. The main process parses every request with
 * `request` before a handler runs; the renderer's types come from here too.
 */
export const contract = {
  listWorkOrders: {
    channel: INVOKE_CHANNELS.listWorkOrders,
    request: WorkOrderQuery,
    response: WorkOrderPage,
  },
  getWorkOrder: {
    channel: INVOKE_CHANNELS.getWorkOrder,
    request: z.object({ id: z.string().min(1).max(64) }),
    response: WorkOrder,
  },
  getSyncStatus: {
    channel: INVOKE_CHANNELS.getSyncStatus,
    request: z.undefined(),
    response: SyncStatus,
  },
} as const satisfies Record<InvokeMethod, ChannelSpec>;

export const events = {
  syncStatusChanged: { channel: EVENT_CHANNELS.syncStatusChanged, payload: SyncStatus },
  /** Work orders changed in the journal: the renderer refetches what it shows. */
  workOrdersChanged: { channel: EVENT_CHANNELS.workOrdersChanged, payload: z.object({ ids: z.array(z.string()) }) },
} as const satisfies Record<EventName, EventSpec>;

interface ChannelSpec {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}
interface EventSpec {
  channel: string;
  payload: z.ZodType;
}

export type Contract = typeof contract;
export type Events = typeof events;
export type RequestOf<M extends InvokeMethod> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends InvokeMethod> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends InvokeMethod> = z.output<Contract[M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

/** What the core implements: one function per channel, taking the parsed request. */
export type Handlers = {
  [M in InvokeMethod]: (request: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
};

/** `window.shopfloor` as the renderer sees it. */
export type ShopfloorApi = {
  [M in InvokeMethod]: RequestOf<M> extends undefined
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};
