/**
 * Checklist #7. Sent as a response header by the app:// handler (headers can
 * carry frame-ancestors, a <meta> tag cannot); renderer/index.html carries the
 * same policy minus frame-ancestors for the dev server and browser tests.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
