import { WorkOrderDetail } from './WorkOrderDetail';
import { WorkOrderFilters } from './WorkOrderFilters';
import { WorkOrderList } from './WorkOrderList';

export function WorkOrdersScreen() {
  return (
    <main className="work-orders-screen">
      <h1 className="visually-hidden">Work orders</h1>
      <WorkOrderFilters />
      <div className="split">
        <WorkOrderList />
        <WorkOrderDetail />
      </div>
    </main>
  );
}
