import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TlsMaterial {
  /** The test's own certificate authority (PEM file): what a shop's IT would install on its PCs. */
  caFile: string;
  ca: string;
  /** A server certificate for localhost and 127.0.0.1, signed by that CA (PEM text, and the files). */
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
  /** A certificate for the same names that no CA signed (self-signed): what a misconfigured server presents. */
  selfSignedCert: string;
  selfSignedKey: string;
}

/**
 * A throw-away certificate authority and certificates, made at test time with
 * openssl in `dir` (no key is ever committed): clients trust the CA
 * explicitly, never by turning verification off.
 */
export function makeTlsMaterial(dir: string): TlsMaterial {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  writeFileSync(file('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=Shopfloor Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.pem'), '-days', '2', '-extfile', file('san.ext'));
  openssl('req', '-x509', ...ec, '-keyout', file('self.key'), '-out', file('self.pem'), '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
  const read = (name: string) => readFileSync(file(name), 'utf8');
  return {
    caFile: file('ca.pem'),
    ca: read('ca.pem'),
    cert: read('server.pem'),
    key: read('server.key'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    selfSignedCert: read('self.pem'),
    selfSignedKey: read('self.key'),
  };
}
