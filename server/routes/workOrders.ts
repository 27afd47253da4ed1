import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EDITABLE_WORK_ORDER_FIELDS } from '../../shared/domain/workOrder';
import { MAX_VERSION, WorkOrderUpdatePayload } from '../../shared/sync/protocol';
import { HttpError, parseOr400 } from '../errors';
import type { ServiceContext } from '../services/context';
import { getWorkOrder, updateWorkOrder, workOrderHistory } from '../services/workOrders';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const IfMatch = z.coerce.number().int().nonnegative().max(MAX_VERSION);

/** The online work-order endpoints: read one, edit one with If-Match, read its audit trail. */
export function workOrderRoutes(secured: FastifyInstance, ctx: ServiceContext) {
  secured.get('/work-orders/:id', async (request) => {
    const { id } = parseOr400(IdParams, request.params);
    return getWorkOrder(ctx, id);
  });

  secured.patch('/work-orders/:id', async (request) => {
    const { id } = parseOr400(IdParams, request.params);
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined) {
      throw new HttpError(428, 'PRECONDITION_REQUIRED', 'Say which version you edited: send If-Match: <version>.');
    }
    const baseVersion = parseOr400(IfMatch, String(ifMatch).replace(/"/g, ''));
    const fields = parseOr400(WorkOrderUpdatePayload, request.body);
    const unknown = Object.keys(request.body as object).filter((k) => !(EDITABLE_WORK_ORDER_FIELDS as string[]).includes(k));
    if (unknown.length) throw new HttpError(400, 'VALIDATION_FAILED', `These fields cannot be changed: ${unknown.join(', ')}.`);
    return updateWorkOrder(ctx, request.user!, id, baseVersion, fields);
  });

  secured.get('/work-orders/:id/history', async (request) => {
    const { id } = parseOr400(IdParams, request.params);
    return workOrderHistory(ctx, id);
  });
}
