// DTMF caller ID in every variant, from reference DTMF tones
// (test/helpers/ref-callerid.ts dtmfDigits: plain sines), through the engine's
// DTMF receiver; and the CLI contract on WAV files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCallerId } from '../../src/native/index.ts';
import { BELL202, V23, dtmfDigits, fskBurst, mdmf, sdmf } from '../helpers/ref-callerid.ts';
import { add, awgn, concat, silence, throughLaw, toInt16, wavBytes } from '../helpers/ref-signal.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const detect = (x: Float64Array) => detectCallerId(toInt16(x)).map(({ startMs: _s, endMs: _e, ...rest }) => rest);
const dtmf = (digits: string, o?: Parameters<typeof dtmfDigits>[1]) => concat([silence(300), dtmfDigits(digits, o), silence(400)]);

describe('DTMF caller ID', () => {
  const cases: [string, Record<string, string>][] = [
    ['A13800138000C', { number: '13800138000' }], // Sweden, Finland, Denmark, Belgium, the Netherlands, India, Brazil
    ['A0612345678D0201234567C', { number: '0612345678', redirect: '0201234567' }],
    ['B00C', { withheld: 'unavailable' }],
    ['B10C', { withheld: 'private' }],
    ['D0223456789C', { number: '0223456789' }], // Taiwan, Kuwait
    ['A5551234#', { number: '5551234' }],
    ['D1#', { withheld: 'private' }],
    ['D2#', { withheld: 'unavailable' }], // international
    ['D3#', { withheld: 'unavailable' }],
    ['33123456#', { number: '33123456' }], // Denmark, the Netherlands: no start digit
  ];
  for (const [digits, want] of cases) {
    it(`${digits}`, () => {
      expect(detect(dtmf(digits))).toEqual([{ format: 'dtmf', ...want }]);
    });
  }

  it('reads fast (50 ms / 50 ms) and slow digits, low levels, A-law and noise', () => {
    expect(detect(dtmf('A123C', { on: 50, off: 50 }))).toEqual([{ format: 'dtmf', number: '123' }]);
    expect(detect(dtmf('A123C', { on: 100, off: 150 }))).toEqual([{ format: 'dtmf', number: '123' }]);
    expect(detect(throughLaw(dtmf('A13800138000C', { level: -30 }), 'alaw'))).toEqual([{ format: 'dtmf', number: '13800138000' }]);
    const x = dtmf('A13800138000C');
    expect(detect(add(x, awgn((x.length * 1000) / 8000, -25, 5)))).toEqual([{ format: 'dtmf', number: '13800138000' }]);
  });

  it('ignores digit runs that are not caller ID, and runs broken by a long gap', () => {
    for (const d of ['1234', 'A123', 'A12B3C', 'B01C', 'D4#', 'AC', '#', 'C', 'A1A2C', 'D12#']) expect(detect(dtmf(d)), d).toEqual([]);
    expect(detect(concat([dtmf('A123'), silence(600), dtmf('4C')]))).toEqual([]);
  });
});

describe('boardcti dsp callerid FILE.wav', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'src/cli/boardcti.mjs'), 'dsp', 'callerid', ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'bcti-cid-'));

  it('prints one JSON object per message, one per line, fields absent when not sent', () => {
    const x = concat([
      fskBurst(
        mdmf([
          [0x01, '11231545'],
          [0x02, '13800138000'],
          [0x07, 'ZHANG SAN'],
        ]),
        BELL202,
      ),
      silence(1000),
      fskBurst(sdmf('01020304', 'P'), V23),
      silence(1000),
      dtmf('A5551234C'),
      fskBurst(mdmf([[0x02, '0612345678']]), V23),
    ]);
    const want =
      [
        '{"format":"bell202","number":"13800138000","name":"ZHANG SAN","time":"11231545"}',
        '{"format":"v23","time":"01020304","withheld":"private"}',
        '{"format":"dtmf","number":"5551234"}',
        '{"format":"v23","number":"0612345678"}',
      ].join('\n') + '\n';
    for (const format of ['pcm16', 'ulaw', 'alaw'] as const) {
      const file = join(dir, `cid-${format}.wav`);
      writeFileSync(file, wavBytes(x, { format }));
      const r = cli(file);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(want);
    }
    const file = join(dir, 'cid-16k.wav'); // another rate is resampled, as for dsp dtmf
    const up = new Float64Array(x.length * 2);
    for (let i = 0; i < up.length; i++) up[i] = i % 2 ? ((x[i >> 1] ?? 0) + (x[(i >> 1) + 1] ?? 0)) / 2 : x[i >> 1]!;
    writeFileSync(file, wavBytes(up, { rate: 16000 }));
    expect(cli(file).stdout).toBe(want);
  });

  it('prints nothing for a file without caller ID, and a bit error prints nothing', () => {
    const quiet = join(dir, 'quiet.wav');
    writeFileSync(quiet, wavBytes(silence(1000)));
    expect(cli(quiet)).toMatchObject({ status: 0, stdout: '' });
    const m = sdmf('11231545', '13800138000');
    m[5] = m[5]! ^ 0x04;
    const damaged = join(dir, 'damaged.wav');
    writeFileSync(damaged, wavBytes(fskBurst(m, BELL202)));
    expect(cli(damaged)).toMatchObject({ status: 0, stdout: '' });
  });

  it('exits 2 with a message on bad input, as dsp dtmf does', () => {
    const notWav = join(dir, 'x.txt');
    writeFileSync(notWav, 'hello');
    for (const args of [[notWav], [join(dir, 'missing.wav')], [], [notWav, notWav], ['--bogus', notWav], [notWav, '--plan', 'cn']]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^boardcti dsp: /);
    }
  });
});
