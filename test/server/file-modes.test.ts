// What `boardcti start` writes is its own: the data folder and every folder in
// it 0700, the database, its WAL, the prompts and the recordings 0600 — a
// call center's recordings and customer records are not for every local user.
// A data folder left readable by an older version is closed at start-up.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';

let server: ServerProcess | undefined;
afterAll(() => {
  server?.proc.kill('SIGKILL');
});

function modes(dir: string, out: Record<string, number> = {}): Record<string, number> {
  out[dir] = statSync(dir).mode & 0o777;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) modes(p, out);
    else out[p] = statSync(p).mode & 0o777;
  }
  return out;
}

describe('the files of boardcti start', () => {
  it('are readable by the server only: folders 0700, files 0600, recordings included', async () => {
    // a folder and a file an older version left readable to everyone
    const leftOpen = (cwd: string) => {
      mkdirSync(join(cwd, 'data', 'old'), { recursive: true });
      writeFileSync(join(cwd, 'data', 'old', 'left.wav'), 'x');
      chmodSync(join(cwd, 'data'), 0o755);
      chmodSync(join(cwd, 'data', 'old'), 0o755);
      chmodSync(join(cwd, 'data', 'old', 'left.wav'), 0o644);
    };
    server = await startServer([], { prepare: leftOpen });
    const s = server;
    const data = join(s.cwd, 'data');

    // a recorded call: the IVR rings 101, the phone answers, the browser records
    const placed = await s.req('POST', '/api/sim/calls', { from: '13800138000', to: 'line:1' });
    expect(placed.status).toBe(201);
    await poll('the prompt heard', async () => ((await s.req('GET', `/api/sim/calls/${placed.body.id}`)).body.voice ? true : undefined));
    await s.req('POST', `/api/sim/calls/${placed.body.id}/digits`, { digits: '#' });
    await poll('101 ringing', async () => ((await s.req('GET', '/api/sim/phones/101')).body.ringing ? true : undefined));
    expect((await s.req('POST', '/api/sim/phones/101/offhook')).status).toBe(200);
    await poll('connected', async () => ((await s.req('GET', '/api/extensions/101/call')).status === 200 ? true : undefined));
    expect((await s.req('POST', '/api/extensions/101/recording/start', {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500)); // half a second of the call recorded
    expect((await s.req('POST', '/api/extensions/101/recording/stop', {})).status).toBe(200);
    await s.req('POST', '/api/sim/phones/101/onhook');

    s.proc.kill('SIGINT');
    expect(await s.exited).toBe(0);
    const m = modes(data);
    const files = Object.entries(m);
    expect(files.some(([p]) => p.endsWith('boardcti.sqlite'))).toBe(true);
    expect(files.some(([p]) => p.includes(`${join('data', 'recordings')}/`) && p.endsWith('.wav'))).toBe(true);
    const open = files.filter(([, mode]) => (mode & 0o077) !== 0).map(([p, mode]) => `${p.slice(s.cwd.length)} ${mode.toString(8)}`);
    expect(open).toEqual([]);
  }, 90_000);
});
