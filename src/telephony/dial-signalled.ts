// What dial() on a signalled trunk (ISDN PRI, MFC-R2 registers on E1 CAS)
// shares: the engine's setup request for the leg, then the outcome decided
// from the line's events, a timeout, or the line lost; listeners and the timer
// go with the outcome whichever comes first.
import type { NativeEvent, SetupRequest } from './engine-port.ts';
import type { Leg, LegContext } from './leg.ts';
import type { DialClassification } from './dial.ts';

export interface SignalledDial<T> {
  request: SetupRequest;
  /** what the setup is called in a failure's detail ('setup', 'seize') */
  what: string;
  timeoutMs: number;
  onTimeout: () => T;
  /** reads one line event; calls `finish` once the outcome is known */
  onLine: (e: NativeEvent, finish: (outcome: T) => void) => void;
}

export async function signalledDial<T extends DialClassification | null>(
  leg: Leg,
  ctx: LegContext,
  o: SignalledDial<T>,
): Promise<T | DialClassification> {
  const { engine, clock } = ctx;
  if (!engine.setup) throw new Error('signalledDial: the engine has no setup (the caller checks first)');
  const outcome = new Promise<T | DialClassification>((resolve) => {
    const timer = clock.setTimeout(() => finish(o.onTimeout()), o.timeoutMs);
    const onLine = (e: NativeEvent) => o.onLine(e, finish);
    const onEnded = () => finish({ result: 'failed', detail: `line lost (${leg.cause}${leg.detail ? `: ${leg.detail}` : ''})` });
    const finish = (c: T | DialClassification) => {
      clock.clearTimeout(timer);
      leg.off('leg:line', onLine);
      leg.off('leg:ended', onEnded);
      resolve(c);
    };
    leg.on('leg:line', onLine);
    leg.on('leg:ended', onEnded);
  });
  try {
    await engine.setup(leg.ref, o.request);
  } catch (e) {
    return { result: 'failed', detail: `${o.what}: ${(e as Error).message}` };
  }
  return outcome;
}
