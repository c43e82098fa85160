// `boardcti dsp ...`: the engine's detectors run offline on a WAV file. Output is
// one JSON object per line, the contract conformance checks rely on:
//   dsp dtmf FILE.wav                  {"digit":"5","startMs":1234,"endMs":1284}
//   dsp tones FILE.wav --plan cn|itu|us {"tone":"busy","startMs":0,"endMs":4200}
//   dsp callerid FILE.wav              {"format":"bell202","number":"13800138000","name":"...","time":"11231545"}
//     (format bell202|v23|dtmf; fields absent when not sent; "withheld":"private"|"unavailable")
// Exit status: 0 ok, 2 bad usage or a file that is not a readable WAV.
import { CtiError, detectCallerId, detectDtmf, detectPlanTones, readWav, type CallerIdHit } from '../native/index.ts';
import { loadTonePlanJson, TONE_PLAN_NAMES } from '../dsp/tones.ts';

const USAGE = `usage:
  boardcti dsp dtmf FILE.wav
  boardcti dsp tones FILE.wav --plan cn|itu|us
  boardcti dsp callerid FILE.wav
FILE.wav: 8 kHz 16-bit PCM, mu-law or A-law (other rates and formats are resampled)
`;

function fail(msg: string): number {
  process.stderr.write(`boardcti dsp: ${msg}\n`);
  return 2;
}

function readSamples(path: string): Int16Array {
  return readWav(path).samples;
}

function parseArgs(args: string[]): { positional: string[]; plan?: string } {
  const positional: string[] = [];
  let plan: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--plan') plan = args[++i];
    else if (a.startsWith('--plan=')) plan = a.slice('--plan='.length);
    else if (a.startsWith('--')) throw new UsageError(`unknown option '${a}'`);
    else positional.push(a);
  }
  return { positional, ...(plan !== undefined ? { plan } : {}) };
}

class UsageError extends Error {}

export async function runDsp(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  try {
    const { positional, plan } = parseArgs(rest);
    if (positional.length !== 1) throw new UsageError('expected exactly one FILE.wav');
    const file = positional[0]!;
    const out: string[] = [];
    if (what === 'dtmf') {
      for (const d of detectDtmf(readSamples(file))) {
        out.push(JSON.stringify({ digit: d.digit, startMs: d.startMs, endMs: d.endMs }));
      }
    } else if (what === 'tones') {
      if (!plan) throw new UsageError(`--plan is required (${TONE_PLAN_NAMES.join('|')})`);
      if (!(TONE_PLAN_NAMES as readonly string[]).includes(plan))
        throw new UsageError(`unknown plan '${plan}' (${TONE_PLAN_NAMES.join('|')})`);
      const json = loadTonePlanJson(plan as (typeof TONE_PLAN_NAMES)[number]);
      for (const t of detectPlanTones(readSamples(file), json)) {
        out.push(JSON.stringify({ tone: t.tone, startMs: t.startMs, endMs: t.endMs }));
      }
    } else if (what === 'callerid') {
      if (plan !== undefined) throw new UsageError('--plan applies to dsp tones only');
      for (const h of detectCallerId(readSamples(file))) out.push(JSON.stringify(callerIdJson(h)));
    } else {
      throw new UsageError(what ? `unknown dsp command '${what}'` : 'missing dsp command');
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}\n${USAGE}`);
    if (e instanceof CtiError && (e.code === 'CTI_ERR_BAD_WAV' || e.code === 'CTI_ERR_FILE_IO')) return fail(e.message);
    throw e;
  }
}

/** The CLI's view of a caller ID hit: format and the fields that were sent. */
function callerIdJson(h: CallerIdHit): Record<string, string> {
  const out: Record<string, string> = { format: h.format };
  if (h.number !== undefined) out.number = h.number;
  if (h.name !== undefined) out.name = h.name;
  if (h.time !== undefined) out.time = h.time;
  if (h.withheld !== undefined) out.withheld = h.withheld;
  if (h.messageWaiting !== undefined) out.messageWaiting = h.messageWaiting ? 'on' : 'off';
  return out;
}
