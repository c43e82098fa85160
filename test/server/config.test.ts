// The configuration file: the default one is valid and says what the issue
// asks (the simulated board, tone plan cn, extensions 101-108, every line to
// the welcome prompt then extension 101); bad files fail with errors that name
// the file, line and column.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseChannelList, parseConfig } from '../../src/config/load.ts';
import { CtiError } from '../../src/native/errors.ts';
import { createRuntime } from '../../src/server/runtime.ts';
import { memoryLog } from '../../src/telephony/log.ts';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'bad.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('loads the default file with its defaults filled in', () => {
    const c = loadConfig();
    expect(c.boards).toEqual([{ name: 'sim0', driver: 'sim', fxs: 8, fxo: 8, e1: 1, law: 'alaw', seed: 1, spans: [] }]);
    expect(c.engine.tonePlan).toBe('cn');
    expect(c.extensions.map((x) => [x.number, x.port])).toEqual(
      [101, 102, 103, 104, 105, 106, 107, 108].map((n, i) => [String(n), `fxs:${i + 1}`]),
    );
    expect(c.routes.inbound).toEqual([
      {
        lines: 'any',
        prompt: 'welcome',
        collect: { max: 8, timeoutMs: 3000, interDigitTimeoutMs: 2000, terminators: '#' },
        ring: '101',
        ringTimeoutMs: 30000,
      },
    ]);
    expect(c.server).toEqual({ host: '127.0.0.1', port: 8080, logLevel: 'info' });
    expect(c.prompts.welcome).toBe('welcome.wav');
  });

  it('fills defaults into a minimal file', () => {
    const c = parseConfig('boards:\n  - driver: sim\n');
    expect(c.boards[0]).toMatchObject({ name: 'board0', fxs: 8, fxo: 8, e1: 1 });
    expect(c.routes.inbound).toEqual([]);
    expect(c.demo.intervalMs).toBe(20000);
  });

  it('names the line and column of a YAML syntax error', () => {
    const e = errorOf('boards:\n  - driver: sim\n    fxs: [1, 2\n');
    expect(e.code).toBe('CTI_ERR_BAD_ARGUMENT');
    expect(e.message).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(e.issues[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('names the line of an unknown option, a wrong value, a missing field', () => {
    const e = errorOf(['boards:', '  - driver: sim', '    fxs: 200', 'extensions:', '  - number: "101"', 'colour: blue', ''].join('\n'));
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i]));
    expect(byPath['colour']).toMatchObject({ line: 6, col: 1, message: expect.stringMatching(/unknown option \(known: server, engine/) });
    expect(byPath['boards[0].fxs']).toMatchObject({ line: 3, col: 10, message: 'must be <= 64' });
    expect(byPath['extensions[0]']).toMatchObject({ line: 5, message: "missing 'port'" });
    expect(e.message).toContain('bad.yaml:6:1: colour: unknown option');
  });

  it('names the line of a bad enum and a bad port', () => {
    const e = errorOf(['boards:', '  - driver: floppy', 'lines:', '  - port: "fxs:1"', ''].join('\n'));
    expect(e.message).toContain('bad.yaml:2:13: boards[0].driver: must be one of "sim", "dahdi"');
    expect(e.message).toContain(`bad.yaml:4:11: lines[0].port: "fxs:1" is not valid here (a line: 'fxo:N', 'e1:TS' or 'e1:SPAN:TS')`);
  });

  it('checks ports against the board, duplicate extensions and the extension a route rings', () => {
    const e = errorOf(
      [
        'boards:',
        '  - { driver: sim, fxs: 2, fxo: 1, e1: 1 }',
        'extensions:',
        '  - { number: "101", port: "fxs:1" }',
        '  - { number: "101", port: "fxs:3" }',
        'routes:',
        '  inbound:',
        '    - lines: ["fxo:2", "e1:16", "e1:2:1"]',
        '      ring: "109"',
        '',
      ].join('\n'),
    );
    expect(e.issues.map((i) => `${i.line}:${i.path}: ${i.message}`)).toEqual([
      '5:extensions[1].port: no FXS port 3 (the board has 2)',
      '5:extensions[1].number: extension 101 is already defined (extensions[0])',
      '8:routes.inbound[0].lines[0]: no FXO port 2 (the board has 1)',
      '8:routes.inbound[0].lines[1]: E1 timeslot 16 does not carry calls (1-15, 17-31)',
      '8:routes.inbound[0].lines[2]: no E1 span 2 (the board has 1)',
      '9:routes.inbound[0].ring: no extension "109" (have 101)',
    ]);
  });

  it('reads a file by path, and says when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardcti-cfg-'));
    writeFileSync(join(dir, 'c.yaml'), 'boards:\n  - driver: sim\n    fxs: -1\n');
    expect(() => loadConfig(join(dir, 'c.yaml'))).toThrow(/c\.yaml:3:10: boards\[0\]\.fxs: must be >= 0/);
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(expect.objectContaining({ code: 'CTI_ERR_FILE_IO' }));
  });
});

describe('driver: dahdi', () => {
  it('takes DAHDI channel numbers as system.conf writes them, and asks for them', () => {
    const c = parseConfig(
      'boards:\n  - driver: dahdi\n    channels: "1-4,9"\n    echoCancelTaps: 128\nextensions: []\nroutes: { inbound: [] }\n',
    );
    expect(c.boards[0]).toMatchObject({ driver: 'dahdi', channels: '1-4,9', echoCancelTaps: 128 });
    expect(parseChannelList(c.boards[0]!.channels!)).toEqual([1, 2, 3, 4, 9]);
    expect(errorOf('boards:\n  - driver: dahdi\n').message).toMatch(/boards\[0\]\.driver: driver: dahdi needs channels/);
    expect(errorOf('boards:\n  - driver: dahdi\n    channels: "1-"\n').message).toMatch(/bad.yaml:3:15: boards\[0\]\.channels: "1-"/);
  });

  it('stops the runtime with CTI_ERR_NO_DEVICE naming what is missing when DAHDI is not there', async () => {
    const c = parseConfig(
      'boards:\n  - driver: dahdi\n    channels: "1-2"\n    devDir: /nonexistent/dahdi\nextensions: []\nroutes: { inbound: [] }\n',
    );
    let err: unknown;
    try {
      await createRuntime(c, { log: memoryLog(), mode: 'stepped', speech: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('CTI_ERR_NO_DEVICE');
    expect((err as CtiError).message).toMatch(
      /\/nonexistent\/dahdi\/channel does not exist: DAHDI is not installed.*dahdi_genconf.*README/,
    );
  });
});
