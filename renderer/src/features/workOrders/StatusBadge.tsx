import {
  PRIORITY_LABELS,
  STATUS_LABELS,
  type WorkOrderPriority,
  type WorkOrderStatus,
} from '../../../../shared/domain/labels';

export const StatusBadge = ({ status }: { status: WorkOrderStatus }) => (
  <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
);

export const PriorityBadge = ({ priority }: { priority: WorkOrderPriority }) => (
  <span className={`badge priority-${priority}`}>{PRIORITY_LABELS[priority]}</span>
);
