// The HTTP API with its exact contracts, on the simulated board with the
// default configuration (engine in stepped mode, requests through inject):
// health, boards with live states, and the simulated world driven over HTTP
// the way a technician or a black-box check would: a call placed into a line
// hears the prompt, presses digits, extension 101 rings with the number on its
// display, is picked up, and the caller hangs up.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function req(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
  const res = await rig!.app.inject({ method, url, ...(body !== undefined ? { payload: body as object } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

describe('HTTP API', () => {
  it('GET /api/health and GET /api/boards: boards, spans and channels with live states', async () => {
    rig = await startRig();
    const health = await req('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', calls: { active: 0 }, spansInAlarm: 0 });

    const boards = await req('GET', '/api/boards');
    expect(boards.status).toBe(200);
    const [board] = boards.body as unknown as any[];
    expect(board).toMatchObject({ name: 'sim0', driver: 'sim' });
    expect(board.channels).toHaveLength(8 + 8 + 30);
    expect(board.spans.map((s: any) => s.kind)).toEqual(['analog', 'e1']);
    expect(board.channels[0]).toMatchObject({ kind: 'fxs', port: 'fxs:1', extension: '101', lineState: 'idle', call: null });
    expect(board.channels[8]).toMatchObject({ kind: 'fxo', port: 'fxo:1', lineNumber: '075526600001', lineState: 'idle' });

    // A live state: a phone off hook shows on its channel.
    await req('POST', '/api/sim/phones/102/offhook');
    await rig.run(400);
    const after = ((await req('GET', '/api/boards')).body as unknown as any[])[0].channels[1];
    expect(after.lineState).not.toBe('idle');
    expect(after.call).not.toBeNull();
  });

  it('drives a call end to end through /api/sim', async () => {
    rig = await startRig();
    const placed = await req('POST', '/api/sim/calls', { from: '13800138000', to: 'line:1' });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ from: '13800138000', to: '075526600001', trunk: 'line:1', direction: 'incoming' });
    expect(typeof placed.body.id).toBe('number');
    expect(typeof placed.body.state).toBe('string');
    const id = placed.body.id as number;

    // The server answers and the caller hears the prompt: poll as a black-box check would.
    let call = await req('GET', `/api/sim/calls/${id}`);
    for (let t = 0; t < 10_000 && !call.body.voice; t += 200) {
      await rig.run(200);
      call = await req('GET', `/api/sim/calls/${id}`);
    }
    expect(call.status).toBe(200);
    expect(call.body.state).toBe('connected');
    expect(call.body.voice).toBe(true);

    const pressed = await req('POST', `/api/sim/calls/${id}/digits`, { digits: '12#' });
    expect(pressed.status).toBe(200);
    await rig.run(3000);

    let phone = await req('GET', '/api/sim/phones/101');
    expect(phone.status).toBe(200);
    expect(phone.body).toMatchObject({ extension: '101', hook: 'on', ringing: true, display: '13800138000' });
    const active = rig.rt.telephony.activeCalls()[0]!;
    expect(active.vars.digits).toBe('12');

    phone = await req('POST', '/api/sim/phones/101/offhook');
    expect(phone.status).toBe(200);
    await rig.run(1500);
    expect((await req('GET', '/api/sim/phones/101')).body).toMatchObject({ hook: 'off', ringing: false });
    phone = await req('POST', '/api/sim/phones/101/digits', { digits: '9' });
    expect(phone.status).toBe(200);
    await rig.run(1000);
    call = await req('GET', `/api/sim/calls/${id}`);
    expect(call.body.digits).toContain('9'); // heard at the caller's end, through the bridge
    expect(call.body.tones).toContain('ringback');

    const hung = await req('DELETE', `/api/sim/calls/${id}`);
    expect(hung.status).toBe(200);
    await rig.run(4000);
    expect((await req('GET', `/api/sim/calls/${id}`)).body.state).toBe('ended');
    phone = await req('GET', '/api/sim/phones/101');
    expect(phone.body.hearing).toBe('busy');
    await req('POST', '/api/sim/phones/101/onhook');
    await rig.run(1000);
    expect((await req('GET', '/api/health')).body.calls.active).toBe(0);
  });

  it('refuses bad input with a code and a message, and loses nothing', async () => {
    rig = await startRig();
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/sim/calls', { from: '13800138000', to: 'nowhere' }, 404, 'CTI_ERR_NO_SUCH_CHANNEL'],
      ['POST', '/api/sim/calls', { from: 'abc', to: 'line:1' }, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['POST', '/api/sim/calls', { from: '13800138000' }, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['POST', '/api/sim/calls', { from: '13800138000', to: 'line:1', extra: 1 }, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['GET', '/api/sim/calls/999', undefined, 404, 'CTI_ERR_NOT_FOUND'],
      ['GET', '/api/sim/calls/abc', undefined, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['POST', '/api/sim/calls/999/digits', { digits: '1' }, 404, 'CTI_ERR_NOT_FOUND'],
      ['GET', '/api/sim/phones/999', undefined, 404, 'CTI_ERR_NOT_FOUND'],
      ['POST', '/api/sim/phones/101/flash', undefined, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['POST', '/api/sim/phones/101/digits', { digits: 'xyz' }, 400, 'CTI_ERR_BAD_ARGUMENT'],
      ['GET', '/api/nothing', undefined, 404, 'CTI_ERR_NOT_FOUND'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const r = await req(method as 'GET', url, body);
      expect([url, r.status, r.body.code]).toEqual([url, status, code]);
      expect(typeof r.body.message).toBe('string');
    }
    const bad = await rig.app.inject({
      method: 'POST',
      url: '/api/sim/calls',
      payload: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CTI_ERR_BAD_ARGUMENT');
    // Nothing was placed by the refused requests; the world still works.
    const ok = await req('POST', '/api/sim/calls', { from: '13800138000', to: 'line:2' });
    expect(ok.status).toBe(201);
    expect(ok.body.id).toBe(1);
  });
});
