import { z } from 'zod';
import { HOURS_MAX } from './rules';
import { Timestamp } from './workOrder';

export const ASSET_STATUSES = ['in_service', 'out_of_service', 'retired'] as const;

export const AssetRecord = z.object({
  id: z.string().min(1).max(64),
  tag: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  location: z.string().max(200),
  category: z.string().max(100),
  manufacturer: z.string().max(100),
  model: z.string().max(100),
  serialNumber: z.string().max(100),
  parentId: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  version: z.number().int().nonnegative(),
  updatedAt: Timestamp,
});
export type AssetRecord = z.infer<typeof AssetRecord>;

/** A calendar day, YYYY-MM-DD, as the technician chose it. */
export const WorkDate = z.iso.date();

export const HoursEntryRecord = z.object({
  id: z.string().min(1).max(64),
  workOrderId: z.string().min(1).max(64),
  userId: z.string(),
  hours: z.number().gt(0).max(HOURS_MAX),
  workDate: WorkDate,
  note: z.string().max(1000),
  /** When the technician logged it, by the device clock: data, never used for ordering. */
  performedAt: Timestamp,
  receivedAt: Timestamp,
  version: z.number().int().nonnegative(),
});
export type HoursEntryRecord = z.infer<typeof HoursEntryRecord>;

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(['technician', 'supervisor', 'admin']),
});
export type UserSummary = z.infer<typeof UserSummary>;
