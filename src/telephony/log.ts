// The logger the telephony core writes to: pino's shape (fastify's logger fits),
// so the server hands its own in and tests hand in a silent or capturing one.
// Every line about a channel or a call carries span, channel and call id: code
// logs through `channelLog()`, which binds them.
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Log;
}

class BoundLog implements Log {
  constructor(
    readonly sink: (level: LogLevel, obj: Record<string, unknown>, msg?: string) => void,
    readonly bindings: Record<string, unknown> = {},
  ) {}
  #write(level: LogLevel, obj: object, msg?: string): void {
    this.sink(level, { ...this.bindings, ...(obj as Record<string, unknown>) }, msg);
  }
  debug(obj: object, msg?: string): void {
    this.#write('debug', obj, msg);
  }
  info(obj: object, msg?: string): void {
    this.#write('info', obj, msg);
  }
  warn(obj: object, msg?: string): void {
    this.#write('warn', obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.#write('error', obj, msg);
  }
  child(bindings: Record<string, unknown>): Log {
    return new BoundLog(this.sink, { ...this.bindings, ...bindings });
  }
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  msg?: string;
  [key: string]: unknown;
}

/** Logs nothing. */
export const silentLog: Log = new BoundLog(() => {});

/** Keeps every line (tests assert on them). */
export function memoryLog(): Log & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = new BoundLog((level, obj, msg) => lines.push({ ...obj, level, ...(msg !== undefined ? { msg } : {}) }));
  return Object.assign(log, { lines });
}

/** The bindings every channel or call log line carries. */
export function channelLog(log: Log, where: { span: number; channel: number; callId?: string | null; legId?: string }): Log {
  return log.child({
    span: where.span,
    channel: where.channel,
    callId: where.callId ?? null,
    ...(where.legId ? { legId: where.legId } : {}),
  });
}
