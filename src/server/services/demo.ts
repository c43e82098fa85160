// `boardcti start --demo`: the simulated world places calls now and then, so a
// newcomer sees lines light up. A caller rings a free line, waits through the
// welcome prompt, presses a key and '#', talks a while and hangs up; the desk
// phones of the demo pick up by themselves after two rings. Every few calls a
// desk phone calls another extension instead. Timed on the engine clock.
import type { Clock, TimerHandle } from '../../native/clock.ts';
import type { SimWorld } from '../../sim/world.ts';
import type { Call } from '../../telephony/call.ts';
import type { Log } from '../../telephony/log.ts';
import type { Telephony } from '../../telephony/telephony.ts';

export interface DemoOptions {
  world: SimWorld;
  telephony: Telephony;
  /** the engine's board number of the simulated board */
  board: number;
  clock: Clock;
  log: Log;
  intervalMs: number;
  callMs: number;
  from: string[];
}

export class Demo {
  #timer: TimerHandle | undefined;
  #n = 0;
  #stopped = false;
  readonly placed: { atMs: number; kind: 'pstn' | 'internal'; from: string; to: string }[] = [];

  /** A demo phone left off hook after its call hangs up a second later. */
  #ended = ({ call }: { call: Call }) => {
    for (const leg of call.legs) {
      if (leg.kind !== 'fxs' || leg.channel.board !== this.o.board) continue;
      const phone = this.o.world.phones.all().find((p) => p.channel === leg.channel.number);
      if (phone?.state.hook === 'off')
        this.o.world.after(1000).then(
          () => phone.onhook(),
          () => {},
        );
    }
  };

  constructor(private readonly o: DemoOptions) {}

  start(firstAfterMs = 2000): this {
    this.o.telephony.on('call:ended', this.#ended);
    this.#schedule(firstAfterMs);
    return this;
  }

  stop(): void {
    this.#stopped = true;
    this.o.telephony.off('call:ended', this.#ended);
    if (this.#timer) this.o.clock.clearTimeout(this.#timer);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = this.o.clock.setTimeout(() => {
      try {
        this.tick();
      } catch (e) {
        this.o.log.warn({ err: (e as Error).message }, 'demo: call not placed');
      }
      this.#schedule(this.o.intervalMs);
    }, ms);
  }

  /** Places the next demo call. */
  tick(): void {
    const n = this.#n++;
    const { world, telephony } = this.o;
    if (n % 4 === 3) {
      const phones = world.phones.all().filter((p) => p.state.hook === 'on' && !p.state.ringing);
      const [a, b] = [phones.at(-1), phones.at(-2)];
      if (a && b) {
        a.offhook();
        world.after(1500).then(
          () => a.dial(`${b.extension}#`),
          () => {},
        );
        world.after(1500 + this.o.callMs).then(
          () => a.onhook(),
          () => {},
        );
        this.placed.push({ atMs: this.o.clock.now(), kind: 'internal', from: a.extension, to: b.extension });
        return;
      }
    }
    const line = telephony.inventory.channels((c) => c.kind === 'fxo' && !c.leg && c.lineState === 'idle')[0];
    if (!line) return;
    const name = world.channel(line.number).name;
    const from = this.o.from[n % this.o.from.length]!;
    world.pstn.call({
      from,
      to: name,
      steps: [
        { op: 'silence', ms: 4000 },
        { op: 'press', digits: `${(n % 9) + 1}#` },
        { op: 'speak', ms: Math.min(4000, this.o.callMs) },
        { op: 'silence', ms: this.o.callMs },
        { op: 'hangup' },
      ],
    });
    this.placed.push({ atMs: this.o.clock.now(), kind: 'pstn', from, to: name });
    this.o.log.info({ from, to: name }, 'demo: a caller rings in');
  }
}
