import { z } from 'zod';
import { AssetRecord } from '../../shared/domain/records';

/** docs/import.md: the columns of an asset file, by header name. */
export const ASSET_COLUMNS = ['tag', 'name', 'location', 'category', 'manufacturer', 'model', 'serial_number', 'parent_tag', 'status'] as const;
export const REQUIRED_ASSET_COLUMNS = ['tag', 'name'] as const;

const field = AssetRecord.shape;
/** One asset row, checked with the limits of the API's own asset schema; empty optional cells are "". */
export const AssetImportRow = z.object({
  tag: field.tag,
  name: field.name,
  location: field.location.default(''),
  category: field.category.default(''),
  manufacturer: field.manufacturer.default(''),
  model: field.model.default(''),
  serial_number: field.serialNumber.default(''),
  parent_tag: field.tag.optional(),
  status: field.status.default('in_service'),
});
export type AssetImportRow = z.infer<typeof AssetImportRow>;
