import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { startBridgeListeners } from './app/bridgeListeners';
import { makeStore } from './app/store';
import './styles.css';

const store = makeStore();
startBridgeListeners(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
