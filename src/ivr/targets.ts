// Where a flow ends: a queue, an extension, voicemail, fax-on-demand or a
// hang-up. The IVR calls these through IvrTargets so that each service plugs
// in its own: the ACD gives `queue`; extension and hangup come with the
// telephony core (defaultTargets). Voicemail and fax-on-demand are NOT YET
// AVAILABLE: their default plays an apology ('ivr-unavailable') and hangs up.
//
// A target resolves 'done' when it has taken the call (the IVR session ends),
// or 'unavailable' when it cannot (the node's onFail, else an apology).
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';

export type TargetResult = 'done' | 'unavailable';

export interface TargetContext {
  /** the caller's leg */
  leg: Leg;
  log: Log;
  /** extension: ms to ring */
  timeoutMs?: number;
  /** plays a named prompt to the caller (in the flow's language) */
  play(prompt: string): Promise<void>;
}

export interface IvrTargets {
  queue(call: Call, name: string, ctx: TargetContext): Promise<TargetResult>;
  extension(call: Call, ext: string, ctx: TargetContext): Promise<TargetResult>;
  voicemail(call: Call, box: string, ctx: TargetContext): Promise<TargetResult>;
  fax(call: Call, document: string, ctx: TargetContext): Promise<TargetResult>;
  hangup(call: Call, ctx: TargetContext): Promise<TargetResult>;
}

export interface DefaultTargetsOptions {
  /** rings an extension for the caller, bridging on answer (InboundRouter.ringExtension) */
  ringExtension(call: Call, caller: Leg, ext: string, timeoutMs: number): Promise<void>;
  /** the ACD's queue target, when there is one */
  queue?: IvrTargets['queue'];
}

async function notYet(what: string, call: Call, ctx: TargetContext): Promise<TargetResult> {
  ctx.log.warn({ target: what }, `IVR: ${what} is not available yet: apology and hang-up`);
  await ctx.play('ivr-unavailable');
  await call.hangup('normal', `${what} not available`);
  return 'done';
}

export function defaultTargets(o: DefaultTargetsOptions): IvrTargets {
  return {
    queue:
      o.queue ??
      (async (_call, name, ctx) => {
        ctx.log.warn({ queue: name }, 'IVR: no ACD to queue the call in');
        return 'unavailable';
      }),
    async extension(call, ext, ctx) {
      await o.ringExtension(call, ctx.leg, ext, ctx.timeoutMs ?? 30000);
      return 'done';
    },
    voicemail: (call, box, ctx) => notYet(`voicemail (box ${box})`, call, ctx),
    fax: (call, doc, ctx) => notYet(`fax-on-demand (${doc})`, call, ctx),
    async hangup(call) {
      await call.hangup('normal', 'IVR done');
      return 'done';
    },
  };
}
