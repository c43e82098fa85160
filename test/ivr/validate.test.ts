// The flow schema and the graph checks: a bad flow is refused with the node,
// the field, the line and the reason; unreachable nodes are a warning.
import { describe, expect, it } from 'vitest';
import { checkFlow, FlowError, parseFlow } from '../../src/ivr/validate.ts';

const GOOD = `
name: main
start: menu
nodes:
  menu:
    type: menu
    prompt: menu
    choices: { "1": sales, "2": balance }
    invalidPrompt: invalid
    onFail: bye
  sales: { type: extension, extension: "102" }
  balance:
    type: code
    run: account-balance
    next: say
    error: sorry
  say:
    type: play
    prompt: [ your-balance-is, { currency: "\${balance}", unit: CNY } ]
    next: menu
  sorry: { type: play, prompt: sorry, next: bye }
  bye: { type: hangup, prompt: goodbye }
`;

function issues(text: string, programs?: string[]): string[] {
  try {
    parseFlow(text, 'main.yaml', programs ? { programs: new Set(programs) } : {});
  } catch (e) {
    expect(e).toBeInstanceOf(FlowError);
    return (e as Error).message.split('\n');
  }
  return [];
}

describe('IVR flow validation', () => {
  it('accepts a good flow and fills in defaults', () => {
    const { flow, warnings } = parseFlow(GOOD, 'main.yaml', { programs: new Set(['account-balance']) });
    expect(warnings).toEqual([]);
    expect(flow.lang).toBe('en');
    expect(flow.nodes.menu).toMatchObject({ tries: 3, timeoutMs: 5000 });
    expect(flow.nodes.balance).toMatchObject({ timeoutMs: 5000 });
  });

  it('names the node, the field and the line of an unknown next node', () => {
    expect(issues(GOOD.replace('"1": sales', '"1": salse'))).toEqual([
      'main.yaml:8:21: nodes.menu.choices.1: unknown node "salse" (have menu, sales, balance, say, sorry, bye)',
    ]);
    expect(issues(GOOD.replace('start: menu', 'start: nope'))[0]).toMatch(/^main\.yaml:3:8: start: unknown node "nope"/);
  });

  it('refuses schema errors: unknown options, missing fields, bad readouts, unknown node types', () => {
    const bad = issues(
      GOOD.replace('next: say', 'next: say\n    retry: 3').replace('type: hangup', 'type: hang').replace('{ currency:', '{ money:'),
    );
    expect(bad).toEqual([
      'main.yaml:16:5: nodes.balance.retry: unknown option',
      'main.yaml:20:32: nodes.say.prompt[1]: not a prompt name, a .wav file or a readout ({ number | digits | currency | ordinal | position | date | time: value })',
      'main.yaml:23:16: nodes.bye.type: must be one of "play", "menu", "collect", "branch", "set", "code", "queue", "extension", "voicemail", "fax", "hangup"',
    ]);
    expect(issues(GOOD.replace('    onFail: bye\n', ''))).toContain("main.yaml:5:3: nodes.menu: missing 'onFail'");
  });

  it('refuses a programmable node that does not exist', () => {
    expect(issues(GOOD, ['pin-check'])).toEqual([
      'main.yaml:14:10: nodes.balance.run: no programmable node "account-balance" (have pin-check)',
    ]);
  });

  it('refuses loops that never wait for the caller', () => {
    const loop = GOOD.replace('next: menu', 'next: sorry').replace(
      '{ type: play, prompt: sorry, next: bye }',
      '{ type: play, prompt: sorry, next: balance }',
    );
    expect(issues(loop)).toEqual([
      'main.yaml:12:3: nodes.balance: loop without input: balance -> say -> sorry -> balance (put a menu or collect node in it)',
    ]);
  });

  it('warns of unreachable nodes', () => {
    const { warnings } = parseFlow(`${GOOD}  lost: { type: hangup }\n`, 'main.yaml');
    expect(warnings).toEqual([{ node: 'lost', path: 'nodes.lost', message: 'unreachable from start', line: 23, col: 3 }]);
  });

  it('checks calendars, time zones, patterns and branch conditions', () => {
    const flow = {
      name: 'hours',
      start: 'b',
      timezone: 'Mars/Olympus',
      calendars: { holidays: ['2025-02-30', '10-01', { from: '2025-10-01', to: '2025-10-07' }] },
      nodes: {
        b: {
          type: 'branch',
          when: [
            { holiday: 'feasts', next: 'x' },
            { var: 'lang', next: 'x' },
            { time: '25:00-26:00', next: 'x' },
          ],
          else: 'x',
        },
        x: { type: 'collect', prompt: 'p', var: 'v', min: 4, max: 2, pattern: '[', next: 'x', onFail: 'x' },
      },
    };
    expect(() => checkFlow(flow)).toThrow(/when\/2\/time|when\[2\]\.time/);
    flow.nodes.b.when.pop();
    let msg = '';
    try {
      checkFlow(flow, 'api');
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg.split('\n')).toEqual([
      'api: timezone: unknown time zone "Mars/Olympus" (an IANA name: Asia/Shanghai)',
      'api: calendars.holidays[0]: no such date "2025-02-30"',
      'api: nodes.b.when[0].holiday: no calendar "feasts" (have holidays)',
      "api: nodes.b.when[1].var: 'var' needs equals, in or matches",
      'api: nodes.x.min: min 4 is more than max 2',
      'api: nodes.x.pattern: not a regular expression',
    ]);
  });

  it('reads JSON as well', () => {
    const json = JSON.stringify({ name: 'j', start: 'a', nodes: { a: { type: 'hangup' } } });
    expect(parseFlow(json, 'j.json').flow.nodes.a).toEqual({ type: 'hangup' });
  });
});

describe('the example flow', () => {
  it('examples/ivr/main.yaml passes the checks with no warnings', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../examples/ivr/main.yaml', import.meta.url), 'utf8');
    const { flow, warnings } = parseFlow(text, 'main.yaml', { programs: new Set(['account-balance', 'pin-check']) });
    expect(warnings).toEqual([]);
    expect(Object.keys(flow.nodes)).toContain('balance');
  });
});
