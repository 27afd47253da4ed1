import { useAppSelector } from '../../app/hooks';
import { WorkOrderDetail } from './WorkOrderDetail';
import { WorkOrderFilters } from './WorkOrderFilters';
import { WorkOrderList } from './WorkOrderList';

export function WorkOrdersScreen() {
  const clears = useAppSelector((state) => state.workOrders.clears);
  return (
    <main className="work-orders-screen">
      <h1 className="visually-hidden">Work orders</h1>
      <WorkOrderFilters key={clears} />
      <div className="split">
        <WorkOrderList />
        <WorkOrderDetail />
      </div>
    </main>
  );
}
