// `boardcti bench acd`: (1) routing decisions with 500 agents in 50 queues:
// decisions per second and the latency of one (median, p99); (2) one
// simulated hour of a 30-line center (an E1 span) with 20 agents on desk
// phones, on the virtual clock, and the wall time it took.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../src/agents/agent.ts';
import { route } from '../../src/acd/routing.ts';
import { QUEUE_DEFAULTS, STRATEGIES, type QueueConfig } from '../../src/acd/types.ts';
import { Queue } from '../../src/acd/queue.ts';
import { parseConfig } from '../../src/config/load.ts';
import { EngineClock } from '../../src/native/clock.ts';
import { createRuntime } from '../../src/server/runtime.ts';
import { silentLog } from '../../src/telephony/log.ts';
import { formatTable, numberOption, type BenchContext, type Benchmark } from '../benchmark.ts';
import { rng, runTraffic } from './traffic.ts';

const SKILLS = ['sales', 'billing', 'support', 'english', 'mandarin', 'vip', 'tech', 'claims'];

function routingBench(agentsN: number, queuesN: number, decisions: number) {
  const r = rng(42);
  const clock = new EngineClock();
  clock.advanceTo(10_000_000);
  const agents: Agent[] = [];
  for (let i = 0; i < agentsN; i++) {
    const skills: Record<string, number> = {};
    for (const s of SKILLS) if (r() < 0.4) skills[s] = 1 + Math.floor(r() * 9);
    const a = new Agent({ id: `a${i}`, extension: String(1000 + i), skills }, clock, silentLog);
    const roll = r();
    a.sm.move(roll < 0.85 ? 'ready' : 'not-ready', 'bench');
    if (roll < 0.35) {
      a.sm.move('reserved', 'bench');
      a.sm.move('on-call', 'bench');
    }
    a.idleSince = Math.floor(r() * 10_000_000);
    agents.push(a);
  }
  const queues: Queue[] = [];
  for (let q = 0; q < queuesN; q++) {
    const skills: Record<string, number> = { [SKILLS[q % SKILLS.length]!]: 1 + Math.floor(r() * 4) };
    if (r() < 0.5) skills[SKILLS[(q + 3) % SKILLS.length]!] = 1 + Math.floor(r() * 3);
    const cfg = { ...QUEUE_DEFAULTS, name: `q${q}`, strategy: STRATEGIES[q % STRATEGIES.length]!, skills } as QueueConfig;
    const queue = new Queue(cfg);
    queue.setMembers(agents);
    queues.push(queue);
  }
  const tried = new Set<string>();
  const ctx = { now: clock.now(), lastOffered: 0, phoneFree: () => true };
  const lat = new Float64Array(decisions);
  let picked = 0;
  // warm-up
  for (let i = 0; i < 2000; i++) route(queues[i % queuesN]!.config, queues[i % queuesN]!.members, { waitedMs: 0, tried }, ctx);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < decisions; i++) {
    const q = queues[Math.floor(r() * queuesN)]!;
    const s = process.hrtime.bigint();
    const d = route(q.config, q.members, { waitedMs: 1000, tried }, ctx);
    lat[i] = Number(process.hrtime.bigint() - s) / 1e6;
    picked += d.agents.length ? 1 : 0;
  }
  const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
  lat.sort();
  const members = queues.reduce((n, q) => n + q.members.length, 0) / queuesN;
  return {
    decisions,
    perSecond: Math.round(decisions / (totalMs / 1000)),
    medianMs: lat[Math.floor(decisions / 2)]!,
    p99Ms: lat[Math.floor(decisions * 0.99)]!,
    maxMs: lat[decisions - 1]!,
    meanMembers: Math.round(members),
    withAgent: picked,
  };
}

async function centerHour(simMs: number, seed: number) {
  const phones = Array.from({ length: 20 }, (_, i) => String(201 + i));
  const yaml = `
engine: { mode: stepped }
boards: [ { driver: sim, fxs: 20, fxo: 0, e1: 1, seed: ${seed} } ]
extensions:
${phones.map((x, i) => `  - { number: "${x}", port: "fxs:${i + 1}" }`).join('\n')}
agents:
${phones.map((x, i) => `  - { id: "${3001 + i}", extension: "${x}", skills: { ${i % 2 ? 'sales' : 'support'}: ${1 + (i % 9)}, general: 5 } }`).join('\n')}
queues:
  - { name: sales, strategy: longest-idle, skills: { sales: 1 }, wrapUpMs: 10000, announce: { everyMs: 30000 }, overflow: { afterMs: 60000, to: general } }
  - { name: support, strategy: fifo, skills: { support: 1 }, wrapUpMs: 10000, overflow: { afterMs: 60000, to: general } }
  - { name: general, strategy: ring-all, skills: { general: 1 }, wrapUpMs: 5000, maxWaitMs: 600000 }
routes:
  inbound:
    - { lines: [ ${Array.from({ length: 15 }, (_, i) => `"e1:${i + 1}"`).join(', ')} ], queue: sales }
    - { lines: any, queue: support }
`;
  const config = parseConfig(yaml, 'bench-acd.yaml');
  const rt = await createRuntime(config, {
    log: silentLog,
    mode: 'stepped',
    promptsDir: mkdtempSync(join(tmpdir(), 'boardcti-bench-')),
    speech: false,
  });
  rt.world!.holdUntilPump(); // world and engine events in one order, every run
  const cc = rt.callCenter!;
  const trunks = [...Array.from({ length: 15 }, (_, i) => `e1:${i + 1}`), ...Array.from({ length: 15 }, (_, i) => `e1:${i + 17}`)];
  const frame = config.engine.frameMs;
  const step = async () => {
    await rt.engine.advance(frame);
    rt.world!.pump();
    await rt.telephony.settled();
  };
  await step();
  await cc.ready;
  for (const a of cc.agents.all()) cc.agents.login(a.id);
  let broken = 0;
  let checks = 0;
  const t0 = performance.now();
  const stats = await runTraffic(
    rt,
    step,
    simMs,
    { seed, trunks, phones, callsPerHour: 360, meanTalkMs: 150_000, meanPatienceMs: 180_000, answerMs: [1000, 5000], noAnswer: 0.05 },
    () => {
      if (++checks % 50 === 0 && cc.acd.invariants().length) broken++;
    },
  );
  const wallMs = performance.now() - t0;
  const waits = [...cc.acd.queues.values()].flatMap((q) => q.stats.waits);
  await rt.stop();
  return {
    simMs,
    wallMs: Math.round(wallMs),
    speedup: Math.round(simMs / wallMs),
    ...stats,
    brokenSteps: broken,
    meanWaitMs: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
  };
}

async function run(ctx: BenchContext) {
  const decisions = numberOption(ctx, 'decisions', 200_000, { min: 1000, max: 10_000_000, integer: true });
  const minutes = numberOption(ctx, 'sim-minutes', 60, { min: 1, max: 600, integer: true });
  ctx.log(`routing: ${decisions} decisions, 500 agents, 50 queues`);
  const routing = routingBench(500, 50, decisions);
  ctx.log(`center: ${minutes} simulated minutes, 30 lines, 20 agents`);
  const hour = await centerHour(minutes * 60_000, 7);
  const text = [
    'ACD benchmark',
    '',
    formatTable(
      ['routing (500 agents, 50 queues)', 'value'],
      [
        ['decisions/s', String(routing.perSecond)],
        ['median latency', `${routing.medianMs.toFixed(4)} ms`],
        ['p99 latency', `${routing.p99Ms.toFixed(4)} ms`],
        ['mean members per queue', String(routing.meanMembers)],
      ],
    ),
    '',
    formatTable(
      [`${minutes} simulated min, 30 lines, 20 agents`, 'value'],
      [
        ['wall time', `${(hour.wallMs / 1000).toFixed(1)} s`],
        ['speed-up over real time', `${hour.speedup}x`],
        ['calls placed / answered / abandoned', `${hour.placed} / ${hour.answered} / ${hour.abandoned}`],
        ['most callers queued at once', String(hour.maxQueued)],
        ['mean wait of answered callers', hour.meanWaitMs === null ? '-' : `${(hour.meanWaitMs / 1000).toFixed(1)} s`],
        ['checks (every 50 frames) with an invariant broken', String(hour.brokenSteps)],
      ],
    ),
    '',
    'Targets: routing median under 1 ms; the simulated hour in under 60 s.',
  ].join('\n');
  return { json: { routing, hour }, text };
}

export const benchmark: Benchmark = {
  name: 'acd',
  summary: 'ACD routing decisions (500 agents, 50 queues) and one simulated hour of a 30-line center',
  options: {
    decisions: { arg: 'N', help: 'routing decisions to time (default 200000)' },
    'sim-minutes': { arg: 'N', help: 'simulated minutes of the 30-line center (default 60)' },
  },
  run,
};
