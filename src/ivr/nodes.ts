// Programmable IVR nodes: business look-ups written in TypeScript and named
// by a flow's `code` node (`run: account-balance`).
//
//   export const accountBalance = defineNode({
//     name: 'account-balance',
//     async run(ctx) {
//       const row = await ctx.db.one('SELECT balance FROM balances WHERE account = :a', { a: ctx.vars.account });
//       if (!row) return 'unknown';                               // -> branches.unknown
//       ctx.vars.balance = String(row.balance);                   // for the next prompts
//     },                                                          // -> next
//   });
//
// ctx.db is the server's database and the business databases of
// ivr.databases (src/ivr/data.ts); ctx.http calls the web services of
// ivr.http (src/ivr/http.ts). Register a node with the server's programs
// (RuntimeOptions.programs; the built-in ones: builtinPrograms()).
//
// run(ctx) returns nothing (the node's `next`), or a branch name (the node's
// `branches[name]`, else `next`). A throw, a rejected Promise or a run longer
// than the node's `timeoutMs` takes the node's `error` branch (else the flow's
// `onError`, else an apology and a hang-up). While run() works the caller
// hears the node's `hold` prompt, then a soft hold tone: never silence.
// ctx.play / ctx.say / ctx.collect pause the hold audio while they run.
import type { Call } from '../telephony/call.ts';
import type { Log } from '../telephony/log.ts';
import type { IvrData } from './data.ts';
import type { PromptSpec } from './flow-schema.ts';
import type { IvrHttp } from './http.ts';

export type VarValue = string | number | boolean;

export interface NodeContext<Db = IvrData> {
  readonly call: Call;
  /** the flow's variables (set nodes, collected digits, what earlier nodes stored): read and write */
  readonly vars: Record<string, VarValue>;
  /** every digit the caller has entered on this call */
  readonly digits: string;
  /** the code node's `params` */
  readonly params: Record<string, unknown>;
  /** the server's database and the business databases of ivr.databases (src/ivr/data.ts) */
  readonly db: Db;
  /** a look-up on a web service of ivr.http, aborted with the node (src/ivr/http.ts) */
  readonly http: IvrHttp;
  /** aborted when the node times out or the caller hangs up */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly log: Log;
  /** wall-clock ms, following the engine clock */
  now(): number;
  /** plays prompts and readouts (a prompt spec as in a flow: names, { number: ... }) */
  play(prompt: PromptSpec, opts?: { bargeIn?: boolean }): Promise<void>;
  /** collects digits (keys pressed during a barge-in play are kept) */
  collect(opts: { max?: number; timeoutMs?: number; interDigitTimeoutMs?: number; terminators?: string }): Promise<string>;
}

export interface NodeDefinition<Db = IvrData> {
  name: string;
  description?: string;
  run(ctx: NodeContext<Db>): Promise<string | void> | string | void;
}

/** Declares a programmable node (typed; registered with the IVR by the server). */
export function defineNode<Db = IvrData>(def: NodeDefinition<Db>): NodeDefinition<Db> {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(def.name))
    throw new TypeError(`defineNode: name ${JSON.stringify(def.name)} must be lower-case words joined by '-'`);
  return def;
}

/** Programmable nodes by name. */
export class NodeRegistry {
  readonly #nodes = new Map<string, NodeDefinition<never>>();

  add(...defs: NodeDefinition<never>[]): this {
    for (const d of defs) this.#nodes.set(d.name, d);
    return this;
  }
  get(name: string): NodeDefinition<never> | undefined {
    return this.#nodes.get(name);
  }
  names(): Set<string> {
    return new Set(this.#nodes.keys());
  }
}
