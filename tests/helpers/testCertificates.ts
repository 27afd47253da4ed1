import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface TestCertificates {
  /** The test CA's certificate: what a client is told to trust. */
  caFile: string;
  ca: Buffer;
  certFile: string;
  keyFile: string;
}

/**
 * A throw-away certificate authority and a server certificate it signed for
 * 127.0.0.1 and localhost, made with openssl at test time: no key is ever
 * committed, and clients trust the CA explicitly instead of turning checks off.
 */
export function makeTestCertificates(dir: string): TestCertificates {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Shopfloor test CA', '-keyout', file('ca.key'), '-out', file('ca.pem'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'));
  const extensions = file('server.ext');
  execFileSync('sh', ['-c', `printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > '${extensions}'`]);
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', extensions, '-out', file('server.pem'));
  return { caFile: file('ca.pem'), ca: readFileSync(file('ca.pem')), certFile: file('server.pem'), keyFile: file('server.key') };
}
