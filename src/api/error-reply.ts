// Errors as the HTTP API answers them: JSON {code, message} in the CTI_ERR_*
// vocabulary, with the status each code means; nothing internal leaks on a 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { CtiError, type ErrorCode } from '../native/errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  CTI_ERR_BAD_ARGUMENT: 400,
  CTI_ERR_BAD_WAV: 400,
  CTI_ERR_BAD_TONE_PLAN: 400,
  CTI_ERR_UNAUTHORIZED: 401,
  CTI_ERR_FORBIDDEN: 403,
  CTI_ERR_TOO_MANY_ATTEMPTS: 429,
  CTI_ERR_NOT_FOUND: 404,
  CTI_ERR_CONFLICT: 409,
  CTI_ERR_NO_SUCH_CHANNEL: 404,
  CTI_ERR_NO_SUCH_BOARD: 404,
  CTI_ERR_BUSY: 409,
  CTI_ERR_CANCELED: 409,
  CTI_ERR_NOT_RUNNING: 503,
  CTI_ERR_DISCONNECTED: 503,
};

export function errorReply(
  err: FastifyError | Error,
  log: FastifyInstance['log'],
): { status: number; body: { code: string; message: string } } {
  const fe = err as FastifyError;
  if (fe.validation) return { status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT', message: fe.message } };
  if (err instanceof CtiError) {
    const status = STATUS[err.code] ?? 500;
    if (status < 500 || err.code !== 'CTI_ERR_INTERNAL') return { status, body: { code: err.code, message: err.message } };
  } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // fastify's own: bad JSON, wrong content type, body too large
    return { status: fe.statusCode, body: { code: 'CTI_ERR_BAD_ARGUMENT', message: fe.message } };
  }
  log.error({ err: forLog(err) }, 'internal error');
  return { status: 500, body: { code: 'CTI_ERR_INTERNAL', message: 'internal error' } };
}

/**
 * A database error as the log may carry it: its kind and the driver's code,
 * never its message or SQL (they hold the values a client sent).
 */
function forLog(err: Error): Error | { type: string; code?: string } {
  const db = err as Error & { sql?: string; parent?: { code?: string }; original?: { code?: string } };
  if (db.sql === undefined && !err.name.startsWith('Sequelize')) return err;
  const code = db.parent?.code ?? db.original?.code;
  return { type: err.name, ...(code ? { code } : {}) };
}
