import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { DEMO_PASSWORD } from '../../server/seed';
import { closedPortUrl, startProxy, startTlsFront } from '../helpers/networkPath';
import { makeTempDir } from '../helpers/tempDir';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';
import { makeTlsMaterial } from '../helpers/tlsMaterial';

/**
 * A plant's network (issue: installed on 40 PCs): the core reaches the sync
 * server through a corporate CONNECT proxy, over TLS with the shop's own
 * certificate authority given explicitly (never by turning verification
 * off), and when something is wrong, Settings → Test connection says what,
 * in a sentence IT can act on. Under Electron the same seam takes net.fetch.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function plant() {
  const temp = makeTempDir('shopfloor-network-');
  cleanups.push(temp.remove);
  const tls = makeTlsMaterial(temp.dir);
  const database = makeTestDatabase('sqlite');
  cleanups.push(() => database.drop());
  const server = await startTestServer(database, { seed: 'demo' });
  cleanups.push(() => server.close());
  const front = await startTlsFront(server.url, tls);
  cleanups.push(front.close);
  const workstation = (options: Partial<CoreOptions>): Core => {
    const dir = makeTempDir('shopfloor-network-pc-');
    cleanups.push(dir.remove);
    const core = createCore({ dataDir: dir.dir, logger: silentLogger, seedDemoData: false, autoSync: false, ...options });
    cleanups.push(async () => {
      await core.sync.idle();
      core.close();
    });
    return core;
  };
  return { tls, server, front, workstation };
}

describe('a workstation behind a corporate proxy, to a server over TLS', () => {
  it('syncs through the proxy’s CONNECT tunnel, trusting the shop’s CA given explicitly', async () => {
    const { tls, front, workstation } = await plant();
    const proxy = await startProxy();
    cleanups.push(proxy.close);
    const core = workstation({ serverUrl: front.url, network: { proxyUrl: proxy.url, caFile: tls.caFile } });

    expect(await core.handlers.testConnection({ url: front.url })).toEqual({ ok: true, message: 'The server answered. Connection works.' });
    expect(await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD })).toMatchObject({ signedInOffline: false });
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    expect((await core.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 1 }))).total).toBe(1000);
    // Everything went through the proxy, as a tunnel to the server's address.
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(front.url).host]));
  });

  it('Test connection names the problem: an untrusted certificate, a proxy that wants a sign-in, nothing listening', async () => {
    const { tls, front, workstation } = await plant();

    // The shop's CA is not installed on this PC.
    const noCa = workstation({});
    const untrusted = await noCa.handlers.testConnection({ url: front.url });
    expect(untrusted).toMatchObject({ ok: false, message: expect.stringMatching(/^This computer does not trust the server’s certificate \(.+\)\. Ask IT/) });
    // ...and signing in does not fall back to anything unsafe: the server cannot be reached, and this PC never signed in.
    await expect(noCa.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD })).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });

    // A certificate nobody signed, even with the shop's CA trusted.
    const selfSigned = await startTlsFront(front.url.replace('https', 'http'), { cert: tls.selfSignedCert, key: tls.selfSignedKey });
    cleanups.push(selfSigned.close);
    const withCa = workstation({ network: { caFile: tls.caFile } });
    expect((await withCa.handlers.testConnection({ url: selfSigned.url })).message).toMatch(/does not trust the server’s certificate/);

    // The proxy asks for a sign-in this PC does not give.
    const strictProxy = await startProxy({ authenticate: false });
    cleanups.push(strictProxy.close);
    const behindStrictProxy = workstation({ network: { proxyUrl: strictProxy.url, caFile: tls.caFile } });
    expect(await behindStrictProxy.handlers.testConnection({ url: front.url })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The proxy asks for a sign-in that this computer did not give \(407\)/),
    });

    // A wrong port: nothing answers there.
    const nowhere = await closedPortUrl('https');
    expect(await withCa.handlers.testConnection({ url: nowhere })).toMatchObject({
      ok: false,
      message: `Nothing answers at ${nowhere} (connection refused). Check the port, and that the sync server is running.`,
    });
  });
});
