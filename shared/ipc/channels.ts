/**
 * The IPC channel names, and nothing else. Kept free of zod so that the
 * sandboxed preload bundle stays tiny; `contract.ts` adds the schemas and a
 * type check keeps the two maps in step.
 *
 * Naming rule (tested): `<area>:<action>`, lower-case area, camelCase action.
 */
export const INVOKE_CHANNELS = {
  getSession: 'session:get',
  signIn: 'session:signIn',
  signOut: 'session:signOut',
  lock: 'session:lock',
  switchUser: 'session:switchUser',
  getLockSettings: 'session:lockSettings',
  listQuickSwitch: 'quickswitch:list',
  setPin: 'quickswitch:setPin',
  clearPin: 'quickswitch:clearPin',
  linkBadge: 'quickswitch:linkBadge',
  unlinkBadge: 'quickswitch:unlinkBadge',
  listWorkOrders: 'workorders:list',
  getWorkOrder: 'workorders:get',
  createWorkOrder: 'workorders:create',
  updateWorkOrder: 'workorders:update',
  listHours: 'hours:list',
  logHours: 'hours:log',
  getTimer: 'timer:get',
  startTimer: 'timer:start',
  stopTimer: 'timer:stop',
  listAssets: 'assets:list',
  getAsset: 'assets:get',
  lookupCode: 'lookup:code',
  getSyncStatus: 'sync:getStatus',
  syncNow: 'sync:syncNow',
  listConflicts: 'sync:listConflicts',
  openConflict: 'sync:openConflict',
  resolveConflict: 'sync:resolveConflict',
  listDiscarded: 'sync:listDiscarded',
  listRefused: 'sync:listRefused',
  acknowledgeRefused: 'sync:acknowledgeRefused',
  exportRefused: 'sync:exportRefused',
  syncHistory: 'sync:history',
  getSettings: 'settings:get',
  testConnection: 'settings:testConnection',
  setServerUrl: 'settings:setServerUrl',
  setStartWithComputer: 'settings:setStartWithComputer',
  getListView: 'preferences:getListView',
  saveListView: 'preferences:saveListView',
  listAssignees: 'people:listAssignees',
  createWorkRequest: 'requests:create',
  listWorkRequests: 'requests:list',
  acceptWorkRequest: 'requests:accept',
  declineWorkRequest: 'requests:decline',
  getDiagnosticsInfo: 'diagnostics:info',
  saveDiagnostics: 'diagnostics:save',
  printWorkOrder: 'printing:print',
  saveWorkOrderPdf: 'printing:savePdf',
  getKiosk: 'kiosk:get',
  exitKiosk: 'kiosk:exit',
} as const;

/** Events main pushes to the renderer. */
export const EVENT_CHANNELS = {
  syncStatusChanged: 'sync:statusChanged',
  workOrdersChanged: 'workorders:changed',
  sessionChanged: 'session:changed',
} as const;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];
export type EventChannel = (typeof EVENT_CHANNELS)[EventName];
