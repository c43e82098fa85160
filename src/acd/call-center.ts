// The agents and the ACD as the server runs them, built from the
// configuration: the agents (the database's agent accounts when there is a
// directory, plus the YAML's `agents:` whose ids differ; see
// src/agents/directory.ts), the queues, the desk-phone feature codes, and the
// restart path: the persisted agent states are restored, then reconciled
// against the calls the board has (after a restart: none), so no agent stays
// ringing, reserved or on-call with no call. An agent's desk phone on a call
// that is not a queue's makes them on-call too (phone-calls.ts).
import { AgentService } from '../agents/agent-service.ts';
import type { AgentDirectory } from '../agents/directory.ts';
import { AgentFeatureCodes } from '../agents/feature-codes.ts';
import type { AgentStore } from '../agents/store.ts';
import { queueDefaults } from '../config/acd-schema.ts';
import type { Config } from '../config/schema.ts';
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import { Acd } from './acd.ts';
import type { Announcer } from './announcer.ts';
import { linkPhoneCalls } from './phone-calls.ts';

export interface CallCenterOptions {
  config: Pick<Config, 'agents' | 'queues'>;
  telephony: Telephony;
  tones: ToneSource;
  log: Log;
  prompt?: (name: string) => string | undefined;
  store?: AgentStore;
  /** the database's agent accounts (absent: the YAML's agents only) */
  directory?: AgentDirectory;
  announcer?: Announcer;
  priorityOf?: (callerNumber: string) => number | undefined | Promise<number | undefined>;
  sweepMs?: number;
  /** wall ms at engine time 0 (agent state history) */
  epochMs?: number;
}

export interface CallCenter {
  agents: AgentService;
  acd: Acd;
  features: AgentFeatureCodes;
  /** settles once the agents are loaded and their persisted states restored and reconciled */
  ready: Promise<void>;
  /** for the inbound router: a route ending in a queue */
  queue(call: Call, caller: Leg, name: string, priority?: number): Promise<unknown>;
  /** reloads the agents from the directory (accounts added, changed, disabled) */
  syncAgents(): Promise<void>;
  stop(): void;
}

export function createCallCenter(o: CallCenterOptions): CallCenter {
  const clock = o.telephony.clock;
  const dir = o.directory;
  const agents = new AgentService({
    clock,
    log: o.log,
    accounts: dir ? [] : o.config.agents,
    ...(o.store ? { store: o.store } : {}),
    ...(dir ? { verifyPin: (id: string, pin: string) => dir.verifyPin(id, pin) } : {}),
    ...(o.epochMs !== undefined ? { epochMs: o.epochMs } : {}),
  });
  const acd = new Acd({
    telephony: o.telephony,
    agents,
    queues: o.config.queues.map(queueDefaults),
    log: o.log,
    tones: o.tones,
    ...(o.prompt ? { prompt: o.prompt } : {}),
    ...(o.announcer ? { announcer: o.announcer } : {}),
    ...(o.priorityOf ? { priorityOf: o.priorityOf } : {}),
    ...(o.sweepMs !== undefined ? { sweepMs: o.sweepMs } : {}),
  });
  const features = new AgentFeatureCodes({ agents, tones: o.tones, clock });
  // An agent whose phone is on a call of its own (not a queue's) is on-call while it lasts.
  const unlinkPhones = linkPhoneCalls(agents, o.telephony);
  let stopped = false;

  /** The directory's agents in, changed ones updated, gone ones logged out; then queue members again. */
  const sync = async (first: boolean) => {
    if (!dir || stopped) return;
    const listed = await dir.list();
    const ids = new Set(listed.map((a) => a.id));
    for (const account of listed) {
      const known = agents.get(account.id);
      if (known && known.account.accountId === undefined)
        o.log.warn({ agent: account.id }, 'agent id in both the database and the YAML: the database account wins');
      agents.update(account);
    }
    if (first) {
      for (const a of o.config.agents) if (!ids.has(a.id) && !agents.get(a.id)) agents.add(a);
    }
    for (const a of agents.all()) {
      if (a.account.accountId !== undefined && !ids.has(a.id) && a.state !== 'logged-out') {
        o.log.info({ agent: a.id }, 'agent account removed or disabled: logged out');
        agents.logout(a.id);
      }
    }
    acd.setMembers(agents.all().filter((a) => a.account.accountId === undefined || ids.has(a.id)));
  };
  let syncing: Promise<void> = Promise.resolve();
  const syncAgents = () =>
    (syncing = syncing
      .then(() => sync(false))
      .catch((e: unknown) => o.log.error({ err: (e as Error).message }, 'agents could not be reloaded')));
  const unwatch = dir?.onChange(() => void syncAgents());

  const ready = sync(true)
    .then(() => agents.restore())
    .then(() => {
      const fixed = agents.reconcile(acd.probe, 'restart: the board has no such call');
      if (fixed.length) o.log.warn({ agents: fixed.map((a) => a.id) }, 'agents reconciled after restart');
    })
    .catch((e: unknown) => o.log.error({ err: (e as Error).message }, 'agents could not be loaded or their states restored'))
    .then(() => {
      if (!stopped) acd.start();
    });
  return {
    agents,
    acd,
    features,
    ready,
    queue: (call, caller, name, priority) => acd.enqueue(call, caller, name, priority !== undefined ? { priority } : {}),
    syncAgents,
    stop() {
      stopped = true;
      unwatch?.();
      unlinkPhones();
      acd.stop();
      agents.stop();
    },
  };
}
