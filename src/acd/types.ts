// A queue's configuration (the YAML's `queues:`; src/config/acd-schema.ts
// checks it and fills the defaults in) and the vocabulary of the ACD.

/**
 * How a queue picks among its free agents (callers always wait first come,
 * first served within their priority):
 * - linear: the members in their configured order, first free one rings;
 * - circular: the same order, starting after the agent offered last;
 * - ring-all: every free member rings at once, the first to answer takes it;
 * - fifo: as linear, with position and estimated wait announced by default;
 * - longest-idle: the free member idle longest.
 */
export const STRATEGIES = ['linear', 'circular', 'ring-all', 'fifo', 'longest-idle'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * Where an overflowing caller goes: another queue by name, or one of these:
 * - message: the apology prompt `queue-message` (or congestion tone when
 *   there is none), then the call is hung up;
 * - voicemail: the same with the prompt `queue-voicemail`, until voicemail is built.
 */
export const OVERFLOW_SINKS = ['voicemail', 'message'] as const;

/**
 * A queue's maximum wait when it names none: 10 minutes. Asterisk's Queue()
 * and FreeSWITCH's mod_callcenter wait for ever unless told (timeout,
 * max-wait-time 0), which is how callers came to wait over an hour; a few
 * minutes is what centers set them to. `maxWaitMs: 0` waits for ever.
 */
export const DEFAULT_MAX_WAIT_MS = 600_000;
/** Where a caller goes at the maximum wait when the queue names no overflow: the apology, then goodbye. */
export const DEFAULT_OVERFLOW_TO = 'message' satisfies (typeof OVERFLOW_SINKS)[number];

export interface AnnounceConfig {
  /** first announcement this long after joining (0: at once) */
  firstAfterMs: number;
  /** then again every everyMs */
  everyMs: number;
  position: boolean;
  estimate: boolean;
}

export interface QueueConfig {
  name: string;
  strategy: Strategy;
  /** member agent ids, in hunt order; absent: every agent with the queue's skills, in account order */
  agents?: string[];
  /** skills the queue needs, with the least level for each */
  skills?: Record<string, number>;
  /** a caller's priority when the route gives none (higher first) */
  priority: number;
  ringTimeoutMs: number;
  /** offers missed in a row before the agent is set not-ready (0: never) */
  maxMissed: number;
  wrapUpMs: number;
  /**
   * the caller leaves the queue after this long, to overflow.to when set, else
   * to DEFAULT_OVERFLOW_TO (absent: DEFAULT_MAX_WAIT_MS; 0: no limit)
   */
  maxWaitMs?: number;
  announce?: AnnounceConfig;
  /** on answer, the caller hears the agent's number before the two are joined */
  announceAgent?: boolean;
  /** music on hold: a prompt name or WAV file; default: a built-in tune */
  music?: string;
  /** after afterMs of waiting, or on arrival when `length` callers already wait: go to `to` */
  overflow?: { afterMs?: number; length?: number; to: string };
  /** the caller presses `digit` to be called back instead of waiting on the line */
  callback?: { digit: string };
  /** the agent who last served this caller is tried first; waited for up to waitMs if busy */
  lastAgent?: { rememberMs: number; waitMs: number };
  /** handling time assumed for estimates until calls have been handled */
  defaultHandleMs: number;
}

export const QUEUE_DEFAULTS = {
  strategy: 'longest-idle',
  priority: 0,
  ringTimeoutMs: 15000,
  maxMissed: 2,
  wrapUpMs: 0,
  maxWaitMs: DEFAULT_MAX_WAIT_MS,
  defaultHandleMs: 120000,
} as const satisfies Partial<QueueConfig>;

/** How a caller's time in the queue ended. */
export type QueueExit = 'answered' | 'abandoned' | 'overflow' | 'max-wait' | 'callback-failed' | 'failed' | 'shutdown';
