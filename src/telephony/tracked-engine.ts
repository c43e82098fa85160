// Wraps an engine to count the short commands in flight (detect, bridge,
// hook, ring, stop...). On the stepped clock a test grants the engine one frame
// at a time and waits, between frames, until the call layer has reacted to
// what the last frame reported (settled()), so every run gives the same events
// at the same engine times.
import { CtiError } from '../native/errors.ts';
import type { ChannelRef, EnginePort } from './engine-port.ts';

type Short = 'detect' | 'bridge' | 'conference' | 'stop' | 'offhook' | 'onhook' | 'flash' | 'ring' | 'stopRing' | 'setup' | 'pulseDial';

export class TrackedEngine implements EnginePort {
  #inFlight = 0;

  constructor(readonly inner: EnginePort) {}

  get clock() {
    return this.inner.clock;
  }
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Resolves once no short command is in flight over two turns of the event
   * loop. It waits for the commands themselves, however long the engine's
   * thread takes to get to them (a busy machine), never for a number of turns:
   * a step that went on with a command still in flight would let the next
   * frame see a different call layer on a loaded machine than on an idle one.
   */
  async settled(maxWaitMs = 30_000): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    for (let quiet = 0; quiet < 2;) {
      if (this.#inFlight > 0) {
        quiet = 0;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new CtiError('CTI_ERR_INTERNAL', `settled(): ${this.#inFlight} engine command(s) still unanswered after ${maxWaitMs} ms`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          this.#idle.push(() => (clearTimeout(t), r()));
        });
        continue;
      }
      await new Promise((r) => setImmediate(r));
      quiet = this.#inFlight === 0 ? quiet + 1 : 0;
    }
  }

  #idle: (() => void)[] = [];

  #track<T>(p: Promise<T>): Promise<T> {
    this.#inFlight++;
    return p.finally(() => {
      if (--this.#inFlight === 0) for (const wake of this.#idle.splice(0)) wake();
    });
  }

  get spanStatus(): EnginePort['spanStatus'] {
    return this.inner.spanStatus?.bind(this.inner);
  }
  boardInfo: EnginePort['boardInfo'] = (b) => this.inner.boardInfo(b);
  lineStates: EnginePort['lineStates'] = (b) => this.inner.lineStates(b);
  play: EnginePort['play'] = (ch, req) => this.inner.play(ch, req);
  record: EnginePort['record'] = (ch, req) => this.inner.record(ch, req);
  collect: EnginePort['collect'] = (ch, req) => this.inner.collect(ch, req);
  detect: EnginePort['detect'] = (ch, req) => this.#short('detect', () => this.inner.detect(ch, req));
  bridge: EnginePort['bridge'] = (a, b) => this.#short('bridge', () => this.inner.bridge(a, b));
  conference: EnginePort['conference'] = (ch, id, mode) => this.#short('conference', () => this.inner.conference(ch, id, mode));
  stop: EnginePort['stop'] = (op, ch) => this.#short('stop', () => this.inner.stop(op, ch));
  offhook: EnginePort['offhook'] = (ch) => this.#short('offhook', () => this.inner.offhook(ch));
  onhook: EnginePort['onhook'] = (ch, cause) =>
    this.#short('onhook', () => (cause === undefined ? this.inner.onhook(ch) : this.inner.onhook(ch, cause)));
  get setup(): EnginePort['setup'] {
    const inner = this.inner;
    return inner.setup ? (ch, req) => this.#short('setup', () => inner.setup!(ch, req)) : undefined;
  }
  flash: EnginePort['flash'] = (ch) => this.#short('flash', () => this.inner.flash(ch));
  ring: EnginePort['ring'] = (ch, opts) => this.#short('ring', () => this.inner.ring(ch, opts));
  stopRing: EnginePort['stopRing'] = (ch) => this.#short('stopRing', () => this.inner.stopRing(ch));
  pulseDial = (ch: ChannelRef, digits: string): Promise<void> =>
    this.inner.pulseDial
      ? this.#short('pulseDial', () => this.inner.pulseDial!(ch, digits))
      : Promise.reject(new CtiError('CTI_ERR_BAD_ARGUMENT', 'pulseDial: this engine has no pulse dialling'));
  on: EnginePort['on'] = (ev, fn) => this.inner.on(ev, fn);
  off: EnginePort['off'] = (ev, fn) => this.inner.off(ev, fn);

  #short(_what: Short, f: () => Promise<void>): Promise<void> {
    return this.#track(f());
  }
}
