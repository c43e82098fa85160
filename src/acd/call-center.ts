// The agents and the ACD as the server runs them, built from the
// configuration: agent accounts (the YAML's, until the database's are wired
// in), the queues, the desk-phone feature codes, and the restart path: the
// persisted agent states are restored, then reconciled against the calls the
// board has (after a restart: none), so no agent stays ringing, reserved or
// on-call with no call.
import { AgentService } from '../agents/agent-service.ts';
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

export interface CallCenterOptions {
  config: Pick<Config, 'agents' | 'queues'>;
  telephony: Telephony;
  tones: ToneSource;
  log: Log;
  prompt?: (name: string) => string | undefined;
  store?: AgentStore;
  announcer?: Announcer;
  priorityOf?: (callerNumber: string) => number | undefined | Promise<number | undefined>;
  sweepMs?: number;
}

export interface CallCenter {
  agents: AgentService;
  acd: Acd;
  features: AgentFeatureCodes;
  /** settles once persisted agent states are restored and reconciled */
  ready: Promise<void>;
  /** for the inbound router: a route ending in a queue */
  queue(call: Call, caller: Leg, name: string, priority?: number): Promise<unknown>;
  stop(): void;
}

export function createCallCenter(o: CallCenterOptions): CallCenter {
  const clock = o.telephony.clock;
  const agents = new AgentService({ clock, log: o.log, accounts: o.config.agents, ...(o.store ? { store: o.store } : {}) });
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
  const ready = agents
    .restore()
    .then(() => {
      const fixed = agents.reconcile(acd.probe, 'restart: the board has no such call');
      if (fixed.length) o.log.warn({ agents: fixed.map((a) => a.id) }, 'agents reconciled after restart');
      acd.start();
    })
    .catch((e: unknown) => o.log.error({ err: (e as Error).message }, 'agent states could not be restored'));
  return {
    agents,
    acd,
    features,
    ready,
    queue: (call, caller, name, priority) => acd.enqueue(call, caller, name, priority !== undefined ? { priority } : {}),
    stop() {
      acd.stop();
      agents.stop();
    },
  };
}
