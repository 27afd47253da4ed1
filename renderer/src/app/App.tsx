import { StatusBar } from '../features/syncStatus/StatusBar';
import { WorkOrdersScreen } from '../features/workOrders/WorkOrdersScreen';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Shopfloor</span>
        <nav aria-label="Main">
          <a href="#work-orders" aria-current="page">
            Work orders
          </a>
        </nav>
      </header>
      <WorkOrdersScreen />
      <StatusBar />
    </div>
  );
}
