// GET /api/call-records/:id/recording on the simulated board (SQLite): a call
// recorded from the API, then downloaded whole and in byte ranges; the bytes
// are the file's, and the roles decide who gets it (the agent of the call,
// supervisors and admins; not another agent nor a technician).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectDigits, keyHeard } from './call-ops-audio.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function get(url: string, token: string, range?: string) {
  const res = await rig!.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...(range !== undefined ? { range } : {}) },
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

describe('recording download', () => {
  it('a recorded call: whole and ranged downloads equal the file; role checks; 416 for bad ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardcti-rec-'));
    rig = await startRig({ database: 'sqlite', runtime: { recordingsDir: dir } });
    const r = rig;
    const li = await r.token('agent', { username: 'li', extension: '101' });
    const wang = await r.token('agent', { username: 'wang', extension: '102' });
    const sup = await r.token('supervisor');
    const admin = await r.token('admin');
    const tech = await r.token('technician');

    const caller = r.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    const p101 = r.rt.world.phones.get('101');
    await r.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    await r.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    caller.press('#');
    await r.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
    p101.offhook();
    await r.run(1500);
    await keyHeard(r, p101, caller, '1');
    const started = await r.req('POST', '/api/extensions/101/recording/start', li);
    expect(started.status).toBe(200);
    await r.run(300);
    caller.press('5');
    await r.run(600);
    expect((await r.req('POST', '/api/extensions/101/recording/stop', li)).status).toBe(200);
    await r.run(500);
    caller.hangup();
    await r.run(3000);
    p101.onhook();
    await r.run(1000);

    let id: string | undefined;
    for (let i = 0; i < 200 && !id; i++) {
      const items = (await r.req('GET', '/api/call-records', sup)).body.items as { id: string; recording: string | null }[];
      id = items.find((x) => x.recording === started.body.path)?.id;
      if (!id) await r.run(100);
    }
    expect(id).toBeDefined();
    const file = readFileSync(started.body.path);
    expect(detectDigits(file)).toContain('5');
    const url = `/api/call-records/${id}/recording`;

    // Whole: the agent of the call, a supervisor, an admin.
    for (const token of [li, sup, admin]) {
      const whole = await get(url, token);
      expect([whole.status, whole.headers['content-type'], whole.headers['accept-ranges']]).toEqual([200, 'audio/wav', 'bytes']);
      expect(Number(whole.headers['content-length'])).toBe(file.length);
      expect(whole.bytes.equals(file)).toBe(true);
    }

    // Ranges: first-last, first-, -suffix, and a last past the end (clipped).
    const n = file.length;
    for (const [range, start, end] of [
      ['bytes=0-43', 0, 43],
      ['bytes=44-', 44, n - 1],
      ['bytes=-100', n - 100, n - 1],
      [`bytes=${n - 10}-${n + 500}`, n - 10, n - 1],
    ] as const) {
      const part = await get(url, li, range);
      expect([range, part.status, part.headers['content-range']]).toEqual([range, 206, `bytes ${start}-${end}/${n}`]);
      expect(part.headers['content-type']).toBe('audio/wav');
      expect(part.bytes.equals(file.subarray(start, end + 1))).toBe(true);
    }
    for (const range of [`bytes=${n}-`, 'bytes=50-10', 'bytes=0-1,5-6', 'items=0-10', 'bytes=-0', 'bytes=abc']) {
      const bad = await get(url, li, range);
      expect([range, bad.status, bad.headers['content-range']]).toEqual([range, 416, `bytes */${n}`]);
      expect(JSON.parse(bad.bytes.toString()).code).toBe('CTI_ERR_BAD_ARGUMENT');
    }

    // Another agent and a technician: 403; an unknown call: 404.
    for (const token of [wang, tech]) {
      const no = await get(url, token);
      expect(no.status).toBe(403);
      expect(JSON.parse(no.bytes.toString()).code).toBe('CTI_ERR_FORBIDDEN');
    }
    const unknown = await get('/api/call-records/no-such-call/recording', sup);
    expect([unknown.status, JSON.parse(unknown.bytes.toString()).code]).toEqual([404, 'CTI_ERR_NOT_FOUND']);
  });
});
