// The one vocabulary of errors shared by the native engine, the HTTP API and the
// WebSocket API. Native code throws these classes (the addon is handed
// `createError` at load), so `instanceof CtiError` and `.code` work everywhere.
export const ERROR_CODES = {
  CTI_ERR_BAD_ARGUMENT: 'a command or option was malformed',
  CTI_ERR_BAD_WAV: 'the file is not a WAV file this engine can read',
  CTI_ERR_FILE_IO: 'a file could not be read or written',
  CTI_ERR_NO_SUCH_CHANNEL: 'no such channel',
  CTI_ERR_NO_SUCH_BOARD: 'no such board',
  CTI_ERR_NOT_FOUND: 'no such object (call, phone, record, route)',
  CTI_ERR_CONFLICT: 'the change clashes with what is stored (a name or number already taken)',
  CTI_ERR_UNAUTHORIZED: 'no valid token: log in first',
  CTI_ERR_FORBIDDEN: 'your role may not do this',
  CTI_ERR_TOO_MANY_ATTEMPTS: 'too many failed attempts: wait before trying again (Retry-After)',
  CTI_ERR_BUSY: 'the channel is busy with another operation',
  CTI_ERR_CANCELED: 'the operation was stopped by a hang-up or a newer command',
  CTI_ERR_DISCONNECTED: 'the span or board was lost',
  CTI_ERR_NOT_RUNNING: 'the engine is not running',
  CTI_ERR_NO_DEVICE: "a board's device is missing: its driver is not installed or not loaded",
  CTI_ERR_BAD_TONE_PLAN: 'the tone plan is invalid',
  CTI_ERR_INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CtiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'CtiError';
    this.code = code;
  }
  /** Stopped by a hang-up or by a newer command on the same channel. */
  get canceled(): boolean {
    return this.code === 'CTI_ERR_CANCELED';
  }
  /** The span or board went away. */
  get disconnected(): boolean {
    return this.code === 'CTI_ERR_DISCONNECTED';
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** Handed to the addon: builds the error object native code throws or rejects with. */
export function createError(code: string, message: string): CtiError {
  return new CtiError(isErrorCode(code) ? code : 'CTI_ERR_INTERNAL', message);
}
