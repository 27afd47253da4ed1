import type { WorkOrderPriority, WorkOrderStatus } from '../domain/workOrder';

/**
 * A believable plant: assets and work orders with shop-floor wording.
 * Deterministic for a given seed, so screenshots and tests are repeatable,
 * and pure, so both the client journal and the sync server can use it.
 */

export interface DemoAsset {
  id: string;
  tag: string;
  name: string;
  location: string;
}

export interface DemoWorkOrder {
  id: string;
  number: string;
  title: string;
  description: string;
  status: WorkOrderStatus;
  priority: WorkOrderPriority;
  assetId: string;
  assigneeId: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completionNotes: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface DemoOptions {
  seed?: number;
  assets?: number;
  workOrders?: number;
  /** The generated history ends here (ISO). */
  now?: string;
}

const MACHINES = [
  ['CNC', 'CNC lathe'],
  ['MIL', 'CNC milling centre'],
  ['PRS', 'Hydraulic press'],
  ['CNV', 'Belt conveyor'],
  ['CMP', 'Air compressor'],
  ['BLR', 'Steam boiler'],
  ['FLT', 'Forklift truck'],
  ['CHL', 'Process chiller'],
  ['PMP', 'Coolant pump'],
  ['RBT', 'Welding robot cell'],
  ['OVN', 'Curing oven'],
  ['PKG', 'Packaging line'],
] as const;

const LOCATIONS = ['Hall A', 'Hall B', 'Hall C', 'Paint shop', 'Assembly', 'Warehouse', 'Utilities', 'Tool room'];

const PROBLEMS = [
  ['Replace worn drive belt', 'Belt shows cracks and slips under load. Replace and re-tension to spec.'],
  ['Hydraulic leak at cylinder seal', 'Oil pooling under the main cylinder. Replace rod seal kit and top up fluid.'],
  ['Spindle vibration above limit', 'Vibration reading 7.1 mm/s at 3000 rpm. Check bearings and balance tool holder.'],
  ['Quarterly lubrication', 'Grease all points on the lubrication chart, check oil levels, record quantities.'],
  ['Emergency stop does not latch', 'E-stop on the operator panel springs back. Replace contact block and test circuit.'],
  ['Inspect safety guards', 'Monthly check of interlocks and fixed guards per the safety checklist.'],
  ['Air leak on main manifold', 'Audible leak at the manifold fitting. Replace fitting and soap-test the line.'],
  ['Replace coolant filter', 'Pressure drop across the filter above 1.5 bar. Swap cartridge, log the reading.'],
  ['Calibrate temperature sensor', 'Reading drifts 4 °C from the reference probe. Recalibrate or replace the PT100.'],
  ['Conveyor tracking off-centre', 'Belt runs to the left side and rubs the frame. Adjust tail pulley tracking.'],
  ['Noisy gearbox', 'Grinding noise from the reducer at start-up. Check oil condition and backlash.'],
  ['Battery charger fault', 'Charger shows error E04 and stops after ten minutes. Check cells and charger fuses.'],
  ['Replace worn welding tip', 'Weld quality dropping; tip dressing no longer restores the profile.'],
  ['Door seal damaged', 'Heat escaping at the lower door seal. Replace gasket and check the latch pressure.'],
  ['Annual pressure vessel inspection', 'Prepare the vessel for the inspector: isolate, drain, open the manhole.'],
  ['PLC fault after power dip', 'Line stopped with a CPU fault after the storm. Restore program and check UPS.'],
] as const;

const NOTES = [
  'Done, tested under load for 30 minutes.',
  'Replaced part from stores, old part tagged for repair.',
  'Adjusted and verified with the operator.',
  'Fixed. Recommend a follow-up check next month.',
];

const STATUS_WEIGHTS: [WorkOrderStatus, number][] = [
  ['open', 35],
  ['in_progress', 20],
  ['on_hold', 10],
  ['completed', 30],
  ['cancelled', 5],
];
const PRIORITY_WEIGHTS: [WorkOrderPriority, number][] = [
  ['low', 25],
  ['medium', 45],
  ['high', 22],
  ['urgent', 8],
];

export const DEMO_USERS = ['alice', 'bob', 'sam'] as const;

/** mulberry32: tiny, fast, good enough for believable test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDemoData(options: DemoOptions = {}): { assets: DemoAsset[]; workOrders: DemoWorkOrder[] } {
  const random = prng(options.seed ?? 20261127);
  const now = Date.parse(options.now ?? '2026-11-27T08:00:00.000Z');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(table: [T, number][]): T => {
    let roll = random() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
    return table[table.length - 1]![0];
  };
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;

  const assetCount = options.assets ?? 200;
  const assets: DemoAsset[] = [];
  const perPrefix = new Map<string, number>();
  for (let i = 0; i < assetCount; i++) {
    const [prefix, kind] = pick(MACHINES);
    const n = (perPrefix.get(prefix) ?? 0) + 1;
    perPrefix.set(prefix, n);
    const tag = `${prefix}-${String(n).padStart(3, '0')}`;
    assets.push({ id: uuid(), tag, name: `${kind} ${n}`, location: pick(LOCATIONS) });
  }

  const workOrderCount = options.workOrders ?? 1000;
  const workOrders: DemoWorkOrder[] = [];
  for (let i = 0; i < workOrderCount; i++) {
    const asset = pick(assets);
    const [title, description] = pick(PROBLEMS);
    const status = weighted(STATUS_WEIGHTS);
    const createdMs = now - Math.floor(random() * 120 * day);
    const updatedMs = Math.min(now, createdMs + Math.floor(random() * 20 * day));
    const createdBy = pick(DEMO_USERS);
    const updatedBy = pick(DEMO_USERS);
    const finished = status === 'completed';
    workOrders.push({
      id: uuid(),
      number: `WO-${String(10001 + i)}`,
      title: `${title}: ${asset.tag}`,
      description,
      status,
      priority: weighted(PRIORITY_WEIGHTS),
      assetId: asset.id,
      assigneeId: random() < 0.8 ? pick(DEMO_USERS.slice(0, 2)) : null,
      dueAt: random() < 0.7 ? iso(createdMs + Math.floor((3 + random() * 25) * day)) : null,
      completedAt: finished ? iso(updatedMs) : null,
      completionNotes: finished ? pick(NOTES) : null,
      version: 1 + Math.floor(random() * 4),
      createdAt: iso(createdMs),
      createdBy,
      updatedAt: iso(updatedMs),
      updatedBy,
    });
  }
  return { assets, workOrders };
}
