// dial(): call out on an FXO line or an E1 timeslot and find out what the far
// end is. FXO: seize, wait for dial tone, send the number in DTMF (or as dial
// pulses: `{ pulse: true }` or the line's configuration), then listen.
// E1 CAS: seize, send the number in-band (DTMF) after the seizure is
// acknowledged, then listen; the answer comes as CAS bits. With MFC-R2
// registers on the span (dial-r2.ts) the numbers go in the registers and the
// exchange's group B answer comes first. Listening: tone
// detection and energy, with the line's own answer signal when it has one:
//   ringback                    -> alerting (keep listening)
//   line:answered (polarity/CAS) -> answered, once answerListenMs passes
//                                   without a fax tone, or voice lasts answerVoiceMs
//   ringback ended, no other tone for ringbackEndAnswerMs -> answered
//   voice with no tone recognised for voiceAnswerConfirmMs -> answered
//   busy / congestion / sit     -> busy / congestion / unallocated
//   cng / ced                   -> fax
//   nothing before the timeout  -> no-answer
//   the line fails or drops     -> failed
// ISDN PRI: dial-isdn.ts (the result comes from the signalling's causes).
// Telling a person from an answering machine comes with the dialer.
import type { TimerHandle } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { NativeEvent } from './engine-port.ts';
import { attemptIsdn } from './dial-isdn.ts';
import { sendRegisters } from './dial-r2.ts';
import type { Leg, LegContext } from './leg.ts';
import type { DialOptions, DialResult, EndCause } from './types.ts';

export interface DialClassification {
  result: DialResult;
  /** how it was decided: the tone, the signal, the timeout */
  detail: string;
}

const TONE_RESULTS: Partial<Record<string, DialResult>> = {
  busy: 'busy',
  congestion: 'congestion',
  sit: 'unallocated',
  cng: 'fax',
  ced: 'fax',
};

export function checkNumber(number: string): void {
  if (!/^[0-9*#A-D]{1,32}$/.test(number)) {
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `dial: '${number}' is not a number (1 to 32 of 0-9 * # A-D)`);
  }
}

/** Runs the dial procedure on an idle leg; the leg ends unless the result is `answered`. */
export async function runDial(leg: Leg, number: string, opts: DialOptions, ctx: LegContext): Promise<DialClassification> {
  checkNumber(number);
  leg.remote = number;
  const run = leg.channel.signalling === 'pri' ? attemptIsdn : attempt;
  const outcome = await run(leg, number, opts, ctx).catch((e: unknown): DialClassification => {
    if (e instanceof CtiError && e.canceled && !leg.live)
      return { result: 'failed', detail: `line lost (${leg.cause}: ${leg.detail ?? ''})` };
    return { result: 'failed', detail: (e as Error).message };
  });
  leg.log.info({ number, result: outcome.result, detail: outcome.detail }, 'dial result');
  if (outcome.result === 'answered' && leg.live) {
    leg.connected(`answered (${outcome.detail})`);
    void leg.want('progress', undefined);
  } else if (leg.live) {
    await leg.hangup(outcome.result as EndCause, outcome.detail);
  } else if (outcome.result === 'answered') {
    return { result: 'failed', detail: `line lost (${leg.cause})` };
  }
  return outcome;
}

async function attempt(leg: Leg, number: string, opts: DialOptions, ctx: LegContext): Promise<DialClassification> {
  const t = ctx.timings;
  if (leg.kind === 'e1' && leg.channel.registers === 'mfcr2') {
    await leg.want('progress', { tones: true, energy: true });
    const refused = await sendRegisters(leg, number, opts, ctx);
    if (refused) return refused;
    return listen(leg, opts.timeout ?? t.noAnswerTimeoutMs, ctx);
  }
  try {
    await leg.seize();
  } catch (e) {
    return { result: 'failed', detail: `seize: ${(e as Error).message}` };
  }
  await leg.want('progress', { tones: true, energy: true });
  if (leg.kind === 'fxo') {
    if (t.requireDialTone && ctx.toneDetection) {
      const got = await waitEvent(leg, ctx, t.dialToneTimeoutMs, (e) => e.type === 'tone:start' && e.name === 'dial');
      if (!got) return { result: 'failed', detail: 'no dial tone' };
    } else {
      await ctx.clock.sleep(t.blindDialDelayMs);
    }
  } else {
    await ctx.clock.sleep(300); // E1: the seizure acknowledgement
  }
  if (!leg.live) return { result: 'failed', detail: `line lost (${leg.cause})` };
  const pulse = leg.kind === 'fxo' && (opts.pulse ?? ctx.pulseDialling?.(leg.channel.ref) ?? false);
  if (pulse) {
    const sent = await pulseDial(leg, number, ctx);
    if (sent) return sent;
  } else {
    await leg.play({ digits: number });
  }
  if (!leg.live) return { result: 'failed', detail: `line lost (${leg.cause})` };
  leg.move('proceeding', 'number sent');
  return listen(leg, opts.timeout ?? t.noAnswerTimeoutMs, ctx);
}

/** FXO: the number as dial pulses (digits only); null once the last pulse went out, else why not. */
async function pulseDial(leg: Leg, number: string, ctx: LegContext): Promise<DialClassification | null> {
  if (!/^[0-9]+$/.test(number)) return { result: 'failed', detail: `pulse dialling sends digits 0-9 only, not '${number}'` };
  // 10 pulses of 100 ms and a pause per digit at most, and some slack.
  const done = waitEvent(leg, ctx, number.length * 2000 + 2000, (e) => e.type === 'line:dialed');
  if (!ctx.engine.pulseDial) return { result: 'failed', detail: 'this engine cannot pulse dial' };
  await ctx.engine.pulseDial(leg.channel.ref, number);
  return (await done) ? null : { result: 'failed', detail: 'pulse dialling did not finish' };
}

/** Resolves true when `match` sees an event of the leg within `ms`, false on timeout or when the leg ends. */
function waitEvent(leg: Leg, ctx: LegContext, ms: number, match: (e: NativeEvent) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const on = (e: NativeEvent) => {
      if (match(e)) done(true);
    };
    const onEnd = () => done(false);
    const timer = ctx.clock.setTimeout(() => done(false), ms);
    const done = (v: boolean) => {
      ctx.clock.clearTimeout(timer);
      leg.off('leg:tone', on);
      leg.off('leg:line', on);
      leg.off('leg:ended', onEnd);
      resolve(v);
    };
    leg.on('leg:tone', on);
    leg.on('leg:line', on);
    leg.on('leg:ended', onEnd);
  });
}

function listen(leg: Leg, timeoutMs: number, ctx: LegContext): Promise<DialClassification> {
  const { clock, timings } = ctx;
  return new Promise((resolve) => {
    const tonesOn = new Set<string>();
    let confirm: TimerHandle | undefined;
    const noAnswer = clock.setTimeout(() => finish({ result: 'no-answer', detail: `no answer in ${timeoutMs} ms` }), timeoutMs);
    const arm = (ms: number, detail: string) => {
      disarm();
      confirm = clock.setTimeout(() => finish({ result: 'answered', detail }), ms);
    };
    const disarm = () => {
      if (confirm) clock.clearTimeout(confirm);
      confirm = undefined;
    };
    const onTone = (e: NativeEvent) => {
      const tone = e.name ?? '';
      if (e.type === 'tone:start') {
        tonesOn.add(tone);
        disarm();
        const r = TONE_RESULTS[tone];
        if (r) finish({ result: r, detail: `${tone} tone` });
        else if (tone === 'ringback') leg.move('alerting', 'ringback');
        else if (tone === 'dial') finish({ result: 'failed', detail: 'dial tone after the number' });
      } else {
        tonesOn.delete(tone);
        if (tone === 'ringback' && tonesOn.size === 0) arm(timings.ringbackEndAnswerMs, 'ringback ended');
      }
    };
    // Set by the line's answer signal: what answered is still to be told (a fax tone, or not).
    let signal: string | undefined;
    let listenEnd: TimerHandle | undefined;
    const onVoice = () => {
      if (tonesOn.size > 0 || confirm) return;
      if (signal) arm(timings.answerVoiceMs, `${signal}, voice`);
      else arm(timings.voiceAnswerConfirmMs, 'voice');
    };
    const onEnergy = (e: NativeEvent) => {
      if (e.type === 'energy:voice') onVoice();
    };
    const onLine = (e: NativeEvent) => {
      if (e.type !== 'line:answered' || signal) return;
      signal = e.name ?? 'answer signal';
      if (timings.answerListenMs <= 0) return finish({ result: 'answered', detail: signal });
      clock.clearTimeout(noAnswer);
      disarm();
      listenEnd = clock.setTimeout(() => finish({ result: 'answered', detail: signal! }), timings.answerListenMs);
      if (leg.hearsVoice) onVoice();
    };
    const onEnded = () => finish({ result: 'failed', detail: `line lost (${leg.cause}${leg.detail ? `: ${leg.detail}` : ''})` });
    const finish = (c: DialClassification) => {
      clock.clearTimeout(noAnswer);
      if (listenEnd) clock.clearTimeout(listenEnd);
      disarm();
      leg.off('leg:tone', onTone);
      leg.off('leg:energy', onEnergy);
      leg.off('leg:line', onLine);
      leg.off('leg:ended', onEnded);
      resolve(c);
    };
    leg.on('leg:tone', onTone);
    leg.on('leg:energy', onEnergy);
    leg.on('leg:line', onLine);
    leg.on('leg:ended', onEnded);
  });
}
