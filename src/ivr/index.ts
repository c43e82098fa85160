// The IVR service: flows (registry.ts) run on calls (session.ts) with prompts
// (prompts.ts), programmable nodes (nodes.ts) and targets (targets.ts).
//   const ivr = new Ivr({ flows, programs, prompts, targets, clock, now, log, db });
//   await ivr.run(call, callerLeg, 'main');
import type { Clock } from '../native/clock.ts';
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import { accountBalance } from './examples/account-balance.ts';
import { pinCheck } from './examples/pin-check.ts';
import type { FlowService } from './flow-service.ts';
import type { HttpService } from './http.ts';
import { NodeRegistry } from './nodes.ts';
import type { IvrPrompts } from './prompts.ts';
import type { FlowRegistry } from './registry.ts';
import { IvrSession } from './session.ts';
import type { SharedCalendars } from './schedules.ts';
import type { IvrTargets } from './targets.ts';

export interface IvrOptions {
  flows: FlowRegistry;
  programs: NodeRegistry;
  prompts: IvrPrompts;
  targets: IvrTargets;
  /** handed to programmable nodes as ctx.db (src/ivr/data.ts: the server's database, the business ones) */
  db?: unknown;
  /** with a database: the versions of the flows, kept there (the API's) */
  versions?: FlowService;
  /** the web services programmable nodes call with ctx.http, by name (ivr.http) */
  http?: Record<string, HttpService>;
  /** shared schedules and holiday lists IVR branches use by name (with a database) */
  calendars?: SharedCalendars;
  clock: Clock;
  /** wall-clock ms following the engine clock */
  now(): number;
  log: Log;
}

export class Ivr {
  readonly sessions = new Set<IvrSession>();
  readonly #inflight = new Set<Promise<unknown>>();
  readonly #deps: IvrOptions & { track: <T>(p: Promise<T>) => Promise<T> };
  constructor(readonly o: IvrOptions) {
    this.#deps = {
      ...o,
      track: (p) => {
        this.#inflight.add(p);
        void p.then(
          () => this.#inflight.delete(p),
          () => this.#inflight.delete(p),
        );
        return p;
      },
    };
  }

  /** Settles once the flows' versions are synced with the database (at once without one). */
  get ready(): Promise<void> {
    return this.o.versions?.ready ?? Promise.resolve();
  }

  /** Resolves once the ctx.http requests nodes started are done (a stepped harness waits for it between frames). */
  async idle(): Promise<void> {
    while (this.#inflight.size) await Promise.allSettled([...this.#inflight]);
  }

  /** Runs flow `name` (its version in service now) for the caller; resolves when the flow is done. */
  async run(call: Call, caller: Leg, name: string): Promise<void> {
    const entry = this.o.flows.get(name);
    if (!entry) {
      caller.log.error({ flow: name }, 'IVR: no such flow in service: apology and hang-up');
      const s = new IvrSession(
        { name, start: 'x', lang: 'en', vars: {}, calendars: {}, prompts: {}, nodes: { x: { type: 'hangup', prompt: 'ivr-sorry' } } },
        0,
        call,
        caller,
        this.#deps,
      );
      return s.run();
    }
    const s = new IvrSession(entry.flow, entry.version, call, caller, this.#deps);
    this.sessions.add(s);
    try {
      await s.run();
    } finally {
      this.sessions.delete(s);
    }
  }
}

/** The programmable nodes that come with boardcti (examples to copy). */
export function builtinPrograms(): NodeRegistry {
  return new NodeRegistry().add(accountBalance, pinCheck);
}

export type { IvrCustomer, IvrData, IvrDatabase, Row, SqlValue } from './data.ts';
export { httpFor, type HttpReply, type HttpRequest, type HttpService, type IvrHttp } from './http.ts';
export { defineNode, NodeRegistry, type NodeContext, type NodeDefinition } from './nodes.ts';
export { FLOW_SCHEMA, type Flow, type FlowNode } from './flow-schema.ts';
export { checkFlow, parseFlow, FlowError, type FlowIssue } from './validate.ts';
export { FlowRegistry, type FlowVersion } from './registry.ts';
export { FlowService, type FlowDetail, type FlowInput, type FlowSummary, type FlowVersionView, type Validation } from './flow-service.ts';
export type { FlowHead, FlowStore, StoredFlow } from './flow-store.ts';
export { IvrPrompts, BUILTIN_PROMPTS } from './prompts.ts';
export { defaultTargets, type IvrTargets, type TargetContext, type TargetResult } from './targets.ts';
export { compose } from './readout/index.ts';
