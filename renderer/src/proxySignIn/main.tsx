import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readProxySignInQuery } from '../../../shared/ipc/proxySignIn';
import { ProxySignIn } from './ProxySignIn';
import '../styles.css';
import './proxySignIn.css';

/** The proxy sign-in window's page: a second entry of the renderer build, with its own preload. */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProxySignIn context={readProxySignInQuery(window.location.search)} api={window.proxySignIn} />
  </StrictMode>,
);
