/**
 * Every IPC answer has this shape. Errors carry a machine-readable code and a
 * sentence a technician can read, never a stack trace.
 */
export const IPC_ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'NOT_SIGNED_IN',
  /** Quick switch (PIN, badge) is closed for this person until they sign in with their password. */
  'PASSWORD_REQUIRED',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'DATABASE_TOO_NEW',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * Thrown by handlers for errors the user should see as they are (not found,
 * database too new...). Anything else becomes INTERNAL with a generic sentence.
 */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
