// One caller going through one version of a flow: node after node until a
// target takes the call, the caller leaves, or the flow hangs up. The session
// keeps the flow object it started with, so a reload does not touch it.
// Variables live on the session and are mirrored into call.vars (call records,
// screen pops). Nothing here waits on wall time: timers read the engine clock.
import type { Clock } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import { inTimeRange, isHoliday, localTime, onDays, type LocalTime } from './calendar.ts';
import type { Condition, Flow, FlowNode } from './flow-schema.ts';
import { httpFor, type HttpService } from './http.ts';
import { expand, IvrMedia } from './media.ts';
import type { NodeContext, NodeRegistry, VarValue } from './nodes.ts';
import type { IvrPrompts } from './prompts.ts';
import { holidayOn, scheduleState, type SharedCalendars } from './schedules.ts';
import type { ReadoutLang } from './readout/index.ts';
import type { IvrTargets, TargetContext } from './targets.ts';

export interface SessionDeps {
  prompts: IvrPrompts;
  programs: NodeRegistry;
  targets: IvrTargets;
  /** handed to programmable nodes as ctx.db */
  db?: unknown;
  /** the web services of ctx.http, by name */
  http?: Record<string, HttpService>;
  /** sees each ctx.http request (Ivr.idle() waits for them) */
  track?: <T>(p: Promise<T>) => Promise<T>;
  /** shared schedules and holiday lists (with a database) */
  calendars?: SharedCalendars;
  clock: Clock;
  /** wall-clock ms (following the engine clock) */
  now(): number;
  log: Log;
}

/** A guard against flows that go round for ever through menus nobody answers. */
const MAX_STEPS = 1000;

/** Quiet between an invalid / timeout prompt and the prompt played again. */
const RETRY_PAUSE_MS = 500;

type Menu = Extract<FlowNode, { type: 'menu' | 'collect' }>;

export class IvrSession {
  readonly vars: Record<string, VarValue>;
  /** the nodes visited, in order */
  readonly path: string[] = [];
  readonly media: IvrMedia;
  readonly log: Log;
  /** keys pressed that no collect has taken yet (the engine keeps them for the next collect) */
  #typedAhead = 0;
  readonly #onDigit = () => void this.#typedAhead++;

  constructor(
    readonly flow: Flow,
    readonly version: number,
    readonly call: Call,
    readonly leg: Leg,
    private readonly d: SessionDeps,
  ) {
    this.vars = { ...flow.vars, caller: call.from ?? '', called: call.to ?? '' };
    this.log = leg.log.child({ flow: flow.name, flowVersion: version });
    this.media = new IvrMedia(leg, d.prompts, flow.prompts, this.vars, () => this.lang, this.log);
  }

  get lang(): ReadoutLang {
    return this.vars.lang === 'zh' ? 'zh' : this.vars.lang === 'en' ? 'en' : this.flow.lang;
  }

  async run(): Promise<void> {
    this.call.vars.ivrFlow = `${this.flow.name}@${this.version}`;
    this.leg.on('leg:digit', this.#onDigit);
    try {
      await this.#steps();
    } finally {
      this.leg.off('leg:digit', this.#onDigit);
    }
  }

  async #steps(): Promise<void> {
    let id: string | undefined = this.flow.start;
    while (id !== undefined && this.leg.live) {
      if (this.path.length >= MAX_STEPS) {
        this.log.warn({ steps: MAX_STEPS }, 'IVR: too many steps, hanging up');
        await this.call.hangup('normal', 'IVR step limit');
        return;
      }
      const at: string = id;
      this.path.push(at);
      try {
        id = await this.#step(at, this.flow.nodes[at]!);
      } catch (e) {
        if (!this.leg.live || (e instanceof CtiError && e.canceled)) return;
        this.log.error({ node: at, err: (e as Error).message }, 'IVR node failed');
        id = await this.#onError(at);
      } finally {
        Object.assign(this.call.vars, this.vars);
      }
    }
  }

  async #step(id: string, node: FlowNode): Promise<string | undefined> {
    switch (node.type) {
      case 'play':
        await this.media.play(node.prompt, node.bargeIn);
        return node.next;
      case 'menu':
      case 'collect':
        return this.#input(node);
      case 'branch':
        return node.when.find((c) => this.#holds(c))?.next ?? node.else;
      case 'set':
        for (const [k, v] of Object.entries(node.vars)) this.vars[k] = expand(v, this.vars);
        return node.next;
      case 'code':
        return this.#code(id, node);
      case 'hangup':
        if (node.prompt) await this.media.play(node.prompt);
        await this.d.targets.hangup(this.call, this.#targetCtx());
        return undefined;
      default:
        return this.#target(node);
    }
  }

  /**
   * menu: a choice among keys; collect: digits into a variable. Retries with
   * the invalid / timeout prompts, which a key stops. Keys the caller pressed
   * ahead (during the timeout or invalid prompt, or the pause after it) are
   * the next input: no pause and no question again. Keys pressed while the
   * timeout prompt plays are the timed-out try's input, after the last try too.
   */
  async #input(node: Menu): Promise<string> {
    const menu = node.type === 'menu';
    const max = menu ? Math.max(...Object.keys(node.choices).map((k) => k.length)) : node.max;
    const collect = async (attempt: number, late = false) => {
      const r = await this.#collect({
        max,
        timeout: node.timeoutMs,
        interDigitTimeout: node.interDigitTimeoutMs,
        terminators: menu ? '' : node.terminators,
      });
      this.log.info({ node: this.path.at(-1), digits: r.digits, attempt, ...(late ? { late } : {}) }, 'IVR input');
      return r.digits;
    };
    for (let attempt = 1; attempt <= node.tries; attempt++) {
      if (this.#typedAhead === 0) {
        if (attempt > 1) await this.d.clock.sleep(RETRY_PAUSE_MS);
        if (this.#typedAhead === 0) await this.media.play(node.prompt, true);
      }
      let digits = await collect(attempt);
      if (digits === '') {
        await this.media.play(node.timeoutPrompt ?? node.invalidPrompt ?? 'ivr-timeout', true);
        if (this.#typedAhead === 0) continue;
        digits = await collect(attempt, true);
        if (digits === '') continue;
      }
      if (menu) {
        const to = node.choices[digits];
        if (to !== undefined) {
          if (node.var) this.vars[node.var] = digits;
          return to;
        }
      } else if (digits.length >= node.min && (node.pattern === undefined || new RegExp(node.pattern).test(digits))) {
        this.vars[node.var] = digits;
        return node.next;
      }
      await this.media.play(node.invalidPrompt ?? 'ivr-invalid', true);
    }
    return node.onFail;
  }

  /** Collects digits, keeping count of the keys pressed that no collect has taken yet. */
  async #collect(opts: Parameters<Leg['collectDigits']>[0]): Promise<Awaited<ReturnType<Leg['collectDigits']>>> {
    const r = await this.leg.collectDigits(opts);
    this.#typedAhead = Math.max(0, this.#typedAhead - r.digits.length - (r.terminator ? 1 : 0));
    return r;
  }

  #holds(c: Condition): boolean {
    const t =
      c.time !== undefined || c.days !== undefined || c.holiday !== undefined ? localTime(this.d.now(), this.flow.timezone) : undefined;
    if (c.time !== undefined && !inTimeRange(t!, c.time)) return false;
    if (c.days !== undefined && !onDays(t!, c.days)) return false;
    if (c.holiday !== undefined && !this.#onHoliday(t!, c.holiday)) return false;
    if (c.schedule !== undefined && !this.#open(c.schedule)) return false;
    if (c.var !== undefined) {
      const v = String(this.vars[c.var] ?? '');
      if (c.equals !== undefined && v !== String(c.equals)) return false;
      if (c.in !== undefined && !c.in.map(String).includes(v)) return false;
      if (c.matches !== undefined && !new RegExp(c.matches).test(v)) return false;
    }
    return true;
  }

  /** A shared holiday list of that name, else the flow's own calendar. */
  #onHoliday(t: LocalTime, name: string): boolean {
    const list = this.d.calendars?.holidays(name);
    if (list) return holidayOn(t, list) !== undefined;
    return isHoliday(t, this.flow.calendars[name] ?? []);
  }

  /** Is the shared schedule open now? (One deleted since the flow was checked: closed.) */
  #open(name: string): boolean {
    const s = this.d.calendars?.schedule(name);
    if (!s) {
      this.log.warn({ schedule: name }, 'IVR: no such schedule: taken as closed');
      return false;
    }
    const state = scheduleState(s, this.d.now(), this.d.calendars!);
    this.log.debug({ schedule: name, ...state }, 'IVR: schedule');
    return state.open;
  }

  async #code(id: string, node: Extract<FlowNode, { type: 'code' }>): Promise<string | undefined> {
    const def = this.d.programs.get(node.run);
    if (!def) throw new Error(`no programmable node ${JSON.stringify(node.run)}`);
    const hold = this.media.hold(node.hold);
    const ac = new AbortController();
    const timer = this.d.clock.setTimeout(() => ac.abort(new Error(`timed out after ${node.timeoutMs} ms`)), node.timeoutMs);
    const onEnd = () => ac.abort(new Error('the caller hung up'));
    this.leg.once('leg:ended', onEnd);
    const paused = async <T>(op: () => Promise<T>): Promise<T> => {
      await hold.pause();
      try {
        return await op();
      } finally {
        if (!ac.signal.aborted) hold.resume();
      }
    };
    const ctx: NodeContext<never> = {
      call: this.call,
      vars: this.vars,
      digits: this.leg.digits,
      params: node.params ?? {},
      db: this.d.db as never,
      http: httpFor(this.d.http ?? {}, ac.signal, this.d.track),
      signal: ac.signal,
      timeoutMs: node.timeoutMs,
      log: this.log.child({ node: id }),
      now: () => this.d.now(),
      play: (spec, o) => paused(() => this.media.play(spec, o?.bargeIn)).then(() => undefined),
      collect: (o) =>
        paused(() =>
          this.#collect({
            ...(o.max !== undefined ? { max: o.max } : {}),
            ...(o.timeoutMs !== undefined ? { timeout: o.timeoutMs } : {}),
            ...(o.interDigitTimeoutMs !== undefined ? { interDigitTimeout: o.interDigitTimeoutMs } : {}),
            ...(o.terminators !== undefined ? { terminators: o.terminators } : {}),
          }),
        ).then((r) => r.digits),
    };
    const aborted = new Promise<never>((_, reject) =>
      ac.signal.addEventListener('abort', () => reject(ac.signal.reason as Error), { once: true }),
    );
    let result: string | void;
    try {
      result = await Promise.race([Promise.resolve().then(() => def.run(ctx)), aborted]);
    } catch (e) {
      if (!this.leg.live) return undefined;
      this.log.warn({ node: id, run: node.run, err: (e as Error).message }, 'IVR programmable node failed: error branch');
      this.vars.error = (e as Error).message;
      return node.error ?? this.#onError(id);
    } finally {
      this.d.clock.clearTimeout(timer);
      this.leg.off('leg:ended', onEnd);
      if (!ac.signal.aborted) ac.abort(new Error('node finished'));
      await hold.pause();
    }
    if (typeof result === 'string') {
      const to = node.branches?.[result];
      if (to === undefined) this.log.warn({ node: id, result }, 'IVR: no branch for this result: next');
      return to ?? node.next;
    }
    return node.next;
  }

  async #target(node: Extract<FlowNode, { type: 'queue' | 'extension' | 'voicemail' | 'fax' }>): Promise<string | undefined> {
    if (node.prompt) await this.media.play(node.prompt);
    const t = this.d.targets;
    const ctx = this.#targetCtx(node.type === 'extension' ? node.timeoutMs : undefined);
    const r =
      node.type === 'queue'
        ? await t.queue(this.call, node.queue, ctx)
        : node.type === 'extension'
          ? await t.extension(this.call, node.extension, ctx)
          : node.type === 'voicemail'
            ? await t.voicemail(this.call, node.box, ctx)
            : await t.fax(this.call, node.document, ctx);
    if (r === 'done') return undefined;
    return node.onFail ?? this.#apology();
  }

  #targetCtx(timeoutMs?: number): TargetContext {
    return {
      leg: this.leg,
      log: this.log,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      play: (p) => this.media.play(p).then(() => undefined),
    };
  }

  /** After a node failed: the flow's onError (once per failing node), else an apology and a hang-up. */
  async #onError(failed: string): Promise<string | undefined> {
    const to = this.flow.onError;
    if (to !== undefined && to !== failed && this.path.at(-2) !== to) return to;
    return this.#apology();
  }

  async #apology(): Promise<undefined> {
    if (this.leg.live) {
      await this.media.play('ivr-sorry').catch(() => {});
      await this.call.hangup('normal', 'IVR could not complete').catch(() => {});
    }
    return undefined;
  }
}
