// Turns bench_dsp's raw figures into the report: the --json object and the
// table. Units everywhere: ns per channel-sample (one 8 kHz channel's sample
// through the stage). One channel makes 8000 samples a second, so it has
// 1e9 / 8000 = 125,000 ns per sample of one core to spend: a core carries
// 125,000 / ns channels in real time.
import { formatTable } from '../benchmark.ts';

export const NS_PER_SAMPLE_BUDGET = 125_000;
export const TARGETS = { dtmfRatio: 10, tonesRatio: 10, pipelineChannelsPerCore: 20_000 } as const;

export interface RawCase {
  ns: number;
  bestNs: number;
  wallNs: number;
  runsNs: number[];
}

interface RawSequenceCheck {
  expected: number;
  reported: number;
  matched: number;
  missed: number;
  extra: number;
  channels: number;
  exactChannels: number;
  byName?: Record<string, { expected: number; reported: number }>;
  firstMismatch?: { channel: number; expected: string; reported: string };
}

export interface RawReport {
  isa: string;
  core: number;
  pinned: boolean;
  spandspRelease: string;
  config: {
    channels: number;
    seconds: number;
    frameSamples: number;
    reps: number;
    minSecondsPerRep: number;
    seed: number;
    plan: string;
    pipelineLaw: string;
  };
  cases: Record<string, RawCase>;
  check: {
    dtmf: { ours: RawSequenceCheck; spandsp: RawSequenceCheck };
    tones?: { ours: RawSequenceCheck; spandsp: RawSequenceCheck; spandspPlan: string[] };
    pipeline?: { dtmf: RawSequenceCheck; tones: RawSequenceCheck };
    g711: { ulawDecodeDiffs: number; ulawEncodeDiffs: number; alawDecodeDiffs: number; alawEncodeDiffs: number };
  };
}

export interface Environment {
  cpuModel: string;
  spandspPackage: string | null;
  planName: string | null;
}

const perCore = (ns: number) => Math.round(NS_PER_SAMPLE_BUDGET / ns);
const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function pair(raw: RawReport, ours: string, ref: string) {
  const o = raw.cases[ours];
  const r = raw.cases[ref];
  if (!o || !r) return null;
  return {
    ns: round(o.ns),
    spandspNs: round(r.ns),
    ratio: round(r.ns / o.ns, 3),
    channelsPerCore: perCore(o.ns),
    spandspChannelsPerCore: perCore(r.ns),
    bestNs: round(o.bestNs),
    spandspBestNs: round(r.bestNs),
    wallNs: round(o.wallNs),
    spandspWallNs: round(r.wallNs),
  };
}

/** The --json object. */
export function shape(raw: RawReport, env: Environment): Record<string, unknown> {
  const dtmf = pair(raw, 'dtmf.ours', 'dtmf.spandsp');
  const gather = raw.cases['gather16.ours'];
  const frameGather = raw.cases['dtmf.oursFrameGather'];
  const tones = pair(raw, 'tones.ours', 'tones.spandsp');
  const ulaw = pair(raw, 'g711.ulaw.ours', 'g711.ulaw.spandsp');
  const alaw = pair(raw, 'g711.alaw.ours', 'g711.alaw.spandsp');
  const pipeline = pair(raw, 'pipeline.ours', 'pipeline.spandsp');
  return {
    cpuModel: env.cpuModel,
    isa: raw.isa,
    core: raw.core,
    pinned: raw.pinned,
    spandsp: { release: raw.spandspRelease, package: env.spandspPackage },
    method: {
      unit: 'ns per channel-sample',
      channelsPerCore: `${NS_PER_SAMPLE_BUDGET} / ns`,
      statistic: 'median',
      repetitions: raw.config.reps,
      minSecondsPerRepetition: raw.config.minSecondsPerRep,
      clock: 'thread CPU time',
      channels: raw.config.channels,
      secondsOfAudio: raw.config.seconds,
      frameSamples: raw.config.frameSamples,
      seed: raw.config.seed,
      tonePlan: env.planName,
    },
    dtmf: dtmf && {
      ...dtmf,
      gatherNs: gather ? round(gather.ns) : null,
      frameGatherNs: frameGather ? round(frameGather.ns) : null,
      target: { ratio: TARGETS.dtmfRatio, met: dtmf.ratio >= TARGETS.dtmfRatio },
    },
    tones: tones && { ...tones, target: { ratio: TARGETS.tonesRatio, met: tones.ratio >= TARGETS.tonesRatio } },
    g711: ulaw && { law: 'ulaw', ...ulaw, alaw: alaw && { law: 'alaw', ...alaw } },
    pipeline: pipeline && {
      law: raw.config.pipelineLaw,
      ...pipeline,
      target: {
        channelsPerCore: TARGETS.pipelineChannelsPerCore,
        met: pipeline.channelsPerCore >= TARGETS.pipelineChannelsPerCore,
      },
    },
    check: raw.check,
  };
}

const fmtNs = (ns: number) => (ns >= 100 ? ns.toFixed(0) : ns >= 10 ? ns.toFixed(1) : ns.toFixed(2));
const fmtInt = (n: number) => n.toLocaleString('en-US');

function sequenceLine(c: RawSequenceCheck): string {
  return `${fmtInt(c.reported)} (missed ${c.missed}, extra ${c.extra}; ${c.exactChannels}/${c.channels} channels exact)`;
}

/** The table and what it means. */
export function table(raw: RawReport, env: Environment): string {
  const j = shape(raw, env) as {
    dtmf: (NonNullable<ReturnType<typeof pair>> & { gatherNs: number | null; frameGatherNs: number | null }) | null;
    tones: ReturnType<typeof pair>;
    g711: (NonNullable<ReturnType<typeof pair>> & { alaw: ReturnType<typeof pair> }) | null;
    pipeline: ReturnType<typeof pair>;
  };
  const rows: string[][] = [];
  const row = (label: string, p: ReturnType<typeof pair>, target: string, met: boolean | null) => {
    if (!p) return;
    rows.push([
      label,
      fmtNs(p.ns),
      fmtInt(p.channelsPerCore),
      fmtNs(p.spandspNs),
      fmtInt(p.spandspChannelsPerCore),
      `${p.ratio.toFixed(1)}x`,
      target,
      met === null ? '' : met ? 'met' : 'MISSED',
    ]);
  };
  const plan = env.planName ?? 'no plan';
  row('DTMF detector (16-lane bank, rx16)', j.dtmf, `>= ${TARGETS.dtmfRatio}x`, j.dtmf && j.dtmf.ratio >= TARGETS.dtmfRatio);
  row(`call progress (${plan} plan)`, j.tones, `>= ${TARGETS.tonesRatio}x`, j.tones && j.tones.ratio >= TARGETS.tonesRatio);
  row('G.711 mu-law decode+encode', j.g711, '', null);
  row('G.711 A-law decode+encode', j.g711?.alaw ?? null, '', null);
  row(
    `whole pipeline (${raw.config.pipelineLaw === 'alaw' ? 'A-law' : 'mu-law'})`,
    j.pipeline,
    `>= ${fmtInt(TARGETS.pipelineChannelsPerCore)} ch`,
    j.pipeline && j.pipeline.channelsPerCore >= TARGETS.pipelineChannelsPerCore,
  );

  const c = raw.config;
  const out: string[] = [];
  out.push(
    `DSP benchmark: ${c.channels} channels x ${c.seconds} s of 8 kHz audio (speech, DTMF, ${plan} call-progress tones), 20 ms frames`,
  );
  out.push(
    `CPU ${env.cpuModel}, core ${raw.core} (${raw.pinned ? 'pinned' : 'NOT pinned'}), engine kernels ${raw.isa}; ` +
      `spandsp ${env.spandspPackage ?? raw.spandspRelease} (Debian)`,
  );
  out.push(
    `ns per channel-sample, median of ${c.reps} repetitions of >= ${c.minSecondsPerRep} s thread CPU time each; ` +
      `channels/core = 125,000 / ns; "x" = spandsp ns / engine ns`,
  );
  out.push('');
  out.push(formatTable(['', 'engine ns', 'ch/core', 'spandsp ns', 'ch/core', 'cheaper', 'target', ''], rows));
  if (j.dtmf?.gatherNs != null) {
    out.push(`  DTMF rx16 includes the int16 -> float lane interleave; gather16 alone over whole frames: ${fmtNs(j.dtmf.gatherNs)} ns`);
  }
  if (j.dtmf?.frameGatherNs != null) {
    const r = j.dtmf.spandspNs / j.dtmf.frameGatherNs;
    out.push(
      `  DTMF with each frame interleaved at once (gather16, then rx): ${fmtNs(j.dtmf.frameGatherNs)} ns, ${r.toFixed(1)}x cheaper than spandsp`,
    );
  }
  if (!j.tones) out.push('  call progress and pipeline not measured: no tone plan');

  out.push('', 'answers on the same input, one pass from a fresh state:');
  const d = raw.check.dtmf;
  out.push(`  DTMF digits:  expected ${fmtInt(d.ours.expected)}`);
  out.push(`    engine   ${sequenceLine(d.ours)}`);
  out.push(`    spandsp  ${sequenceLine(d.spandsp)}`);
  const t = raw.check.tones;
  if (t) {
    out.push(`  tone onsets:  expected ${fmtInt(t.ours.expected)} bursts`);
    out.push(`    engine   ${sequenceLine(t.ours)}`);
    out.push(`    spandsp  ${sequenceLine(t.spandsp)}`);
    const names = Object.keys({ ...t.ours.byName, ...t.spandsp.byName }).sort();
    const by = names.map((n) => {
      const e = t.ours.byName?.[n]?.expected ?? t.spandsp.byName?.[n]?.expected ?? 0;
      return `${n} ${e}/${t.ours.byName?.[n]?.reported ?? 0}/${t.spandsp.byName?.[n]?.reported ?? 0}`;
    });
    out.push(`    by tone (expected/engine/spandsp): ${by.join(', ')}`);
  }
  const p = raw.check.pipeline;
  if (p) {
    out.push(`  engine pipeline (from A-law): digits ${sequenceLine(p.dtmf)}`);
    out.push(`                                tones  ${sequenceLine(p.tones)}`);
  }
  const g = raw.check.g711;
  const diffs = g.ulawDecodeDiffs + g.ulawEncodeDiffs + g.alawDecodeDiffs + g.alawEncodeDiffs;
  out.push(
    diffs === 0
      ? '  G.711: engine and spandsp agree on all 256 codes and all 65,536 linear values, both laws'
      : `  G.711 differences from spandsp: mu-law decode ${g.ulawDecodeDiffs}/256, encode ${g.ulawEncodeDiffs}/65536; ` +
          `A-law decode ${g.alawDecodeDiffs}/256, encode ${g.alawEncodeDiffs}/65536`,
  );
  out.push('', 'Benchmark figures, not test assertions (see bench/README.md).');
  return out.join('\n');
}
