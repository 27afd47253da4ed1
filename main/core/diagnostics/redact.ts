/**
 * The one redaction every file in the diagnostics zip goes through. It works
 * on text (logs, and JSON once serialised), so a secret is caught wherever it
 * sits: a log line, a JSON field, an object electron-log printed with
 * util.inspect (`{ password: 'x' }`), a header (`Authorization: Bearer x`).
 *
 * What goes:
 * - every value the secret store holds (access and refresh tokens), wherever it appears;
 * - bearer tokens and anything that looks like a JWT;
 * - the values of fields named like a password, token, secret or verifier;
 * - the free text of notes and descriptions (`[redacted n chars]`), which is the shop's
 *   business and never needed to read a log. Titles, numbers, states and codes stay.
 */

/** Field names whose value is a credential. */
const CREDENTIAL_KEYS = String.raw`(?:[a-z_]*(?:password|passwd|token|secret|verifier|authorization|cookie|api[_-]?key)[a-z_]*)`;
/** Field names whose value is a technician's free text. */
const FREE_TEXT_KEYS = String.raw`(?:description|descriptions|note|notes|completion_?notes)`;

/**
 * A key (bare or quoted) then : or =, then a value: quoted with " or ' or ` (util.inspect uses a
 * backtick when the text holds both other quotes), or bare up to a separator.
 * Groups: 1 the key's quote, 2 the key, 3 the separator, 4 the value's quote, 5 the quoted value, 6 a bare value.
 */
function keyValue(keys: string): RegExp {
  const q = String.raw`["'\x60]`; // \x60 is the backtick
  return new RegExp(
    String.raw`(${q}?)\b(${keys})\1(\s*[:=]\s*)(?:(${q})((?:(?!\4)[^\\\n]|\\.)*)\4|([^\s,;&}\]\)"'\x60]+))`,
    'gi',
  );
}
const CREDENTIAL_PAIR = keyValue(CREDENTIAL_KEYS);
const FREE_TEXT_PAIR = keyValue(FREE_TEXT_KEYS);
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

/** Secrets shorter than this are not searched for as text: they would match ordinary words. */
const MIN_SECRET_LENGTH = 6;

export const REDACTED = '[redacted]';

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of usableSecrets(secrets)) out = out.split(secret).join(REDACTED);
  out = out.replace(BEARER, `$1 ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(CREDENTIAL_PAIR, (match: string, keyQuote: string, key: string, separator: string, quote?: string, _quoted?: string, bare?: string) => {
    // `Authorization: Bearer x` was handled above; a value already redacted stays as it is.
    if (bare !== undefined && (/^bearer$/i.test(bare) || bare.startsWith('[redacted'))) return match;
    return `${keyQuote}${key}${keyQuote}${separator}${quote ? `${quote}${REDACTED}${quote}` : REDACTED}`;
  });
  out = out.replace(FREE_TEXT_PAIR, (match: string, keyQuote: string, key: string, separator: string, quote?: string, quoted?: string, bare?: string) => {
    const value = quoted ?? bare ?? '';
    // null is no text; a marker from an earlier pass stays (a bare one was cut at its first space).
    if (bare === 'null' || bare === '[redacted' || /^\[redacted \d+ chars\]$/.test(value)) return match;
    const marker = `[redacted ${unescapedLength(value)} chars]`;
    return `${keyQuote}${key}${keyQuote}${separator}${quote ? `${quote}${marker}${quote}` : marker}`;
  });
  return out;
}

/**
 * Crash dumps are binary (a minidump): they cannot be read as text, but the
 * secret store's values are blanked wherever they appear in them, as UTF-8 and
 * as UTF-16 (Chromium's strings), with bytes of the same length so the dump
 * still opens in a debugger.
 */
export function redactBytes(bytes: Uint8Array, secrets: readonly string[]): Uint8Array {
  const out = Buffer.from(bytes);
  for (const secret of usableSecrets(secrets)) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const needle = Buffer.from(secret, encoding);
      for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + needle.length)) out.fill(0x2a, at, at + needle.length);
    }
  }
  return out;
}

function usableSecrets(secrets: readonly string[]): string[] {
  return [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
}

/** How many characters the technician typed: `\n` in JSON is one. */
function unescapedLength(value: string): number {
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, '_').length;
}
