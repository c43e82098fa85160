// Random call-center traffic on the simulated board, for the long soak test
// and the benchmark: PSTN callers arrive (Poisson), wait with a patience of
// their own, talk for a random time once an agent has them, then hang up;
// agents' desk phones answer after a random delay (now and then not at all)
// and hang up when their call is over. Deterministic from the seed.
import type { Runtime } from '../../src/server/runtime.ts';
import type { FarEnd } from '../../src/sim/far-end.ts';

export interface TrafficOptions {
  seed: number;
  /** trunks callers dial in on ('line:1', 'e1:1'...) */
  trunks: string[];
  /** agents' extensions */
  phones: string[];
  callsPerHour: number;
  meanTalkMs: number;
  meanPatienceMs: number;
  /** a ringing phone answers after min..max ms; with this probability it never does */
  answerMs: [number, number];
  noAnswer: number;
}

export interface TrafficStats {
  placed: number;
  answered: number;
  abandoned: number;
  maxQueued: number;
  steps: number;
}

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Caller {
  far: FarEnd;
  giveUpAt: number;
  hangAt: number | undefined;
}

export async function runTraffic(
  rt: Runtime,
  step: () => Promise<void>,
  ms: number,
  o: TrafficOptions,
  each?: () => void,
): Promise<TrafficStats> {
  const world = rt.world;
  if (!world) throw new Error('runTraffic: the runtime has no simulated board');
  const r = rng(o.seed);
  const exp = (mean: number) => -Math.log(1 - r()) * mean;
  const frame = rt.config.engine.frameMs;
  const perFrame = (o.callsPerHour / 3_600_000) * frame;
  const busy = new Map<string, Caller>();
  const phoneAt = new Map<string, { offAt?: number; onAt?: number; skip?: boolean }>();
  const stats: TrafficStats = { placed: 0, answered: 0, abandoned: 0, maxQueued: 0, steps: 0 };
  const now = () => world.nowMs;
  const end = now() + ms;
  let n = 0;
  while (now() < end) {
    const t = now();
    if (r() < perFrame) {
      const free = o.trunks.filter((x) => !busy.has(x));
      if (free.length) {
        const trunk = free[Math.floor(r() * free.length)]!;
        const far = world.pstn.call({ from: `1390000${String(++n % 10000).padStart(4, '0')}`, to: trunk });
        busy.set(trunk, { far, giveUpAt: t + exp(o.meanPatienceMs), hangAt: undefined });
        stats.placed++;
      }
    }
    for (const [trunk, c] of busy) {
      if (c.far.state === 'ended') {
        busy.delete(trunk);
        continue;
      }
      const call = rt.telephony.activeCalls().find((x) => x.origin?.channel.number === c.far.channel && x.direction === 'inbound');
      if (c.hangAt === undefined && call?.vars.agent !== undefined) {
        c.hangAt = t + exp(o.meanTalkMs);
        stats.answered++;
      }
      if ((c.hangAt !== undefined && t >= c.hangAt) || (c.hangAt === undefined && t >= c.giveUpAt)) {
        if (c.hangAt === undefined) stats.abandoned++;
        c.far.hangup();
        c.hangAt = c.giveUpAt = Infinity;
      }
    }
    for (const ext of o.phones) {
      const p = world.phones.get(ext);
      const s = phoneAt.get(ext) ?? {};
      phoneAt.set(ext, s);
      const ch = rt.telephony.inventory.byExtension(ext);
      // Rung as the server sees it: a phone's own ring-pause outlasts the ringing.
      if (p.state.hook === 'on' && ch?.leg?.state === 'ringing') {
        if (s.offAt === undefined && !s.skip) {
          if (r() < o.noAnswer) s.skip = true;
          else s.offAt = t + o.answerMs[0] + r() * (o.answerMs[1] - o.answerMs[0]);
        }
        if (s.offAt !== undefined && t >= s.offAt) {
          p.offhook();
          s.offAt = undefined;
        }
      } else if (p.state.hook === 'on') {
        s.offAt = undefined;
        s.skip = false;
      }
      if (p.state.hook === 'off') {
        // Not talking to anyone (the caller left, or only dial or busy tone): hang up.
        const leg = ch?.leg && rt.telephony.calls.get(ch.leg.call.id)?.legs.find((l) => l.id === ch.leg!.id);
        if (!leg?.partner) {
          s.onAt ??= t + 300 + r() * 1000;
          if (t >= s.onAt) {
            p.onhook();
            s.onAt = undefined;
          }
        }
      }
    }
    const queued = rt.callCenter?.acd.entries().length ?? 0;
    if (queued > stats.maxQueued) stats.maxQueued = queued;
    await step();
    stats.steps++;
    each?.();
  }
  return stats;
}
