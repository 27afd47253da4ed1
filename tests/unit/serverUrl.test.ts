import { describe, expect, it } from 'vitest';
import { checkServerUrl } from '../../main/core/settings';

describe('the sync server address (STYLE.md item 21)', () => {
  it.each(['https://shopfloor.example.com', 'https://10.0.0.5:8443/', 'http://127.0.0.1:8080', 'http://localhost:3000'])(
    'accepts %s in a packaged build',
    (url) => expect(checkServerUrl(url, true)).toBe(new URL(url).origin),
  );

  it.each([
    ['http://shopfloor.example.com', /secure address/],
    ['ws://shopfloor.example.com', /must start with https/],
    ['file:///etc/passwd', /must start with https/],
    ['javascript:alert(1)', /must start with https/],
    ['shopfloor', /not a web address/],
  ])('refuses %s in a packaged build', (url, why) => {
    expect(() => checkServerUrl(url, true)).toThrow(why);
  });

  it('allows plain http to another host only in development', () => {
    expect(checkServerUrl('http://build-box:8080/api', false)).toBe('http://build-box:8080');
  });
});
