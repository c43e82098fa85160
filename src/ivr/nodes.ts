// Programmable IVR nodes: business look-ups written in TypeScript and named
// by a flow's `code` node (`run: account-balance`).
//
//   export const accountBalance = defineNode({
//     name: 'account-balance',
//     async run(ctx) {
//       const balance = await ctx.db.balance(ctx.vars.account);   // your look-up
//       if (balance === undefined) return 'unknown';              // -> branches.unknown
//       ctx.vars.balance = balance;                               // for the next prompts
//     },                                                          // -> next
//   });
//
// run(ctx) returns nothing (the node's `next`), or a branch name (the node's
// `branches[name]`, else `next`). A throw, a rejected Promise or a run longer
// than the node's `timeoutMs` takes the node's `error` branch (else the flow's
// `onError`, else an apology and a hang-up). While run() works the caller
// hears the node's `hold` prompt, then a soft hold tone: never silence.
// ctx.play / ctx.say / ctx.collect pause the hold audio while they run.
import type { Call } from '../telephony/call.ts';
import type { Log } from '../telephony/log.ts';
import type { PromptSpec } from './flow-schema.ts';

export type VarValue = string | number | boolean;

export interface NodeContext<Db = unknown> {
  readonly call: Call;
  /** the flow's variables (set nodes, collected digits, what earlier nodes stored): read and write */
  readonly vars: Record<string, VarValue>;
  /** every digit the caller has entered on this call */
  readonly digits: string;
  /** the code node's `params` */
  readonly params: Record<string, unknown>;
  /** the database handle the server was given (business look-ups); undefined when none */
  readonly db: Db;
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

export interface NodeDefinition<Db = unknown> {
  name: string;
  description?: string;
  run(ctx: NodeContext<Db>): Promise<string | void> | string | void;
}

/** Declares a programmable node (typed; registered with the IVR by the server). */
export function defineNode<Db = unknown>(def: NodeDefinition<Db>): NodeDefinition<Db> {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(def.name)) throw new TypeError(`defineNode: name ${JSON.stringify(def.name)} must be lower-case words joined by '-'`);
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
