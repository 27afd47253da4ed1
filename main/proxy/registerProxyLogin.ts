import type { App, AuthInfo } from 'electron';
import type { Logger } from '../core/logger';
import type { ProxyLoginBroker } from '../core/net/proxyLogin';

export type ProxyLoginCallback = (username?: string, password?: string) => void;

/**
 * One proxy challenge answered through the core's broker, which decides whether to ask the
 * technician, reuse the answer or give up. Electron raises proxy challenges in three places, and
 * all three come here: app 'login' (requests of a window), each main-process request's own 'login'
 * (the sync's fetch, main/net/electronFetch.ts: Electron's net.fetch cancels those silently) and
 * electron-updater's 'login' (its downloads are main-process requests too).
 */
export function answerProxyChallenge(broker: ProxyLoginBroker, logger: Logger): (authInfo: AuthInfo, callback: ProxyLoginCallback) => void {
  return (authInfo, callback) => {
    if (!authInfo.isProxy) return callback();
    void broker
      .answer({ isProxy: true, host: authInfo.host, port: authInfo.port, realm: authInfo.realm, scheme: authInfo.scheme })
      .then((answer) => {
        if (answer.kind === 'use') return callback(answer.credentials.username, answer.credentials.password);
        // Never the user name or password in the log: only which proxy and why not.
        logger.warn('proxy sign-in not answered', { proxy: `${authInfo.host}:${authInfo.port}`, reason: answer.reason });
        callback();
      });
  };
}

/** app 'login': a proxy is answered through the broker; anything else that asks for a password keeps Electron's default, refused. */
export function registerProxyLogin(app: Pick<App, 'on'>, broker: ProxyLoginBroker, logger: Logger): void {
  const answer = answerProxyChallenge(broker, logger);
  app.on('login', (event, _webContents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    event.preventDefault();
    answer(authInfo, callback);
  });
}
