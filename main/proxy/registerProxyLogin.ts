import type { App } from 'electron';
import type { Logger } from '../core/logger';
import type { ProxyLoginBroker } from '../core/net/proxyLogin';

/**
 * A proxy asking for a sign-in (sync, updates: everything goes through Chromium's network stack)
 * is answered here, through the core's broker, which decides whether to ask the technician, reuse
 * the answer or give up. Anything else that asks for a password keeps Electron's default: refused.
 */
export function registerProxyLogin(app: Pick<App, 'on'>, broker: ProxyLoginBroker, logger: Logger): void {
  app.on('login', (event, _webContents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    event.preventDefault();
    void broker
      .answer({ isProxy: true, host: authInfo.host, port: authInfo.port, realm: authInfo.realm, scheme: authInfo.scheme })
      .then((answer) => {
        if (answer.kind === 'use') return callback(answer.credentials.username, answer.credentials.password);
        // Never the user name or password in the log: only which proxy and why not.
        logger.warn('proxy sign-in not answered', { proxy: `${authInfo.host}:${authInfo.port}`, reason: answer.reason });
        callback();
      });
  });
}
