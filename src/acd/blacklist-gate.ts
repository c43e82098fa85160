// The blacklist applied to an inbound call once its caller ID is in, before
// any route, IVR or queue: `reject` releases the call (an E1 line with busy;
// an FXO line, which can only refuse by answering, hears busy tone for 3 s,
// then is released), `reroute` sends it to the entry's target. The call's
// record says result 'rejected' (or the reroute in its variables).
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Clock } from '../native/clock.ts';

export interface BlacklistHit {
  id: number;
  pattern: string;
  action: 'reject' | 'reroute';
  target: string | null;
}

export interface BlacklistGateOptions {
  match(number: string): Promise<BlacklistHit | undefined>;
  tones: ToneSource;
  clock: Clock;
  /** sends an answered or offered caller to a reroute target; false when the target is unknown */
  reroute(call: Call, caller: Leg, target: string): Promise<boolean>;
}

/** true: the gate dealt with the call (rejected or rerouted); false: route it as usual. */
export async function blacklistGate(call: Call, caller: Leg, o: BlacklistGateOptions): Promise<boolean> {
  const number = call.from ?? caller.remote;
  if (!number) return false;
  let hit: BlacklistHit | undefined;
  try {
    hit = await o.match(number);
  } catch (e) {
    caller.log.error({ err: (e as Error).message }, 'blacklist look-up failed: the call is routed as usual');
    return false;
  }
  if (!hit || !caller.live) return false;
  call.vars.blacklist = hit.pattern;
  caller.log.info({ number, pattern: hit.pattern, action: hit.action, target: hit.target }, 'blacklisted caller');
  if (hit.action === 'reroute' && hit.target) {
    call.vars.reroutedTo = hit.target;
    if (await o.reroute(call, caller, hit.target)) return true;
    caller.log.warn({ target: hit.target }, 'blacklist reroute target unknown: rejected instead');
  }
  call.vars.result = 'rejected';
  if (caller.kind === 'e1' && caller.state === 'offered') {
    await caller.hangup('busy', 'blacklisted');
    return true;
  }
  if (caller.state === 'offered') await caller.answer();
  const busy = o.tones('busy');
  if (busy && caller.live) {
    void caller.play({ tone: busy }).catch(() => {});
    await o.clock.sleep(3000);
  }
  if (caller.live) await caller.hangup('busy', 'blacklisted');
  return true;
}
