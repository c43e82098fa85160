// `boardcti start` as a user runs it: a real process on the simulated board in
// real time, the HTTP API on a real port. With --demo the world places calls by
// itself; Ctrl-C (SIGINT) hangs the calls up and the process exits 0.
import { afterEach, describe, expect, it } from 'vitest';
import { poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';

let server: ServerProcess | undefined;
afterEach(() => {
  server?.proc.kill('SIGKILL');
  server = undefined;
});

/** A request with the first admin's token; a 2xx answer's body. */
async function get(url: string, method = 'GET', body?: unknown): Promise<any> {
  const r = await server!.req(method, new URL(url).pathname, body);
  expect(r.status).toBeLessThan(300);
  return r.body;
}

describe('boardcti start', () => {
  it('serves the API on the simulated board in real time and stops cleanly on Ctrl-C mid-call', async () => {
    server = await startServer();
    const s = server;
    expect(await get(`${s.url}/api/health`)).toMatchObject({ status: 'ok', engine: { mode: 'realtime' } });
    // the simulator's controls are closed by default: no token, no call
    const open = await fetch(`${s.url}/api/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '13800138000', to: 'line:1' }),
    });
    expect(open.status).toBe(401);
    const { id } = (await get(`${s.url}/api/sim/calls`, 'POST', { from: '13800138000', to: 'line:1' })) as { id: number };
    await poll('the call answered, the prompt heard', async () => {
      const c = await get(`${s.url}/api/sim/calls/${id}`);
      return c.state === 'connected' && c.voice ? c : undefined;
    });
    const board = (await get(`${s.url}/api/boards`))[0];
    expect(board.channels.find((c: any) => c.port === 'fxo:1').call).not.toBeNull();

    s.proc.kill('SIGINT');
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/SIGINT: hanging up and stopping/);
    expect(s.output()).toMatch(/"cause":"shutdown"/);
  }, 90_000);

  it('--demo: the simulated world places calls and lines light up', async () => {
    server = await startServer(['--demo']);
    const s = server;
    const busy = await poll('a channel in a call', async () => {
      const board = (await get(`${s.url}/api/boards`))[0];
      const chans = board.channels.filter((c: any) => c.call !== null);
      return chans.length > 0 ? chans : undefined;
    });
    expect(busy[0].lineState).not.toBe('idle');
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 90_000);

  it('--config examples/call-center.yaml: its queues and IVR flow are served, and a call to the billing line rings the first agent of the hunt', async () => {
    server = await startServer(['--config', 'examples/call-center.yaml'], { withExamples: true });
    const s = server;
    const queues = (await get(`${s.url}/api/queues`)) as { name: string; strategy: string }[];
    expect(Object.fromEntries(queues.map((q) => [q.name, q.strategy]))).toEqual({
      sales: 'longest-idle',
      support: 'fifo',
      billing: 'linear',
      vip: 'ring-all',
      general: 'circular',
    });
    const flows = (await get(`${s.url}/api/ivr/flows`)) as { name: string; inService: number | null }[];
    expect(flows.find((f) => f.name === 'main')).toMatchObject({ activeVersion: 1, inService: 1 });
    await poll('agent 2005 known', async () => ((await get(`${s.url}/api/agents`)) as { id: string }[]).find((a) => a.id === '2005'));
    expect(await get(`${s.url}/api/agents/2005/login`, 'POST', {})).toMatchObject({ state: 'ready' });
    expect(await get(`${s.url}/api/sim/calls`, 'POST', { from: '13800138000', to: 'line:3' })).toMatchObject({ id: expect.any(Number) });
    await poll('the desk phone of agent 2005 (105) ringing', async () => {
      const p = await get(`${s.url}/api/sim/phones/105`);
      return p.ringing ? p : undefined;
    });
    s.proc.kill('SIGINT');
    expect(await s.exited).toBe(0);
  }, 90_000);
});
