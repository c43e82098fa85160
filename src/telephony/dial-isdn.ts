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
import type { Leg, LegContext } from './leg.ts';
import { dialResultOfCause } from './q850.ts';
import type { DialClassification } from './dial.ts';
import { signalledDial } from './dial-signalled.ts';
import type { DialOptions } from './types.ts';

export async function attemptIsdn(leg: Leg, number: string, opts: DialOptions, ctx: LegContext): Promise<DialClassification> {
  if (!ctx.engine.setup) return { result: 'failed', detail: 'this engine cannot place ISDN calls' };
  const timeoutMs = opts.timeout ?? ctx.timings.noAnswerTimeoutMs;
  leg.move('dialing', 'setup');
  return signalledDial<DialClassification>(leg, ctx, {
    request: {
      called: number,
      ...(opts.callerId ? { calling: opts.callerId } : {}),
      ...(opts.presentation ? { presentation: opts.presentation } : {}),
    },
    what: 'setup',
    timeoutMs,
    onTimeout: () => ({ result: 'no-answer', detail: `no answer in ${timeoutMs} ms` }),
    onLine: (e, finish) => {
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
    },
  });
}
