// Everything `boardcti start` runs, built from the configuration: the
// simulated board and its world, the engine on it, the board mirrored in TS,
// the telephony core, the prompts, the inbound and phone routes, the HTTP
// side's view of the world, and the demo traffic. stop() hangs up cleanly and
// closes files.
import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import { loadTonePlan, toneDescriptor } from '../dsp/tones.ts';
import { addon } from '../native/addon.ts';
import { MediaEngine } from '../native/engine.ts';
import type { ToneDescriptor } from '../native/types/dsp-basic.ts';
import type { ClockMode } from '../native/types/engine.ts';
import { SimWorld } from '../sim/world.ts';
import type { CallRecordRepository } from '../telephony/call-records.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import { Inventory } from '../telephony/inventory.ts';
import type { Log } from '../telephony/log.ts';
import { Telephony } from '../telephony/telephony.ts';
import type { ToneKind } from '../telephony/types.ts';
import { channelByPort } from './ports.ts';
import { Demo } from './services/demo.ts';
import { InboundRouter } from './services/inbound-router.ts';
import { PhoneRouter } from './services/phone-router.ts';
import { Prompts } from './services/prompts.ts';
import { SimService } from './services/sim-service.ts';
import { boardsView, healthView, type BoardView, type HealthView } from './views.ts';

export interface RuntimeOptions {
  log: Log;
  /** the simulated world places calls now and then */
  demo?: boolean;
  /** overrides config.engine.mode (tests run 'stepped') */
  mode?: ClockMode;
  /** overrides the prompts directory */
  promptsDir?: string;
  /** speak the welcome prompt with espeak-ng when it is missing (default true) */
  speech?: boolean;
  records?: CallRecordRepository;
}

export interface Runtime {
  readonly config: Config;
  readonly engine: MediaEngine;
  readonly world: SimWorld;
  readonly board: number;
  readonly telephony: Telephony;
  readonly sim: SimService;
  readonly prompts: Prompts;
  readonly demo: Demo | undefined;
  health(): HealthView;
  boards(): BoardView[];
  stop(): Promise<void>;
}

export function createRuntime(config: Config, opts: RuntimeOptions): Runtime {
  const log = opts.log;
  const b = config.boards[0]!;
  const mode = opts.mode ?? config.engine.mode;
  const plan = loadTonePlan(config.engine.tonePlan);
  const extByPort = new Map(config.extensions.map((x) => [x.port, x.number]));
  const numberByPort = new Map(config.lines.map((l) => [l.port, l.number]));
  const used = new Set(config.extensions.map((x) => x.number));
  const world = new SimWorld({
    seed: b.seed,
    tonePlan: config.engine.tonePlan,
    law: b.law,
    fxs: Array.from({ length: b.fxs }, (_, i) => {
      let ext = extByPort.get(`fxs:${i + 1}`);
      if (!ext) for (let n = 100 + i + 1; !ext; n += 100) if (!used.has(String(n))) used.add((ext = String(n)));
      return { extension: ext, ...(opts.demo ? { answerAfterRings: 2 } : {}) };
    }),
    fxo: Array.from({ length: b.fxo }, (_, i) => {
      const number = numberByPort.get(`fxo:${i + 1}`);
      return number ? { number } : {};
    }),
    e1: Array.from({ length: b.e1 }, (_, i) => ({ signalling: b.spans.find((s) => s.e1 === i + 1)?.signalling ?? 'cas' })),
  });
  const engine = new MediaEngine({ mode, frameMs: config.engine.frameMs, tonePlan: plan.json, ...(mode === 'realtime' ? { clockEventMs: 100 } : {}) });
  // E1 span n is the board's span n + 1 (span 1: the analog ports).
  const pri = b.spans.filter((s) => s.signalling === 'pri').map((s) => ({ span: s.e1 + 1, overlap: s.overlap, overlapMs: s.overlapMs }));
  const board = engine.addSimBoard(world.port, { pri });
  const inventory = new Inventory();
  const mirror = inventory.addBoard(board, engine.boardInfo(board), b.name, engine.lineStates(board));
  for (const x of config.extensions) {
    const ch = channelByPort(mirror, x.port);
    if (ch) ch.role = { extension: x.number, ...(x.name ? { name: x.name } : {}) };
  }
  for (const l of config.lines) {
    const ch = channelByPort(mirror, l.port);
    if (ch) ch.role = { ...(l.number ? { number: l.number } : {}), ...(l.name ? { name: l.name } : {}) };
  }
  const toneCache = new Map<ToneKind, ToneDescriptor | undefined>();
  const tones: ToneSource = (k) => {
    if (!toneCache.has(k)) {
      let d: ToneDescriptor | undefined;
      try {
        d = toneDescriptor(plan, k);
      } catch {
        d = undefined;
      }
      toneCache.set(k, d);
    }
    return toneCache.get(k);
  };
  const settleMs = mode === 'stepped' ? 0 : 2 * config.engine.frameMs;
  // The simulated caller ID needs the telephony core, which needs the sender: late-bound.
  let sim: SimService | undefined;
  const telephony = new Telephony({
    engine,
    inventory,
    log,
    timings: config.telephony,
    tones,
    callerId: (ch, id) => sim?.callerIdSender(ch, id) ?? Promise.resolve(),
    toneDetection: true,
    epochMs: Date.now(),
    ...(opts.records ? { records: opts.records } : {}),
  });
  sim = new SimService(world, telephony, board, settleMs);
  telephony.start();
  engine.start();

  const prompts = new Prompts({
    dir: opts.promptsDir ?? config.prompts.dir,
    welcome: config.prompts.welcome,
    welcomeText: config.prompts.welcomeText,
    speech: opts.speech ?? true,
    log,
  });
  prompts.ensureWelcome();
  const inbound = new InboundRouter({ telephony, routes: config.routes.inbound, prompt: (n) => prompts.path(n), tones, log }).start();
  const phones = new PhoneRouter({ telephony, tones, ringer: inbound }).start();
  const demo = opts.demo
    ? new Demo({ world, telephony, board, clock: engine.clock, log, intervalMs: config.demo.intervalMs, callMs: config.demo.callMs, from: config.demo.from }).start()
    : undefined;
  const startedAt = Date.now();
  let stopping: Promise<void> | undefined;

  return {
    config,
    engine,
    world,
    board,
    telephony,
    sim,
    prompts,
    demo,
    health: () => healthView(telephony, engine, addon.activeIsa(), startedAt),
    boards: () => boardsView(telephony),
    stop() {
      stopping ??= (async () => {
        demo?.stop();
        inbound.stop();
        phones.stop();
        // Hang-ups are commands: a stepped engine needs frames to apply them.
        const done = telephony.shutdown();
        if (mode === 'stepped') {
          let finished = false;
          void done.finally(() => (finished = true));
          for (let i = 0; i < 500 && !finished; i++) {
            await engine.advance(config.engine.frameMs);
            await telephony.settled();
          }
        }
        await done;
        sim?.stop();
        await engine.close();
        world.close();
        log.info({ dataDir: join(config.dataDir) }, 'stopped: calls hung up, files closed');
      })();
      return stopping;
    },
  };
}
