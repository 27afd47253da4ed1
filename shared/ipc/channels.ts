/**
 * The IPC channel names, and nothing else. Kept free of zod so that the
 * sandboxed preload bundle stays tiny; `contract.ts` adds the schemas and a
 * type check keeps the two maps in step.
 *
 * Naming rule (tested): `<area>:<action>`, lower-case area, camelCase action.
 */
export const INVOKE_CHANNELS = {
  listWorkOrders: 'workorders:list',
  getWorkOrder: 'workorders:get',
  getSyncStatus: 'sync:getStatus',
} as const;

/** Events main pushes to the renderer. */
export const EVENT_CHANNELS = {
  syncStatusChanged: 'sync:statusChanged',
  workOrdersChanged: 'workorders:changed',
} as const;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];
export type EventChannel = (typeof EVENT_CHANNELS)[EventName];
