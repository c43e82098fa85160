// dial() on an ISDN PRI B channel: the far end is found from the signalling,
// not from tones. SETUP with the number (and callerId, presented or
// restricted), then the network says what happens:
//   CALL PROCEEDING                     -> proceeding
//   ALERTING                            -> alerting
//   PROGRESS with a cause (in-band info) -> by the cause (unallocated...)
//   CONNECT                             -> answered
//   DISCONNECT / RELEASE with a cause   -> busy 17, no-answer 18/19,
//                                          unallocated 1/3/22/28,
//                                          congestion 34/38/41/42/44/47,
//                                          otherwise failed
//   nothing before the timeout          -> no-answer (we clear, cause 16)
import type { NativeEvent } from './engine-port.ts';
import type { Leg, LegContext } from './leg.ts';
import { dialResultOfCause } from './q850.ts';
import type { DialClassification } from './dial.ts';
import type { DialOptions } from './types.ts';

export async function attemptIsdn(leg: Leg, number: string, opts: DialOptions, ctx: LegContext): Promise<DialClassification> {
  const { engine, clock } = ctx;
  if (!engine.setup) return { result: 'failed', detail: 'this engine cannot place ISDN calls' };
  const timeoutMs = opts.timeout ?? ctx.timings.noAnswerTimeoutMs;
  leg.move('dialing', 'setup');
  const outcome = new Promise<DialClassification>((resolve) => {
    const noAnswer = clock.setTimeout(() => finish({ result: 'no-answer', detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
    const onLine = (e: NativeEvent) => {
      const cause = e.value ?? 0;
      switch (e.type) {
        case 'line:proceeding':
          leg.move('proceeding', 'call proceeding');
          break;
        case 'line:alerting':
          leg.move('proceeding', 'call proceeding');
          leg.move('alerting', 'alerting');
          break;
        case 'line:progress': {
          const r = cause ? dialResultOfCause(cause) : undefined;
          if (r) finish({ result: r, detail: `progress, cause ${cause}` });
          break;
        }
        case 'line:answered':
          finish({ result: 'answered', detail: 'connect' });
          break;
        case 'line:disconnect':
          finish({ result: dialResultOfCause(cause) ?? 'failed', detail: `cause ${cause} (${e.name ?? ''})` });
          break;
        default:
          break;
      }
    };
    const onEnded = () => finish({ result: 'failed', detail: `line lost (${leg.cause}${leg.detail ? `: ${leg.detail}` : ''})` });
    const finish = (c: DialClassification) => {
      clock.clearTimeout(noAnswer);
      leg.off('leg:line', onLine);
      leg.off('leg:ended', onEnded);
      resolve(c);
    };
    leg.on('leg:line', onLine);
    leg.on('leg:ended', onEnded);
  });
  try {
    await engine.setup(leg.ref, {
      called: number,
      ...(opts.callerId ? { calling: opts.callerId } : {}),
      ...(opts.presentation ? { presentation: opts.presentation } : {}),
    });
  } catch (e) {
    return { result: 'failed', detail: `setup: ${(e as Error).message}` };
  }
  return outcome;
}
