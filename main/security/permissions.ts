import type { Session } from 'electron';

/**
 * Checklist #5: deny by default. The app needs no camera, microphone,
 * location, notifications or the like; writing to the clipboard (copy a
 * refused entry) is the only thing a page may ask for.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission);

export function installPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
