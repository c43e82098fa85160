// What a queued caller hears while waiting: music on hold, interrupted at the
// queue's intervals by the position and estimated wait, then music again.
// stop() is issued together with the bridge to the agent who answered, so the
// caller stops hearing the announcement in the same frame the agent is
// connected: the agent never hears the tail of a prompt, nor dead air.
import type { Clock, TimerHandle } from '../native/clock.ts';
import type { PlayRequest } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Announcer } from './announcer.ts';
import type { AnnounceConfig } from './types.ts';

export interface WaitingMediaOptions {
  leg: Leg;
  clock: Clock;
  music: PlayRequest;
  announce: AnnounceConfig | undefined;
  /** with announce.firstAfterMs 0: announce at once (else after everyMs) */
  announceAtOnce?: boolean;
  announcer: Announcer;
  /** position and estimate now; called when an announcement is due */
  where(): { position: number; estimateMs: number | undefined };
  /** told of every announcement made */
  announced(position: number, estimateMs: number | undefined): void;
}

export class WaitingMedia {
  #stopped = false;
  #due = false;
  #timer: TimerHandle | undefined;

  constructor(private readonly o: WaitingMediaOptions) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  start(): this {
    const a = this.o.announce;
    if (a && (a.position || a.estimate)) {
      if (a.firstAfterMs === 0 && this.o.announceAtOnce !== false) this.#due = true;
      else if (a.firstAfterMs === 0) this.#arm(a.everyMs);
      else this.#arm(a.firstAfterMs);
    }
    void this.#run();
    return this;
  }

  /** Stops music and announcements now (resolves when the engine has the command). */
  stop(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#stopped = true;
    if (this.#timer) this.o.clock.clearTimeout(this.#timer);
    return this.o.leg.live ? this.o.leg.stopPlay().catch(() => {}) : Promise.resolve();
  }

  #arm(ms: number): void {
    this.#timer = this.o.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#stopped) return;
      this.#due = true;
      void this.o.leg.stopPlay().catch(() => {}); // ends the music; #run announces
    }, ms);
  }

  async #run(): Promise<void> {
    const leg = this.o.leg;
    while (!this.#stopped && leg.live) {
      if (this.#due) {
        this.#due = false;
        const { position, estimateMs } = this.o.where();
        const a = this.o.announce!;
        const what: PlayRequest[] = [];
        if (a.position) what.push(...this.o.announcer.position(position));
        if (a.estimate && estimateMs !== undefined) what.push(...this.o.announcer.waitMinutes(Math.max(1, Math.ceil(estimateMs / 60000))));
        this.o.announced(position, estimateMs);
        for (const req of what) {
          if (this.#stopped || !leg.live) return;
          if (
            !(await leg.play(req).then(
              () => true,
              () => false,
            ))
          )
            return;
        }
        if (!this.#stopped) this.#arm(a.everyMs);
        continue;
      }
      const t0 = this.o.clock.now();
      const ok = await leg.play(this.o.music).then(
        () => true,
        () => false,
      );
      // Refused or finished at once (no such file...): silence rather than a busy loop.
      if (!ok || (this.o.clock.now() === t0 && !this.#due)) return;
    }
  }
}
