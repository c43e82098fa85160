// Busy-tone disconnect supervision on a connected FXO line: many exchanges say
// that the far end left only by playing busy (or congestion) tone. The tone
// detector reports it once a few cadence cycles matched; it must then go on for
// a guard time (the tone ends: tone:end) before the call is torn down, so a
// pause in the conversation or a stray burst is never a hang-up. Silence is
// never taken for a hang-up.
import type { Clock, TimerHandle } from '../native/clock.ts';
import type { NativeEvent } from './engine-port.ts';

export class BusyToneSupervisor {
  #timer: TimerHandle | undefined;
  #tone: string | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly guardMs: number,
    private readonly onGone: (tone: string) => void,
  ) {}

  get armed(): boolean {
    return this.#timer !== undefined;
  }

  /** Feed tone:start / tone:end events of the supervised channel. */
  onEvent(e: NativeEvent): void {
    if (e.name !== 'busy' && e.name !== 'congestion') return;
    if (e.type === 'tone:start' && !this.#timer) {
      this.#tone = e.name;
      this.#timer = this.clock.setTimeout(() => {
        this.#timer = undefined;
        this.onGone(this.#tone ?? 'busy');
      }, this.guardMs);
    } else if (e.type === 'tone:end' && e.name === this.#tone) {
      this.stop();
    }
  }

  stop(): void {
    if (this.#timer) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#tone = undefined;
  }
}
