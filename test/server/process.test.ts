// `boardcti start` as a user runs it: a real process on the simulated board in
// real time, the HTTP API on a real port. With --demo the world places calls by
// itself; Ctrl-C (SIGINT) hangs the calls up and the process exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'boardcti.mjs');

interface Server {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

let server: Server | undefined;
afterEach(() => {
  server?.proc.kill('SIGKILL');
  server = undefined;
});

/** Starts the server in a fresh folder (its ./data goes there; `withExamples`: a copy of examples/ too) on a free port. */
async function start(args: string[] = [], withExamples = false): Promise<Server> {
  const cwd = mkdtempSync(join(tmpdir(), 'boardcti-start-'));
  if (withExamples) cpSync(join(import.meta.dirname, '..', '..', 'examples'), join(cwd, 'examples'), { recursive: true });
  const proc = spawn(process.execPath, [CLI, 'start', '--port', '0', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BOARDCTI_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no 'listening' line in 60 s:\n${out}`)), 60_000);
    const look = () => {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    proc.stdout!.on('data', look);
    void exited.then((code) => rej(new Error(`exited with ${code}:\n${out}`)));
  });
  return { proc, url, output: () => out, exited };
}

const ADMIN_PASSWORD = 'process-test-admin';
const tokens = new Map<string, string>();

/** GET (or another method, with a JSON body) with the first admin's token (created at the first start from $BOARDCTI_ADMIN_PASSWORD). */
async function get(url: string, method = 'GET', body?: unknown): Promise<any> {
  const base = new URL(url).origin;
  if (!tokens.has(base)) {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    tokens.set(base, ((await login.json()) as { token: string }).token);
  }
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${tokens.get(base)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

async function poll<T>(what: string, f: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('boardcti start', () => {
  it('serves the API on the simulated board in real time and stops cleanly on Ctrl-C mid-call', async () => {
    server = await start();
    const s = server;
    expect(await get(`${s.url}/api/health`)).toMatchObject({ status: 'ok', engine: { mode: 'realtime' } });
    const res = await fetch(`${s.url}/api/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '13800138000', to: 'line:1' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
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
    server = await start(['--demo']);
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
    server = await start(['--config', 'examples/call-center.yaml'], true);
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
