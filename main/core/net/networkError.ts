/**
 * Why a request to the sync server failed, in a sentence IT can act on, for
 * Settings → Test connection and the log. Reads both Node's (undici) errors
 * and Chromium's net::ERR_* messages (Electron's net.fetch).
 */
export function describeNetworkError(error: unknown, serverUrl: string): string {
  const text = errorText(error);
  const has = (...needles: string[]) => needles.some((n) => text.includes(n));
  if (has('CERT', 'SELF_SIGNED', 'UNABLE_TO_VERIFY', 'UNABLE_TO_GET_ISSUER', 'ALTNAME', 'ERR_SSL', 'certificate')) {
    return `This computer does not trust the server’s certificate (${shortCode(text)}). Ask IT to install the shop’s certificate authority on this PC, and check that the address matches the certificate’s name.`;
  }
  if (has('Proxy response (407)', 'ERR_PROXY_AUTH', '407')) {
    return 'The proxy asks for a sign-in that this computer did not give (407). Ask IT for the proxy account, or to let this PC reach the sync server without one.';
  }
  if (has('Proxy response', 'ERR_TUNNEL_CONNECTION_FAILED')) {
    return `The proxy refused to connect to ${serverUrl}. Ask IT to allow this address through the proxy.`;
  }
  if (has('ERR_PROXY_CONNECTION_FAILED', 'proxy')) {
    return 'The proxy server could not be reached. Check this PC’s proxy settings with IT.';
  }
  if (has('bad port', 'ERR_UNSAFE_PORT')) {
    const port = safePort(serverUrl);
    return `No answer can come from port ${port}: web clients refuse that port. Use the port the sync server listens on (for example 443 or 8080).`;
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'ERR_NAME_NOT_RESOLVED')) {
    return `No computer with the name in ${serverUrl} was found. Check the address for typos, and that this PC uses the plant’s name servers.`;
  }
  if (has('ECONNREFUSED', 'ERR_CONNECTION_REFUSED')) {
    return `Nothing answers at ${serverUrl} (connection refused). Check the port, and that the sync server is running.`;
  }
  if (has('Timeout', 'TIMEOUT', 'ETIMEDOUT', 'ERR_TIMED_OUT', 'aborted')) {
    return `${serverUrl} did not answer in time. Check that this computer is on the network and that a firewall lets it through.`;
  }
  if (has('ECONNRESET', 'ERR_CONNECTION_RESET', 'socket hang up', 'other side closed')) {
    return `The connection to ${serverUrl} was cut off. A firewall or proxy may be in the way; ask IT.`;
  }
  return `No answer from ${serverUrl}. Check the address, and that this computer is on the network.`;
}

/** The error and its causes as one string (undici wraps the system error as `cause`). */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) parts.push(e.name, e.message, String((e as { code?: unknown }).code ?? ''));
    else parts.push(String(e));
  }
  return parts.join(' ');
}

function shortCode(text: string): string {
  return text.match(/\b(?:[A-Z_]*CERT[A-Z_]*|SELF_SIGNED[A-Z_]*|UNABLE_TO_[A-Z_]+|ERR_[A-Z_]+)\b/)?.[0] ?? 'certificate not trusted';
}

function safePort(url: string): string {
  try {
    return new URL(url).port || 'this';
  } catch {
    return 'this';
  }
}
