// GET /api/boards: each board carries totals of its lines (FXO and E1 trunk
// channels) and extensions (FXS), and how many of each are in use now, on the
// simulated board with the default configuration.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The rig's request with no token (this rig has no database, so no logins), its body as any JSON. */
const req = async (method: string, url: string, body?: unknown) =>
  (await rig!.req(method, url, undefined, body)) as { status: number; body: any };

const totals = async () => (await req('GET', '/api/boards')).body[0].totals;

describe('GET /api/boards totals', () => {
  it('counts lines and extensions in use as calls come and go, next to the fields it had', async () => {
    rig = await startRig();
    const boards = await req('GET', '/api/boards');
    expect(boards.status).toBe(200);
    const [board] = boards.body;
    expect(board).toMatchObject({ name: 'sim0', driver: 'sim' });
    expect(board.channels).toHaveLength(8 + 8 + 30);
    expect(board.totals).toEqual({ lines: { total: 8 + 30, inUse: 0 }, extensions: { total: 8, inUse: 0 } });

    // An extension off hook is in use; the lines stay free.
    await req('POST', '/api/sim/phones/102/offhook');
    await rig.run(400);
    expect(await totals()).toEqual({ lines: { total: 38, inUse: 0 }, extensions: { total: 8, inUse: 1 } });
    await req('POST', '/api/sim/phones/102/onhook');
    await rig.run(2000);
    expect(await totals()).toEqual({ lines: { total: 38, inUse: 0 }, extensions: { total: 8, inUse: 0 } });

    // A caller on line 1 uses one line; a second caller on line 2 a second.
    const first = await req('POST', '/api/sim/calls', { from: '13800138000', to: 'line:1' });
    expect(first.status).toBe(201);
    await rig.run(2000);
    expect((await totals()).lines).toEqual({ total: 38, inUse: 1 });
    const second = await req('POST', '/api/sim/calls', { from: '13900139000', to: 'line:2' });
    expect(second.status).toBe(201);
    await rig.run(2000);
    expect((await totals()).lines).toEqual({ total: 38, inUse: 2 });

    // Both hang up: the lines are free again.
    await req('DELETE', `/api/sim/calls/${first.body.id}`);
    await req('DELETE', `/api/sim/calls/${second.body.id}`);
    let now = await totals();
    for (let t = 0; t < 20_000 && now.lines.inUse > 0; t += 500) {
      await rig.run(500);
      now = await totals();
    }
    const busy = (await req('GET', '/api/boards')).body[0].channels.filter((c: any) => c.lineState !== 'idle' || c.call);
    expect([now, busy]).toEqual([{ lines: { total: 38, inUse: 0 }, extensions: { total: 8, inUse: 0 } }, []]);
  });
});
