// Everything `boardcti start` runs, built from the configuration: the
// simulated board and its world, the engine on it, the board mirrored in TS,
// the telephony core, the prompts, the inbound and phone routes, the HTTP
// side's view of the world, and the demo traffic. stop() hangs up cleanly and
// closes files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { blacklistGate } from '../acd/blacklist-gate.ts';
import { createCallCenter, type CallCenter } from '../acd/call-center.ts';
import { linkDnd } from '../acd/dnd-link.ts';
import { QueueDefinitions } from '../acd/queue-definitions.ts';
import { spokenAnnouncer, useSpoken } from '../acd/spoken-announcer.ts';
import type { AgentStore } from '../agents/store.ts';
import { publishCallCenter } from '../api/call-center-events.ts';
import { agentTopic, EventHub } from '../api/events.ts';
import { publishLineStatus } from '../api/line-events.ts';
import { createCallOps, type CallOpsService } from '../callops/index.ts';
import { ScreenPops } from '../api/screen-pop.ts';
import type { CallCenterContext } from '../api/context.ts';
import type { BoardView, HealthView } from '../api/views.ts';
import { parseChannelList } from '../config/load.ts';
import { casRegisterSpans } from '../config/spans.ts';
import type { AuthConfig, BoardConfig, Config } from '../config/schema.ts';
import type { Account } from '../db/accounts.ts';
import { accountDirectory } from '../db/agent-directory.ts';
import type { Stores } from '../db/index.ts';
import { SqlIvrData } from '../db/ivr-data.ts';
import {
  builtinPrograms,
  defaultTargets,
  FlowRegistry,
  FlowService,
  type Flow,
  Ivr,
  IvrPrompts,
  type IvrTargets,
  type NodeRegistry,
} from '../ivr/index.ts';
import { loadTonePlan, toneDescriptor } from '../dsp/tones.ts';
import { activeIsa, CtiError, MediaEngine, messageWaitingBurst } from '../native/index.ts';
import type { ToneDescriptor } from '../native/types/dsp-basic.ts';
import type { ClockMode, SignallingOptions } from '../native/types/engine.ts';
import type { SimWorld } from '../sim/world.ts';
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { CallRecordRepository } from '../telephony/call-records.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import { Inventory } from '../telephony/inventory.ts';
import type { Log } from '../telephony/log.ts';
import { Telephony } from '../telephony/telephony.ts';
import type { ToneKind } from '../telephony/types.ts';
import { channelByPort, portName } from './ports.ts';
import { Demo } from './services/demo.ts';
import { InboundRouter } from './services/inbound-router.ts';
import { PhoneRouter } from './services/phone-router.ts';
import { Prompts } from './services/prompts.ts';
import { SimService } from './services/sim-service.ts';
import { alarmNames, boardsView, healthView } from './views.ts';

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
  /** where agents' live states are kept (default: the database's, else in memory) */
  agentStore?: AgentStore;
  /** the database: call records, agent accounts and states go there, and the call-center API is served */
  stores?: Stores;
  /** overrides config.ivr.dir */
  ivrDir?: string;
  /** programmable IVR nodes (default: the built-in examples) */
  programs?: NodeRegistry;
  /** the database handle programmable IVR nodes get as ctx.db (default: the stores' database and ivr.databases) */
  db?: unknown;
  /** IVR targets other services provide (the ACD's queue) */
  targets?: Partial<IvrTargets>;
  /** wall-clock ms at engine time 0 (default now): time-of-day branches and call records */
  epochMs?: number;
  /** where on-demand recordings go (default <dataDir>/recordings) */
  recordingsDir?: string;
}

export interface Runtime {
  readonly config: Config;
  readonly engine: MediaEngine;
  /** the simulated world (driver: sim) */
  readonly world: SimWorld | undefined;
  readonly board: number;
  readonly telephony: Telephony;
  readonly sim: SimService | undefined;
  readonly prompts: Prompts;
  readonly ivr: Ivr;
  readonly demo: Demo | undefined;
  /** agents and queues, when the configuration has any */
  readonly callCenter: CallCenter | undefined;
  readonly events: EventHub;
  /** transfers, hold, conference, pickup, DND, forwarding, camp-on, recording */
  readonly callOps: CallOpsService;
  readonly screenPops: ScreenPops | undefined;
  /** the database-backed API's context (accounts, customers, records, events) */
  readonly dataApi: CallCenterContext | undefined;
  /** undefined without a database: no accounts, so no login */
  readonly auth: AuthConfig | undefined;
  /**
   * Resolves once the database work calls started (screen pops, the look-ups
   * behind them, call-event fan-out) is done: a stepped harness waits for it
   * between frames, so the board's clock does not run past it.
   */
  idle(): Promise<void>;
  health(): HealthView;
  boards(): BoardView[];
  stop(): Promise<void>;
}

/**
 * The runtime for this configuration. The simulator (firmware_sim.node and
 * src/sim) is loaded only for a simulated board: a DAHDI board never loads it.
 */
export async function createRuntime(config: Config, opts: RuntimeOptions): Promise<Runtime> {
  const b = config.boards[0]!;
  if (b.driver === 'dahdi') {
    checkDahdi(b);
    return startRuntime(config, opts, undefined);
  }
  const { simulatedWorld } = await import('./sim-world.ts');
  const world = simulatedWorld(config, opts.demo ?? false);
  try {
    return startRuntime(config, opts, world);
  } catch (e) {
    world.close();
    throw e;
  }
}

function startRuntime(config: Config, opts: RuntimeOptions, world: SimWorld | undefined): Runtime {
  const log = opts.log;
  const b = config.boards[0]!;
  const mode = opts.mode ?? config.engine.mode;
  const plan = loadTonePlan(config.engine.tonePlan);
  const a = config.analog;
  if (a.flashMinMs >= a.flashMaxMs)
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `analog: flashMinMs (${a.flashMinMs}) must be below flashMaxMs (${a.flashMaxMs})`);
  const signalling: SignallingOptions = {
    flashMinMs: a.flashMinMs,
    flashMaxMs: a.flashMaxMs,
    ringTimeoutMs: a.ringTimeoutMs,
    answerOnPolarity: a.answerOnPolarity,
    disconnectOnPolarity: a.disconnectOnPolarity,
    disconnectOnLoopDrop: a.disconnectOnLoopDrop,
    pulseBreakMs: a.pulseBreakMs,
    pulseMakeMs: a.pulseMakeMs,
    pulseInterdigitMs: a.pulseInterdigitMs,
  };
  const engine = new MediaEngine({
    mode,
    frameMs: config.engine.frameMs,
    tonePlan: plan.json,
    signalling,
    ...(mode === 'realtime' ? { clockEventMs: 100 } : {}),
  });
  // E1 span n is the board's span n + 1 (span 1: the analog ports).
  const pri = b.spans.filter((s) => s.signalling === 'pri').map((s) => ({ span: s.e1 + 1, overlap: s.overlap, overlapMs: s.overlapMs }));
  const r2 = casRegisterSpans(b).map(({ e1, mfcr2 }) => ({ span: e1 + 1, ...mfcr2 }));
  const board = world
    ? engine.addSimBoard(world.port, { pri, r2 })
    : engine.addDahdiBoard({
        channels: parseChannelList(b.channels ?? ''),
        devDir: b.devDir ?? DAHDI_DIR,
        ...(b.echoCancelTaps !== undefined ? { echoCancelTaps: b.echoCancelTaps } : {}),
        ...(b.numbufs !== undefined ? { numbufs: b.numbufs } : {}),
        law: b.law,
        r2,
      });
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
  const epochMs = opts.epochMs ?? Date.now();
  const telephony = new Telephony({
    engine,
    inventory,
    log,
    timings: config.telephony,
    tones,
    toneDetection: true,
    epochMs,
    mwiBurst: (on) => messageWaitingBurst(on),
    pulseDialling: (ref) => {
      const ch = inventory.channel(ref);
      const port = ch ? portName(mirror, ch) : undefined;
      return config.lines.find((l) => l.port === port)?.pulse ?? a.pulseDialling;
    },
    callerIdTiming: () => a.callerIdTiming,
    ...(opts.records ? { records: opts.records } : opts.stores ? { records: opts.stores.callRecords } : {}),
  });
  // Caller ID to phones goes out as FSK in the ring pause (engine.ring).
  const sim = world ? new SimService(world, telephony, board, settleMs) : undefined;
  telephony.start();
  engine.start();

  const promptsDir = opts.promptsDir ?? config.prompts.dir;
  const prompts = new Prompts({
    dir: promptsDir,
    welcome: config.prompts.welcome,
    welcomeText: config.prompts.welcomeText,
    speech: opts.speech ?? true,
    log,
  });
  prompts.ensureWelcome();
  const events = new EventHub();
  const stores = opts.stores;
  const screenPops = stores ? new ScreenPops({ customers: stores.customers, events, log }) : undefined;
  // A route or IVR node ringing an extension directly (not through a queue:
  // the ACD pops its own offers, src/api/call-center-events.ts) pops the
  // caller to the accounts at that extension.
  const background = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    background.add(p);
    void p.finally(() => background.delete(p));
  };
  // Something for the accounts at an extension (a screen pop, a call event): a
  // look-up in the database, tracked for idle().
  const toAgentsAt = (ext: string, logAs: Record<string, unknown>, failed: string, f: (agents: Account[]) => unknown) => {
    if (!stores) return;
    track(
      stores.accounts
        .byExtension(ext)
        .then(f)
        .catch((e: unknown) => log.error({ ...logAs, err: (e as Error).message }, failed)),
    );
  };
  const ringing = (call: Call, ext: string, _phone?: unknown, notes?: string) => {
    if (!screenPops) return;
    toAgentsAt(ext, { call: call.id }, 'screen pop failed', (agents) =>
      Promise.all(
        agents.map((a) =>
          screenPops.offer({
            agentId: a.id,
            callId: call.id,
            number: call.from ?? null,
            ivr: { ...call.vars },
            ...(notes ? { notes } : {}),
          }),
        ),
      ),
    );
  };
  const ivrPrompts = new IvrPrompts({ dir: promptsDir, speech: opts.speech ?? true, log });
  const agentStore = opts.agentStore ?? stores?.agentStates;
  const spoken = useSpoken(config.acd.announcer, { promptsDir, lang: config.acd.lang, speech: opts.speech ?? true });
  // Call operations' events go to the topics of the agents at the extension.
  const notify = (ext: string, type: string, data: Record<string, unknown>) =>
    toAgentsAt(ext, { ext }, 'call event not published', (agents) => agents.forEach((a) => events.publish(agentTopic(a.id), type, data)));
  // With a database there is always a call center: its agents are the accounts, and queues can be created at run time.
  const callCenter =
    config.agents.length || config.queues.length || stores
      ? createCallCenter({
          config,
          telephony,
          tones,
          log,
          epochMs,
          prompt: (n) => prompts.path(n),
          ...(agentStore ? { store: agentStore } : {}),
          ...(stores ? { directory: accountDirectory(stores.accounts), priorityOf: callerPriority(stores, config.acd.vipBoost) } : {}),
          ...(spoken ? { announcer: spokenAnnouncer(ivrPrompts, config.acd.lang) } : {}),
        })
      : undefined;
  // With a database the queues are kept there, the YAML's as the seed (src/acd/queue-definitions.ts).
  const queueDefinitions =
    callCenter && stores
      ? new QueueDefinitions({
          acd: callCenter.acd,
          store: stores.queues,
          seed: config.queues,
          references: (name) => queueReferences(name),
          log,
        })
      : undefined;
  // A caller is queued once the database's queues are in service.
  const enqueue = async (call: Call, caller: Leg, name: string, priority?: number) => {
    await queueDefinitions?.ready;
    return callCenter!.queue(call, caller, name, priority);
  };
  const unpublishLines = publishLineStatus({ telephony, events });
  // Span alarms raised and cleared go to the lines page (technicians, supervisors, admins).
  telephony.on('span:alarm', (e: { board: number; span: number; alarms: number }) =>
    events.publish('lines', 'span:alarm', { board: e.board, span: e.span, alarms: alarmNames(e.alarms) }),
  );
  const unpublish = callCenter ? publishCallCenter({ cc: callCenter, events, log, ...(screenPops ? { screenPops } : {}) }) : undefined;
  // An IVR flow may end in one of the ACD's queues.
  const acdQueue: Partial<IvrTargets> = callCenter
    ? { queue: async (call, name, ctx) => (await enqueue(call, ctx.leg, name), 'done') }
    : {};
  const callOps = createCallOps({
    telephony,
    tones,
    log,
    recordingsDir: opts.recordingsDir ?? join(config.dataDir, 'recordings'),
    ringing,
    notify,
    ...(stores ? { store: stores.extensionSettings } : {}),
    ...(callCenter
      ? {
          queue: (c: Call, l: Leg, q: string) => enqueue(c, l, q),
          acdPickup: (by: Leg, ext: string | undefined) => callCenter.acd.offers.pickup(by, ext),
          acdPickable: (byExt: string, ext: string | undefined) => callCenter.acd.offers.pickable(byExt, ext),
        }
      : {}),
  });
  // The extension's DND and the agent's 'dnd' state are one (src/acd/dnd-link.ts).
  const unlinkDnd = callCenter ? linkDnd(callCenter.agents, callOps.settings, log) : undefined;
  // Programmable IVR nodes' ctx.db: the server's database and ivr.databases (src/db/ivr-data.ts).
  const ivrData =
    opts.db === undefined
      ? new SqlIvrData({ ...(stores ? { db: stores.db, customers: stores.customers } : {}), databases: config.ivr.databases, log })
      : undefined;
  const ivr = createIvr(
    config,
    { ...opts, db: opts.db ?? ivrData, targets: { ...acdQueue, ...opts.targets } },
    telephony,
    () => inbound,
    epochMs,
    ivrPrompts,
  );
  // A blacklisted caller's reroute: an extension, `queue:NAME` or `flow:NAME`.
  const reroute = async (call: Call, caller: Leg, target: string): Promise<boolean> => {
    const [kind, name] = target.includes(':') ? (target.split(':', 2) as [string, string]) : ['ext', target];
    const known =
      kind === 'ext'
        ? /^[0-9]+$/.test(name)
        : kind === 'queue'
          ? !!callCenter?.acd.queue(name)
          : kind === 'flow' && !!ivr.o.flows.get(name);
    if (!known) return false;
    if (caller.state === 'offered') await caller.answer();
    if (kind === 'ext') await inbound.ringExtension(call, caller, name, 30000);
    else if (kind === 'queue') await enqueue(call, caller, name);
    else await ivr.run(call, caller, name);
    return true;
  };
  const blacklist = stores?.blacklist;
  blacklist?.warm().catch((e: unknown) => log.error({ err: (e as Error).message }, 'blacklist could not be loaded'));
  const inbound = new InboundRouter({
    telephony,
    routes: config.routes.inbound,
    prompt: (n) => prompts.path(n),
    tones,
    log,
    ringing,
    ...(blacklist
      ? { screen: (c: Call, l: Leg) => blacklistGate(c, l, { match: (n) => blacklist.match(n), tones, clock: telephony.clock, reroute }) }
      : {}),
    ring: (c, l, x, ms) => callOps.ringer.ringExtension(c, l, x, ms),
    ivr: (c, l, f) => ivr.run(c, l, f),
    ...(callCenter ? { queue: enqueue } : {}),
  }).start();
  /** What names a queue besides other queues: an inbound route, an IVR flow in service, a blacklist reroute. */
  const queueReferences = async (name: string): Promise<string[]> => {
    const out: string[] = [];
    config.routes.inbound.forEach((r, i) => {
      if (r.queue === name) out.push(`routes.inbound[${i}] of the configuration ends in it`);
    });
    for (const f of ivr.o.flows.list())
      for (const [id, n] of Object.entries(f.flow.nodes))
        if (n.type === 'queue' && n.queue === name) out.push(`IVR flow ${f.flow.name} (node ${id}) queues to it`);
    for (const b of (await blacklist?.list()) ?? [])
      if (b.action === 'reroute' && b.target === `queue:${name}`) out.push(`blacklist entry ${b.id} (${b.pattern}) reroutes to it`);
    return out;
  };
  const features = async (c: Call, p: Parameters<CallCenter['queue']>[1], d: string) =>
    (callCenter ? await callCenter.features.run(c, p, d) : false) || callOps.phones.features(c, p, d);
  const phones = new PhoneRouter({ telephony, tones, ringer: callOps.ringer, features }).start();
  const demo =
    opts.demo && world
      ? new Demo({
          world,
          telephony,
          board,
          clock: engine.clock,
          log,
          intervalMs: config.demo.intervalMs,
          callMs: config.demo.callMs,
          from: config.demo.from,
        }).start()
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
    ivr,
    demo,
    callCenter,
    events,
    callOps,
    screenPops,
    dataApi: stores
      ? {
          stores,
          events,
          auth: config.auth,
          dispositions: config.dispositions,
          ...(callCenter ? { callCenter } : {}),
          ...(queueDefinitions ? { queues: queueDefinitions } : {}),
          ...(ivr.o.versions ? { ivrFlows: ivr.o.versions } : {}),
          now: ivr.o.now,
        }
      : undefined,
    auth: stores ? config.auth : undefined,
    async idle() {
      while (background.size) await Promise.allSettled([...background]);
      await screenPops?.idle();
      await ivrData?.idle();
      await ivr.idle();
    },
    health: () => healthView(telephony, engine, activeIsa(), startedAt),
    boards: () => boardsView(telephony),
    stop() {
      stopping ??= (async () => {
        demo?.stop();
        inbound.stop();
        phones.stop();
        unpublish?.();
        unpublishLines();
        unlinkDnd?.();
        callOps.stop();
        callCenter?.stop();
        ivr.o.flows.close();
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
        world?.close();
        await ivr.ready; // the flows' sync with the database is done before it closes
        await queueDefinitions?.ready;
        await ivrData?.close();
        log.info({ dataDir: join(config.dataDir) }, 'stopped: calls hung up, files closed');
      })();
      return stopping;
    },
  };
}

const DAHDI_DIR = '/dev/dahdi';

/** A known caller's queue priority boost: a VIP's vipBoost, plus the customer's own priority (0-9). */
function callerPriority(stores: Stores, vipBoost: number): (number: string) => Promise<number | undefined> {
  return async (number) => {
    const c = (await stores.customers.lookup(number))[0];
    if (!c) return undefined;
    const boost = (c.vip ? vipBoost : 0) + c.priority;
    return boost || undefined;
  };
}

/** A DAHDI board needs DAHDI: say what is missing before anything starts. */
function checkDahdi(b: BoardConfig): void {
  const dev = join(b.devDir ?? DAHDI_DIR, 'channel');
  if (!existsSync(dev)) {
    throw new CtiError(
      'CTI_ERR_NO_DEVICE',
      `board ${b.name} (driver: dahdi): ${dev} does not exist: DAHDI is not installed or no card's module is loaded ` +
        '(install dahdi-dkms, load the card driver, run dahdi_genconf and dahdi_cfg: see drivers/dahdi/README.md)',
    );
  }
}

/** The IVR: flows from config.ivr.dir (watched), prompts beside the others; a route's flow must load. */
function createIvr(
  config: Config,
  opts: RuntimeOptions,
  telephony: Telephony,
  inbound: () => InboundRouter,
  epochMs: number,
  prompts: IvrPrompts,
): Ivr {
  const log = opts.log;
  const programs = opts.programs ?? builtinPrograms();
  const shared = opts.stores?.calendars;
  const calendars = shared ? () => ({ schedules: new Set(shared.scheduleNames()), holidays: new Set(shared.holidayNames()) }) : undefined;
  const flows = new FlowRegistry({
    dir: opts.ivrDir ?? config.ivr.dir,
    programs: () => programs.names(),
    ...(calendars ? { calendars } : {}),
    log,
  });
  const loaded = flows.reload();
  for (const r of config.routes.inbound) {
    if (!r.flow || flows.get(r.flow)) continue;
    const refused = loaded.refused.map((x) => `\n${x.error.message}`).join('');
    throw new CtiError(
      'CTI_ERR_BAD_ARGUMENT',
      `routes.inbound: no IVR flow named ${JSON.stringify(r.flow)} in ${opts.ivrDir ?? config.ivr.dir}${refused ? `; refused:${refused}` : ''}`,
    );
  }
  // With a database, flow versions are kept there (the files are the seed) and the API manages them.
  const versions = opts.stores
    ? new FlowService({
        registry: flows,
        store: opts.stores.ivrFlows,
        programs: () => programs.names(),
        ...(calendars && shared ? { calendars, after: shared.warm() } : {}),
        log,
      })
    : undefined;
  // A schedule or holiday list a flow in service names cannot be deleted.
  if (shared)
    shared.usedBy = (kind, name) =>
      flows
        .list()
        .filter((f) => usesCalendar(f.flow, kind, name))
        .map((f) => `IVR flow ${f.flow.name}`);
  if (config.ivr.watch && config.engine.mode !== 'stepped' && opts.mode !== 'stepped')
    flows.watch(300, versions ? () => versions.sync() : undefined);
  const targets = { ...defaultTargets({ ringExtension: (c, l, ext, ms) => inbound().ringExtension(c, l, ext, ms) }), ...opts.targets };
  return new Ivr({
    flows,
    programs,
    prompts,
    targets,
    db: opts.db,
    http: config.ivr.http,
    ...(versions ? { versions } : {}),
    ...(shared ? { calendars: shared } : {}),
    clock: telephony.clock,
    now: () => epochMs + telephony.clock.now(),
    log,
  });
}

/** Does a branch of the flow name this shared schedule ('schedule') or holiday list ('holidays')? */
function usesCalendar(flow: Flow, kind: 'schedule' | 'holidays', name: string): boolean {
  return Object.values(flow.nodes).some(
    (n) =>
      n.type === 'branch' &&
      n.when.some((c) => (kind === 'schedule' ? c.schedule === name : c.holiday === name && !Object.hasOwn(flow.calendars, name))),
  );
}
