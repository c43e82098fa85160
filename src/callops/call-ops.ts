// Call operations for agents, found by the agent's extension (their desk
// phone): click-to-dial, hang up, hold and retrieve with music, blind
// transfer (to an extension, a queue or an outside number), attended transfer
// (consult with notes for the receiving agent, then complete or cancel),
// three-way conference, and on-demand recording.
//
// Holds and consultations keep no partner links between the held party and
// the agent (the held party is unbridged first), so the agent's phone ending
// does not take the held party with it: this service decides what happens
// (a transfer completes, or an abandoned hold is released). A transfer hands
// the call over to the party who stays (Call.handOver), so an agent who
// started the call may leave it. Transfers are kept on the call as
// vars.transfers (JSON), which the call records store as the transfer chain.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CtiError } from '../native/errors.ts';
import type { Call } from '../telephony/call.ts';
import type { Conference } from '../telephony/conference.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import type { ExtensionRinger } from './ringer.ts';

export interface CallOpsOptions {
  telephony: Telephony;
  ringer: ExtensionRinger;
  log: Log;
  /** recordings go to <dir> */
  recordingsDir: string;
  /** a WAV looped to a held party (default: the built-in tune) */
  holdMusic?: () => string | undefined;
  /** puts a call in an ACD queue (blind transfer to `queue:<name>`) */
  queue?: (call: Call, caller: Leg, name: string) => Promise<unknown>;
  /** what happened at an extension, for its agents' WebSocket topics */
  notify?: (ext: string, type: string, data: Record<string, unknown>) => void;
}

export interface Consult {
  /** the party on hold meanwhile */
  held: Leg;
  target: string;
  /** the consulted party's leg, once it rings */
  leg?: Leg;
  notes?: string;
  /** resolves when the consulted party answers (true) or not (false) */
  answered: Promise<boolean>;
  /** taken back before the answer: the colleague's phone stops ringing */
  abort: AbortController;
}

export interface CallView {
  callId: string;
  extension: string;
  state: string;
  /** the other party: a number or an extension */
  with: string | null;
  held: boolean;
  consulting: string | null;
  /** the consulted party has answered: complete and conference are possible */
  consultAnswered: boolean;
  conference: boolean;
  recording: string | null;
}

export class CallOps {
  readonly consults = new Map<string, Consult>();
  readonly holds = new Map<string, Leg>();
  readonly conferences = new Map<string, Conference>();
  #recordings = new Map<string, string>();
  #seq = 0;

  constructor(private readonly o: CallOpsOptions) {}

  /** The live leg of the extension's phone. */
  legOf(ext: string): Leg {
    const ch = this.o.telephony.inventory.byExtension(ext);
    if (!ch) throw new CtiError('CTI_ERR_NOT_FOUND', `no extension ${ext}`);
    const leg = ch.leg as Leg | undefined;
    if (!leg?.live) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is in no call`);
    return leg;
  }

  /** The party the agent talks to (or holds). */
  otherOf(ext: string, leg = this.legOf(ext)): Leg {
    const o = leg.partner ?? this.holds.get(ext) ?? this.consults.get(ext)?.held;
    if (o?.live) return o;
    const alt = (leg.call as Call).legs.find((l) => l !== leg && l.live && (l.state === 'connected' || l.state === 'held'));
    if (!alt) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} talks to no one`);
    return alt;
  }

  view(ext: string): CallView {
    const leg = this.legOf(ext);
    const other = leg.partner ?? this.holds.get(ext) ?? this.consults.get(ext)?.held;
    return {
      callId: leg.call.id,
      extension: ext,
      state: leg.state,
      with: other ? (other.channel.role.extension ?? other.remote ?? other.callerId?.number ?? null) : null,
      held: this.holds.has(ext) || this.consults.has(ext),
      consulting: this.consults.get(ext)?.target ?? null,
      consultAnswered: this.consults.get(ext)?.leg?.live === true,
      conference: leg.conference !== undefined,
      recording: this.#recordings.get(ext) ?? null,
    };
  }

  /** Click-to-dial: rings the agent's phone; once it is answered, calls `number` (an extension or an outside number). */
  async dial(ext: string, number: string, opts: { ringMs?: number } = {}): Promise<Call> {
    const { telephony } = this.o;
    if (!this.o.ringer.free(ext)) throw new CtiError('CTI_ERR_BUSY', `extension ${ext} is not free`);
    const call = telephony.newCall('outbound');
    call.from = ext;
    call.to = number;
    call.vars.clickToDial = true;
    const phone = await telephony.ring(ext, { call, callerId: number });
    this.#notify(ext, 'call:ringing', call, { to: number, clickToDial: true });
    void (async () => {
      if (!(await phone.waitForAnswer(opts.ringMs ?? 30000))) {
        if (phone.state === 'ringing') await phone.stopRinging('no-answer');
        return;
      }
      const out = await this.o.ringer.connect(call, phone, number);
      this.#notify(ext, out.result === 'answered' ? 'call:answered' : 'call:failed', call, { to: number, result: out.result });
      if (out.result !== 'answered' && phone.live)
        await phone.hangup(out.result === 'busy' ? 'busy' : 'no-answer', `${number}: ${out.result}`);
    })().catch((e: unknown) => {
      call.log.warn({ err: (e as Error).message }, 'click-to-dial failed');
      void call.hangup('failed', (e as Error).message).catch(() => {});
    });
    return call;
  }

  async hangup(ext: string): Promise<void> {
    const leg = this.legOf(ext);
    await leg.hangup('normal', 'hung up by the API');
  }

  /** The other party hears music; the agent hears silence. */
  async hold(ext: string): Promise<void> {
    const leg = this.legOf(ext);
    if (this.holds.has(ext) || this.consults.has(ext)) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} already holds a call`);
    await this.#outOfConference(ext, leg, 'hold');
    const other = this.otherOf(ext, leg);
    await this.#park(leg, other);
    this.holds.set(ext, other);
    const release = () => {
      // The agent left a party on hold: release it (nobody would come back).
      if (this.holds.get(ext) === other) {
        this.holds.delete(ext);
        if (other.live) void other.hangup('normal', 'left on hold');
      }
    };
    leg.once('leg:ended', release);
    other.once('leg:ended', () => this.holds.get(ext) === other && this.holds.delete(ext));
    this.#notify(ext, 'call:held', leg.call as Call, {});
  }

  async retrieve(ext: string): Promise<void> {
    const leg = this.legOf(ext);
    const other = this.holds.get(ext);
    if (!other?.live) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} holds no call`);
    this.holds.delete(ext);
    await this.#unpark(leg, other);
    this.#notify(ext, 'call:retrieved', leg.call as Call, {});
  }

  /**
   * Blind transfer: the other party goes to `to` (an extension, `queue:<name>`, or an outside number); the agent
   * leaves. `notes` go with it: onto the transfer chain and the target agents' screens while their phone rings.
   */
  async blindTransfer(ext: string, to: string, notes?: string): Promise<void> {
    const leg = this.legOf(ext);
    const call = leg.call as Call;
    await this.#outOfConference(ext, leg, 'transfer');
    const other = this.otherOf(ext, leg);
    this.holds.delete(ext);
    await this.#leave(leg, other, to, 'blind', notes);
    if (to.startsWith('queue:')) {
      if (!this.o.queue) throw new CtiError('CTI_ERR_NOT_FOUND', 'this server has no queues');
      if (other.state === 'held') await other.unhold();
      void this.o
        .queue(call, other, to.slice(6))
        .catch((e: unknown) => call.log.warn({ err: (e as Error).message }, 'transfer to queue failed'));
      return;
    }
    void (async () => {
      if (other.state === 'held') await other.unhold();
      const out = await this.o.ringer.connect(call, other, to, notes ? { notes } : {});
      if (out.result !== 'answered' && other.live)
        await other.hangup(out.result === 'busy' ? 'busy' : 'no-answer', `transfer to ${to}: ${out.result}`);
    })().catch((e: unknown) => call.log.warn({ err: (e as Error).message }, 'blind transfer failed'));
  }

  /**
   * Attended transfer, step 1: the other party is held; `to` rings (its
   * agents' screens get the notes first) while the agent hears ringback.
   * The agent hanging up now transfers: at once when `to` has answered, on
   * answer while it still rings.
   */
  async consult(ext: string, to: string, notes?: string): Promise<Consult> {
    const leg = this.legOf(ext);
    if (this.consults.has(ext)) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is already consulting`);
    if (!this.holds.has(ext)) await this.#outOfConference(ext, leg, 'consultation');
    const held = this.holds.get(ext) ?? this.otherOf(ext, leg);
    this.holds.delete(ext);
    if (held.state !== 'held') await this.#park(leg, held);
    const call = leg.call as Call;
    let settle!: (v: boolean) => void;
    const c: Consult = {
      held,
      target: to,
      ...(notes ? { notes } : {}),
      answered: new Promise((r) => (settle = r)),
      abort: new AbortController(),
    };
    this.consults.set(ext, c);
    let handedOff = false;
    leg.on('leg:state', ({ to: s }: { to: string }) => {
      if (s !== 'disconnecting' || this.consults.get(ext) !== c) return;
      // Hung up while consulting: transfer (synchronously unlinked, before the two-party rule runs).
      this.consults.delete(ext);
      handedOff = true;
      if (leg.partner) {
        leg.partner.partner = undefined;
        leg.partner = undefined;
      }
      this.#chain(leg, held, to, c.leg ? 'attended' : 'blind', notes);
      if (c.leg?.live && held.live) void this.#join(call, held, c.leg);
    });
    const here = () => this.consults.get(ext) === c && leg.live;
    this.#notify(ext, 'call:consulting', call, { to, notes: notes ?? null });
    const ringback = this.o.ringer.tone(leg, 'ringback');
    void this.o.ringer
      .placeTo(call, to, { ...(notes ? { notes } : {}), signal: c.abort.signal })
      .then(async (out) => {
        await ringback.stop();
        const answered = out.result === 'answered' && out.leg?.live === true;
        if (answered && here()) {
          c.leg = out.leg!;
          await call.bridge(leg, c.leg);
          this.#detach(c.leg, leg);
          c.leg.once('leg:ended', () => here() && void this.cancelConsult(ext).catch(() => {}));
        } else if (answered && handedOff && held.live) {
          await this.#join(call, held, out.leg!);
        } else if (answered) {
          await out.leg!.hangup('normal', 'nobody to connect');
        } else if (here()) {
          await this.cancelConsult(ext);
        } else if (handedOff && held.live) {
          await held.hangup(out.result === 'busy' ? 'busy' : 'no-answer', `transfer to ${to}: ${out.result}`);
        }
        settle(answered);
      })
      .catch((e: unknown) => {
        settle(false);
        call.log.warn({ err: (e as Error).message }, 'consultation failed');
      });
    return c;
  }

  /** Attended transfer, step 2: the held party and the consulted party are joined; the agent leaves. */
  async completeTransfer(ext: string): Promise<void> {
    const leg = this.legOf(ext);
    const c = this.consults.get(ext);
    if (!c) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is not consulting anyone`);
    if (!c.leg?.live) throw new CtiError('CTI_ERR_CONFLICT', `${c.target} has not answered: hang up to transfer on answer, or cancel`);
    await leg.hangup('normal', `transferred to ${c.target}`);
  }

  /** Attended transfer abandoned: the consulted party is released; the agent is back with the held party. */
  async cancelConsult(ext: string): Promise<void> {
    const leg = this.legOf(ext);
    const c = this.consults.get(ext);
    if (!c) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is not consulting anyone`);
    this.consults.delete(ext);
    c.abort.abort();
    if (c.leg?.live) {
      await (leg.call as Call).unbridge(leg);
      await c.leg.hangup('normal', 'consultation canceled');
    }
    await leg.stopPlay().catch(() => {});
    if (c.held.live) await this.#unpark(leg, c.held);
    this.#notify(ext, 'call:retrieved', leg.call as Call, {});
  }

  /** Three-way conference: the agent, the held party and the consulted party hear each other. */
  async conference(ext: string): Promise<Conference> {
    const leg = this.legOf(ext);
    const c = this.consults.get(ext);
    if (!c?.leg?.live) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} has no answered consultation to conference with`);
    this.consults.delete(ext);
    if (c.held.state === 'held') await c.held.unhold();
    const conf = this.o.telephony.conference();
    for (const l of [c.held, leg, c.leg]) await conf.add(l);
    this.conferences.set(ext, conf);
    const call = leg.call as Call;
    call.vars.conference = true;
    // Two left talking stay in the conference; one left alone is released.
    for (const l of [c.held, leg, c.leg]) {
      l.once('leg:ended', () => {
        if (conf.closed) return; // made a two-party call again (#outOfConference)
        const live = [...conf.members.keys()].filter((m) => m.live);
        if (live.length === 1) void live[0]!.hangup('normal', 'conference over').then(() => conf.close());
        if (live.length === 0) void conf.close();
        if (l === leg) this.conferences.delete(ext);
      });
    }
    // The agent may leave a conference they started: the call follows the others.
    call.handOver(c.held);
    this.#notify(ext, 'call:conference', call, { with: [c.target] });
    // The other members' desks show the conference too (a consulted colleague's browser).
    for (const l of [c.held, c.leg]) {
      const other = l.channel.role.extension;
      if (other && other !== ext) this.#notify(other, 'call:conference', call, { with: [ext] });
    }
    return conf;
  }

  /** Records the agent's call (both directions mixed) to a WAV file; returns its path. */
  async startRecording(ext: string): Promise<string> {
    const leg = this.legOf(ext);
    if (this.#recordings.has(ext)) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is already recording`);
    mkdirSync(this.o.recordingsDir, { recursive: true });
    const path = join(this.o.recordingsDir, `${leg.call.id}-${ext}-${++this.#seq}.wav`);
    const call = leg.call as Call;
    const done = leg.record({ path, source: 'both', format: 'pcm16' });
    this.#recordings.set(ext, path);
    call.vars.recording = path;
    const end = () => this.#recordings.get(ext) === path && this.#recordings.delete(ext);
    done.then(end, (e: unknown) => {
      end();
      if (!(e instanceof CtiError && e.canceled)) call.log.warn({ err: (e as Error).message }, 'recording failed');
    });
    this.#notify(ext, 'call:recording', call, { path, on: true });
    return path;
  }

  async stopRecording(ext: string): Promise<string> {
    const leg = this.legOf(ext);
    const path = this.#recordings.get(ext);
    if (!path) throw new CtiError('CTI_ERR_CONFLICT', `extension ${ext} is not recording`);
    await leg.stopRecord();
    this.#recordings.delete(ext);
    this.#notify(ext, 'call:recording', leg.call as Call, { path, on: false });
    return path;
  }

  // ---- internals ------------------------------------------------------------------

  /**
   * The agent holds, consults or transfers from a conference: with one other party left in it, the call is a
   * two-party call again (the conference closes, the two are bridged) so the operation works as on any call and
   * the other party does not go with the conference; with two others it is refused (whom would it move?).
   */
  async #outOfConference(ext: string, leg: Leg, op: string): Promise<void> {
    const conf = leg.conference !== undefined ? this.o.telephony.conferences.get(leg.conference) : undefined;
    if (!conf || conf.closed) return;
    const others = [...conf.members.keys()].filter((m) => m !== leg && m.live);
    if (others.length > 1)
      throw new CtiError(
        'CTI_ERR_CONFLICT',
        `extension ${ext} is in a conference with ${others.length} others: a ${op} needs one (hang up to leave it)`,
      );
    await conf.close();
    for (const [k, v] of this.conferences) if (v === conf) this.conferences.delete(k);
    const other = others[0];
    if (other?.state === 'connected' && leg.live) await (leg.call as Call).bridge(leg, other);
    (leg.call as Call).log.info({ ext, op }, 'conference of two made a two-party call');
  }

  /** Unbridge, then hold: the held party keeps no link to the agent. */
  async #park(agent: Leg, other: Leg): Promise<void> {
    const call = agent.call as Call;
    if (agent.partner === other) await call.unbridge(agent);
    const music = this.o.holdMusic?.();
    if (other.state === 'connected') await other.hold(music ? { music } : {});
  }

  async #unpark(agent: Leg, other: Leg): Promise<void> {
    if (other.state === 'held') await other.unhold();
    if (agent.live && other.live) await (agent.call as Call).bridge(agent, other);
  }

  /** The agent is about to leave: the call follows the party who stays; the transfer joins the chain. */
  async #leave(agent: Leg, stays: Leg, to: string, kind: 'blind' | 'attended', notes?: string): Promise<void> {
    const call = agent.call as Call;
    this.#chain(agent, stays, to, kind, notes);
    if (agent.partner) await call.unbridge(agent);
    await agent.hangup('normal', `transferred to ${to}`);
  }

  #chain(agent: Leg, stays: Leg, to: string, kind: 'blind' | 'attended', notes?: string): void {
    const call = agent.call as Call;
    call.handOver(stays);
    const from = agent.channel.role.extension ?? agent.id;
    const chain = JSON.parse(typeof call.vars.transfers === 'string' ? call.vars.transfers : '[]') as unknown[];
    chain.push({ from, to, atMs: this.o.telephony.clock.now(), kind, ...(notes ? { notes } : {}) });
    call.vars.transfers = JSON.stringify(chain);
    this.#notify(from, 'call:transferred', call, { to, kind });
  }

  async #join(call: Call, held: Leg, other: Leg): Promise<void> {
    await held.stopPlay().catch(() => {});
    if (held.state === 'held') await held.unhold();
    if (held.live && other.live) await call.bridge(held, other);
  }

  /** The consulted leg's end must not take the agent with it (the two-party rule follows bridge links). */
  #detach(a: Leg, b: Leg): void {
    a.on('leg:state', ({ to }: { to: string }) => {
      if (to === 'disconnecting' && a.partner === b) {
        a.partner = undefined;
        b.partner = undefined;
      }
    });
  }

  #notify(ext: string, type: string, call: Call, data: Record<string, unknown>): void {
    this.o.notify?.(ext, type, { callId: call.id, extension: ext, from: call.from ?? null, to: call.to ?? null, ...data });
  }
}
