// The calls an agent's desk phone carries outside the ACD's offers: an
// internal call they place or answer, a direct call to their extension, a
// click-to-dial call, a call picked up with *8. While the phone is in such a
// call with another party, the agent is on-call (queue null), so the ACD,
// GET /api/agents, the WebSocket and the queues' ready counts all see them
// busy; when it ends they are back to what they were (AgentService.phoneCall,
// phoneCallEnded). A phone alone in its call (dial tone, a feature code being
// dialled) or still ringing carries no call of the agent's yet.
//
// Checked after any leg of a call with an agent's phone in it changes state,
// and after any change of an agent's state (a queue call's wrap-up ending
// while the phone is on another call), once per turn of the event loop.
import type { Agent } from '../agents/agent.ts';
import type { AgentService, AgentStateChange } from '../agents/agent-service.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Telephony } from '../telephony/telephony.ts';

/** The states of the phone's own leg in which it talks (or holds) with the other party. */
const TALKING = ['connected', 'held'] as const;

export function linkPhoneCalls(agents: AgentService, telephony: Telephony): () => void {
  const dirty = new Set<string>();
  let queued = false;

  /** The call the agent's phone carries with another party, if any. */
  const carried = (a: Agent): string | undefined => {
    const leg = a.extension ? (telephony.inventory.byExtension(a.extension)?.leg as Leg | undefined) : undefined;
    if (!leg?.live || !(TALKING as readonly string[]).includes(leg.state)) return undefined;
    const call = telephony.call(leg.call.id);
    return call?.legs.some((l) => l !== leg && l.live) ? call.id : undefined;
  };

  const check = (a: Agent): void => {
    const callId = carried(a);
    if (callId) agents.phoneCall(a.id, callId);
    else if (a.state === 'on-call' && a.queue === null && a.callId) agents.phoneCallEnded(a.id, a.callId);
  };

  const flush = () => {
    queued = false;
    const exts = [...dirty];
    dirty.clear();
    for (const ext of exts) {
      const a = agents.byExtension(ext);
      if (a && a.state !== 'logged-out') check(a);
    }
  };
  const mark = (ext: string | undefined) => {
    if (!ext || !agents.byExtension(ext)) return;
    dirty.add(ext);
    if (!queued) {
      queued = true;
      queueMicrotask(flush);
    }
  };
  /** Every phone in the leg's call (and the leg's own, which may have just left it). */
  const touch = (leg: Leg) => {
    mark(leg.channel.role.extension);
    for (const l of telephony.call(leg.call.id)?.legs ?? []) mark(l.channel.role.extension);
  };

  const onLeg = ({ leg }: { leg: Leg }) => {
    touch(leg);
    leg.on('leg:state', () => touch(leg));
  };
  const onAgent = ({ agent }: AgentStateChange) => mark(agent.extension);
  telephony.on('leg:created', onLeg);
  agents.on('agent:state', onAgent);
  return () => {
    telephony.off('leg:created', onLeg);
    agents.off('agent:state', onAgent);
  };
}
