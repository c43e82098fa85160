// Queues managed at run time, kept in a store (the database). The YAML's
// `queues:` are the seed: at start a YAML queue the store has never had is
// written to it, and so is a changed one nobody has edited over the API;
// after that the store is the truth: a queue created, edited or deleted over
// the API stays so across restarts (the YAML's version of an edited queue is
// ignored, with a warning; a deleted YAML queue stays deleted). Every change
// is checked (the YAML's schema, members that exist, overflow targets), then
// written in one transaction that also applies it to the running ACD
// (Acd.addQueue / replaceQueue / removeQueue), so the two never disagree and
// a refused change changes nothing. A queue is not deleted while callers are
// in it, another queue overflows to it, or a route, an IVR flow or a
// blacklist reroute names it.
import { Ajv, type ErrorObject } from 'ajv';
import { queueDefaults, QUEUES_SCHEMA } from '../config/acd-schema.ts';
import { CtiError } from '../native/errors.ts';
import type { Log } from '../telephony/log.ts';
import type { Acd } from './acd.ts';
import type { QueueOrigin, QueueStore, StoredQueue } from './queue-store.ts';
import { OVERFLOW_SINKS, type QueueConfig } from './types.ts';
import { canonical } from '../config/canonical.ts';

/** One queue's definition as the API shows it. */
export interface QueueDefinitionView {
  name: string;
  definition: QueueConfig;
  origin: QueueOrigin;
  updatedBy: string | null;
  updatedAt: string;
}

export interface QueueDefinitionsOptions {
  acd: Acd;
  store: QueueStore;
  /** the YAML's queues, defaults filled in */
  seed: readonly QueueConfig[];
  /** what else names this queue (an inbound route, an IVR flow, a blacklist reroute), each said in words */
  references?: (name: string) => string[] | Promise<string[]>;
  log: Log;
}

/** A PATCH: the fields given replace the queue's; null removes an optional one. */
export type QueuePatch = Record<string, unknown>;

const ajv = new Ajv({ allErrors: false, useDefaults: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile<QueueConfig>(QUEUES_SCHEMA.items);

function message(e: ErrorObject): string {
  const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'queue';
  if (e.keyword === 'additionalProperties') return `${at}: unknown field ${JSON.stringify(e.params.additionalProperty)}`;
  return `${at}: ${e.message ?? 'invalid'}`;
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const view = (s: StoredQueue): QueueDefinitionView => ({
  name: s.name,
  definition: s.definition,
  origin: s.origin,
  updatedBy: s.updatedBy,
  updatedAt: s.updatedAt,
});

export class QueueDefinitions {
  /** settles once the YAML is seeded and the store's queues are the ACD's */
  readonly ready: Promise<void>;
  #chain: Promise<unknown> = Promise.resolve();
  readonly #seedNames: Set<string>;

  constructor(private readonly o: QueueDefinitionsOptions) {
    this.#seedNames = new Set(o.seed.map((q) => q.name));
    this.ready = this.#load().catch((e: unknown) =>
      o.log.error({ err: (e as Error).message }, "queues could not be loaded from the database: the YAML's are in service"),
    );
  }

  async list(): Promise<QueueDefinitionView[]> {
    await this.ready;
    return (await this.o.store.list()).filter((s) => !s.deleted).map(view);
  }

  async get(name: string): Promise<QueueDefinitionView> {
    const found = (await this.list()).find((q) => q.name === name);
    if (!found) throw new CtiError('CTI_ERR_NOT_FOUND', `no queue ${name}`);
    return found;
  }

  /** Checks a definition: the schema (defaults filled in), members that exist, the overflow target. */
  check(input: unknown): QueueConfig {
    const q = structuredClone(input);
    if (!validate(q)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', validate.errors!.map(message).join('; '));
    const agents = this.o.acd.o.agents;
    const unknown = (q.agents ?? []).filter((id) => !agents.get(id));
    if (unknown.length) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `agents: no agent ${unknown.map((a) => JSON.stringify(a)).join(', ')}`);
    const to = q.overflow?.to;
    if (to === q.name) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'overflow.to: a queue cannot overflow to itself');
    if (to !== undefined && !this.o.acd.queue(to) && !(OVERFLOW_SINKS as readonly string[]).includes(to))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `overflow.to: no queue ${JSON.stringify(to)} (or one of ${OVERFLOW_SINKS.join(', ')})`);
    return q;
  }

  create(input: unknown, by: string | null): Promise<QueueDefinitionView> {
    return this.#serial(async () => {
      const q = this.check(input);
      if (this.o.acd.queue(q.name)) throw new CtiError('CTI_ERR_CONFLICT', `queue ${q.name} exists`);
      const s = await this.#undoable(
        (apply) => this.o.store.create(q, by, apply),
        () => {
          this.o.acd.addQueue(queueDefaults(q));
          this.#definitions.set(q.name, q);
          return () => {
            this.o.acd.removeQueue(q.name);
            this.#definitions.delete(q.name);
          };
        },
      );
      this.o.log.info({ queue: q.name, by }, 'queue created');
      return view(s);
    });
  }

  /** The whole definition replaced (a `name` in the body must be the queue's). */
  replace(name: string, input: Record<string, unknown>, by: string | null): Promise<QueueDefinitionView> {
    return this.#serial(async () => {
      if (input.name !== undefined && input.name !== name)
        throw new CtiError('CTI_ERR_BAD_ARGUMENT', `name: ${JSON.stringify(input.name)} is not ${name} (a queue is not renamed)`);
      return this.#replace(name, { ...input, name }, by);
    });
  }

  /** The fields given replace the queue's; null removes an optional one. */
  patch(name: string, patch: QueuePatch, by: string | null): Promise<QueueDefinitionView> {
    return this.#serial(async () => {
      const current = this.#current(name);
      const next: Record<string, unknown> = { ...current };
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) delete next[k];
        else next[k] = v;
      }
      return this.#replace(name, next, by);
    });
  }

  remove(name: string, by: string | null): Promise<void> {
    return this.#serial(async () => {
      const was = this.#current(name);
      const q = this.o.acd.queue(name)!;
      if (q.length) throw new CtiError('CTI_ERR_CONFLICT', `queue ${name} has ${q.length} caller(s) in it: delete it once it is empty`);
      const why = [...this.o.acd.queues.values()]
        .filter((x) => x !== q && x.config.overflow?.to === name)
        .map((x) => `queue ${x.name} overflows to it`);
      why.push(...((await this.o.references?.(name)) ?? []));
      if (why.length) throw new CtiError('CTI_ERR_CONFLICT', `queue ${name} is in use: ${why.join('; ')}`);
      await this.#undoable(
        (apply) => this.o.store.remove(name, this.#seedNames.has(name), by, apply),
        () => {
          if (!this.o.acd.removeQueue(name)) throw new CtiError('CTI_ERR_CONFLICT', `queue ${name} has callers in it`);
          this.#definitions.delete(name);
          return () => {
            this.o.acd.addQueue(queueDefaults(was));
            this.#definitions.set(name, was);
          };
        },
      );
      this.o.log.info({ queue: name, by }, 'queue deleted');
    });
  }

  async #replace(name: string, input: unknown, by: string | null): Promise<QueueDefinitionView> {
    const was = this.#current(name);
    const q = this.check(input);
    const s = await this.#undoable(
      (apply) => this.o.store.replace(q, by, apply),
      () => {
        this.o.acd.replaceQueue(queueDefaults(q));
        this.#definitions.set(name, q);
        return () => {
          this.o.acd.replaceQueue(queueDefaults(was));
          this.#definitions.set(name, was);
        };
      },
    );
    this.o.log.info({ queue: name, by, strategy: q.strategy }, 'queue changed');
    return view(s);
  }

  /** The definition in service (without the fifo announcement default), or 404. */
  #current(name: string): QueueConfig {
    const stored = this.#definitions.get(name);
    if (!stored || !this.o.acd.queue(name)) throw new CtiError('CTI_ERR_NOT_FOUND', `no queue ${name}`);
    return stored;
  }

  /** name -> the stored definition of each queue in service (kept with the ACD's) */
  #definitions = new Map<string, QueueConfig>();

  /**
   * A store write whose transaction applies the change to the ACD; should
   * the commit fail after that, the ACD change is undone too.
   */
  async #undoable<T>(write: (apply: () => void) => Promise<T>, apply: () => () => void): Promise<T> {
    let undo: (() => void) | undefined;
    try {
      return await write(() => {
        undo = apply();
      });
    } catch (e) {
      undo?.();
      throw e;
    }
  }

  #serial<T>(f: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(() => this.ready).then(f);
    this.#chain = run.catch(() => {});
    return run;
  }

  /** The YAML seeded into the store, then the store's queues put in service. */
  async #load(): Promise<void> {
    const { store, acd, log } = this.o;
    const rows = new Map((await store.list()).map((r) => [r.name, r]));
    const write: QueueConfig[] = [];
    for (const q of this.o.seed) {
      const row = rows.get(q.name);
      if (!row) write.push(q);
      else if (same(row.definition, q)) continue;
      else if (row.deleted) log.info({ queue: q.name }, 'queue of the YAML was deleted over the API: it stays deleted');
      else if (row.origin === 'config') {
        log.info({ queue: q.name }, 'queue changed in the YAML: the database takes the new definition');
        write.push(q);
      } else log.warn({ queue: q.name }, "queue edited over the API: the database's definition is in service, the YAML's is ignored");
    }
    await store.seed(write);
    const live = (await store.list()).filter((r) => !r.deleted);
    for (const r of live) {
      const config = queueDefaults(r.definition);
      const q = acd.queue(r.name);
      if (!q) acd.addQueue(config);
      else if (!same(q.config, config)) acd.replaceQueue(config);
    }
    const names = new Set(live.map((r) => r.name));
    for (const name of [...acd.queues.keys()])
      if (!names.has(name) && !acd.removeQueue(name)) log.warn({ queue: name }, 'queue deleted in the database still has callers');
    this.#definitions = new Map(live.map((r) => [r.name, r.definition]));
  }
}
