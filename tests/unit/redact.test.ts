import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactBytes } from '../../main/core/diagnostics/redact';

/** The one redaction every file in the diagnostics zip passes through. */

/** Secret-store values as the server issues them: long random base64url/hex. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
/** What a technician types in a note: anything, quotes, new lines and non-ASCII included. */
const freeText = fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' });
/** Text around it: log prefixes, ordinary words. */
const surrounding = fc.string({ maxLength: 40 }).filter((s) => !/["'\\]/.test(s));

describe('redact', () => {
  it('removes every value the secret store holds, wherever it sits in a line', () => {
    fc.assert(
      fc.property(fc.array(secretValue, { minLength: 1, maxLength: 3 }), surrounding, surrounding, (secrets, before, after) => {
        const line = `${before}${secrets.join(' and ')}${after}`;
        const out = redact(line, secrets);
        for (const secret of secrets) expect(out).not.toContain(secret);
      }),
    );
  });

  it('removes a note or description from JSON, however it is written, and says how long it was', () => {
    fc.assert(
      fc.property(fc.constantFrom('description', 'note', 'completionNotes', 'notes'), freeText, surrounding, (key, text, title) => {
        const json = JSON.stringify({ type: 'update_work_order', payload: { title, [key]: text, status: 'open' } });
        const out = redact(json);
        const parsed = JSON.parse(out) as { payload: Record<string, string> };
        // n counts the text as JavaScript does (UTF-16 units), whatever JSON escaped in it.
        expect(parsed.payload[key]).toBe(`[redacted ${text.length} chars]`);
        expect(parsed.payload.title).toBe(title);
        expect(parsed.payload.status).toBe('open');
      }),
    );
  });

  it('removes notes and passwords from objects electron-log printed with util.inspect', () => {
    fc.assert(
      fc.property(freeText, secretValue, (note, password) => {
        const line = `[info] hours ${inspect({ workOrderId: 'wo-1', note, password }, { breakLength: Infinity })}`;
        const out = redact(line);
        expect(out).not.toContain(password);
        if (note.trim().length > 3) expect(out).not.toContain(note);
        expect(out).toContain("workOrderId: 'wo-1'");
      }),
    );
  });

  it.each([
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['{"token":"t0ps3cr3t","user":"alice"}', '{"token":"[redacted]","user":"alice"}'],
    ['{"refreshToken": "r-123456"}', '{"refreshToken": "[redacted]"}'],
    ["{ password: 'hunter22' }", "{ password: '[redacted]' }"],
    ['{ note: `it\'s "x"` }', '{ note: `[redacted 8 chars]` }'],
    ['login password=hunter22 user=alice', 'login password=[redacted] user=alice'],
    ['access_token=abc123&x=1', 'access_token=[redacted]&x=1'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl here', 'jwt [redacted] here'],
    ['{"description":"Pump leaks\\n\\"badly\\""}', '{"description":"[redacted 18 chars]"}'],
    ['{"description":null}', '{"description":null}'],
    ['{"completionNotes":""}', '{"completionNotes":"[redacted 0 chars]"}'],
    // What IT needs stays: states, codes, counts, titles, the words "token" and "password" in a sentence.
    ['sync failed: token renewal refused (TOKEN_EXPIRED), 3 pending', 'sync failed: token renewal refused (TOKEN_EXPIRED), 3 pending'],
    ['{"title":"Replace belt","status":"open"}', '{"title":"Replace belt","status":"open"}'],
  ])('%s → %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves short secret-store values alone: they would match ordinary words', () => {
    expect(redact('open the valve', ['open'])).toBe('open the valve');
  });

  it('is stable: redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.array(secretValue, { maxLength: 2 }), freeText, (secrets, note) => {
        const once = redact(`${JSON.stringify({ token: secrets[0] ?? 'x', note })} Bearer ${secrets[1] ?? 'y'} note=${note.replace(/\s/g, '')}`, secrets);
        expect(redact(once, secrets)).toBe(once);
      }),
    );
  });
});

describe('redactBytes (crash dumps)', () => {
  it('blanks secret-store values as UTF-8 and UTF-16, keeping the size', () => {
    fc.assert(
      fc.property(secretValue, fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (secret, head, tail) => {
        const dump = Buffer.concat([head, Buffer.from(secret, 'utf16le'), tail, Buffer.from(secret, 'utf8')]);
        const out = Buffer.from(redactBytes(dump, [secret]));
        expect(out.length).toBe(dump.length);
        expect(out.indexOf(Buffer.from(secret, 'utf8'))).toBe(-1);
        expect(out.indexOf(Buffer.from(secret, 'utf16le'))).toBe(-1);
        expect(out.subarray(0, head.length)).toEqual(Buffer.from(head));
      }),
    );
  });
});
