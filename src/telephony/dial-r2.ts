// dial() on an E1 CAS timeslot whose span runs MFC-R2 registers: the engine
// seizes the timeslot and, once the seizure is acknowledged, sends the number
// (DNIS) and the calling number (ANI: callerId, else the line's own number;
// withheld when presentation is restricted) in compelled register signals
// (native/sig/r2_register.h). The exchange's group B answer says what the far
// end is before any tone:
//   subscriber free (B-1 China, B-6 ITU) -> alerting, then listen as on any CAS line
//   busy / congestion / unallocated / out of order -> by the Q.850 cause it stands for
//   the registers fail or time out       -> failed
import type { Leg, LegContext } from './leg.ts';
import { dialResultOfCause } from './q850.ts';
import type { DialClassification } from './dial.ts';
import { signalledDial } from './dial-signalled.ts';
import type { DialOptions } from './types.ts';

/** The registers' outcome: null when the far end is free (listen next), else the result. */
export async function sendRegisters(leg: Leg, number: string, opts: DialOptions, ctx: LegContext): Promise<DialClassification | null> {
  if (!ctx.engine.setup) return { result: 'failed', detail: 'this engine cannot send MFC-R2 registers' };
  if (!/^[0-9]{1,32}$/.test(number)) return { result: 'failed', detail: `MFC-R2 registers send the digits 0-9 only, not '${number}'` };
  const calling = (opts.callerId ?? leg.channel.role.number ?? '').replace(/[^0-9]/g, '');
  leg.move('dialing', 'seize, registers');
  // Each compelled cycle takes a few hundred ms; 64 digits and the category fit easily.
  return signalledDial<DialClassification | null>(leg, ctx, {
    request: {
      called: number,
      ...(calling ? { calling } : {}),
      ...(opts.presentation ? { presentation: opts.presentation } : {}),
    },
    what: 'seize',
    timeoutMs: 30_000,
    onTimeout: () => ({ result: 'failed', detail: 'the registers did not finish' }),
    onLine: (e, finish) => {
      if (e.type === 'line:alerting') {
        leg.move('proceeding', 'numbers sent');
        leg.move('alerting', 'subscriber free (group B)');
        finish(null);
      } else if (e.type === 'line:progress') {
        const cause = e.value ?? 0;
        if (cause) finish({ result: dialResultOfCause(cause) ?? 'failed', detail: `group B answer, cause ${cause}` });
        else finish({ result: 'failed', detail: `registers: ${e.name ?? 'failed'}` });
      }
    },
  });
}
