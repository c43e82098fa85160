// The ACD on the mock engine: test/telephony's rig (FXS 1-4 = extensions
// 101-104, FXO lines 1-4), agents on those phones, queues as given; every
// inbound call goes into `route(call)`'s queue.
import { AgentService } from '../../src/agents/agent-service.ts';
import type { AgentAccount } from '../../src/agents/agent.ts';
import { Acd } from '../../src/acd/acd.ts';
import { QUEUE_DEFAULTS, type QueueConfig } from '../../src/acd/types.ts';
import type { Call } from '../../src/telephony/call.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { mockRig } from '../telephony/helpers.ts';

export const AGENTS: AgentAccount[] = [
  { id: 'a1', extension: '101', pin: '1111', skills: { sales: 3 } },
  { id: 'a2', extension: '102', pin: '2222', skills: { sales: 5, billing: 2 } },
  { id: 'a3', extension: '103', pin: '3333', skills: { billing: 4 } },
];

export function queue(name: string, o: Partial<QueueConfig> = {}): QueueConfig {
  return { name, ...QUEUE_DEFAULTS, ...o } as QueueConfig;
}

export function acdRig(queues: QueueConfig[], opts: { agents?: AgentAccount[]; queueOf?: (c: Call) => string; login?: boolean } = {}) {
  const rig = mockRig();
  const agents = new AgentService({ clock: rig.tel.clock, log: rig.log, accounts: opts.agents ?? AGENTS, epochMs: 0 });
  const acd = new Acd({ telephony: rig.tel, agents, queues, log: rig.log, tones: () => undefined, sweepMs: 0 }).start();
  const exits: Promise<string>[] = [];
  let nextFrom: string | undefined; // the mock has no caller ID: the test says who calls
  rig.tel.on('call:offered', ({ call, leg }: { call: Call; leg: Leg }) => {
    if (call.direction !== 'inbound') return;
    if (nextFrom) call.from = nextFrom;
    nextFrom = undefined;
    exits.push(acd.enqueue(call, leg, opts.queueOf?.(call) ?? queues[0]!.name));
  });
  if (opts.login !== false) for (const a of agents.all()) agents.login(a.id);
  const ringing = (ext: number) => rig.engine.channel(rig.phone(ext - 100)).state === 'ringing';
  return {
    ...rig,
    agents,
    acd,
    exits,
    ringing,
    /** which of the extensions 101-104 ring now */
    ringingExts: () => [101, 102, 103, 104].filter(ringing),
    /** a PSTN call on line i; resolves once it is queued */
    async callIn(i: number, from?: string): Promise<Call> {
      nextFrom = from;
      rig.engine.ringIn(rig.line(i));
      await rig.run(40);
      const call = rig.tel.activeCalls().find((c) => c.origin?.channel.ref.channel === rig.line(i).channel && c.live)!;
      await rig.run(40);
      return call;
    },
    check(): string[] {
      return [...acd.invariants(), ...agents.invariants(acd.probe)];
    },
  };
}
