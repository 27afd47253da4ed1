/** The slice of Electron's WebFrameMain the check needs (kept structural so it runs under Node). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The app's own origin in packaged builds (see main/security/appProtocol.ts). */
export const APP_ORIGIN = 'app://bundle';

/**
 * Checklist #17: only our own top-level page may call the API. A null frame
 * (navigated away or destroyed), a sub-frame, or any origin other than the
 * app's (or the Vite dev server's, in development) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerUrl?: string): boolean {
  if (!frame || frame.parent) return false;
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
  } catch {
    return false;
  }
  // `new URL('app://bundle/x').origin` is "null" for non-special schemes, so compare by prefix.
  if (frame.url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devServerUrl !== undefined && origin === new URL(devServerUrl).origin;
}
