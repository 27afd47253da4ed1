/**
 * Checklist #7, declared once. The app:// handler sends it as a header; the
 * renderer build writes it into index.html as a <meta> tag (minus
 * frame-ancestors, which a <meta> cannot carry), so the built page is
 * protected wherever it is served, the browser tests included. The dev server
 * gets no <meta>: React's hot reload needs an inline script.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
