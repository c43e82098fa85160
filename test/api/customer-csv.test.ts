// Customers as CSV: POST /api/customers/import takes text/csv with a header row
// and imports every row in one transaction or none (a bad row is a 400 naming
// its line, and nothing is saved); GET /api/customers/export.csv gives UTF-8
// with a byte-order mark, quoting commas, quotes and line breaks, and what it
// gives imports again to the same customers.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/db/csv.ts';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function send(r: Rig, token: string, method: 'POST' | 'GET', url: string, csv?: string) {
  const res = await r.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(csv !== undefined ? { 'content-type': 'text/csv; charset=utf-8' } : {}) },
    ...(csv !== undefined ? { payload: csv } : {}),
  });
  return { status: res.statusCode, type: res.headers['content-type'], text: res.body, raw: res.rawPayload };
}

const names = async (r: Rig, token: string) =>
  ((await r.req('GET', '/api/customers?limit=500', token)).body.items as { name: string }[]).map((c) => c.name);

for (const d of dialects())
  describe.skipIf(!!d.skip)(`customers CSV on ${title(d)}`, () => {
    it('imports all rows or none: a bad row is a 400 with its line number and saves nothing', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const bad = [
        'name,company,phones,vip,priority',
        '张伟,深圳五金有限公司,13800138000,true,3',
        '"Smith, John","ACME ""Tools""",+44 20 7946 0000; 020-88886666,no,0',
        ',Nameless Ltd,13900001111,false,0', // line 4: no name
        'Wang Fang,,12ab,maybe,12', // line 5: bad phone, vip and priority
      ].join('\r\n');
      const refused = await send(rig, admin, 'POST', '/api/customers/import', bad);
      expect(refused.status).toBe(400);
      const err = JSON.parse(refused.text) as { code: string; message: string };
      expect(err.code).toBe('CTI_ERR_BAD_ARGUMENT');
      expect(err.message).toMatch(
        /^2 bad row\(s\), nothing imported: line 4: name is empty; line 5: phone "12ab" is not a number, vip "maybe"/,
      );
      expect(err.message).toContain('priority "12" is not 0-9');
      expect(await names(rig, admin)).toEqual([]);

      // An unknown column and an open quote are refused too, naming the line.
      const col = await send(rig, admin, 'POST', '/api/customers/import', 'name,colour\nA,red\n');
      expect([col.status, JSON.parse(col.text).message]).toEqual([400, expect.stringMatching(/^line 1: unknown column "colour"/)]);
      const open = await send(rig, admin, 'POST', '/api/customers/import', 'name,notes\nA,ok\nB,"never closed\n');
      expect([open.status, JSON.parse(open.text).message]).toEqual([400, 'line 3: a quoted field is not closed']);

      // The good rows alone import, in one go; the phones are found by a caller's number.
      const good = bad.split('\r\n').slice(0, 3).join('\r\n');
      const ok = await send(rig, admin, 'POST', '/api/customers/import', good);
      expect([ok.status, JSON.parse(ok.text)]).toEqual([200, { imported: 2 }]);
      expect(await names(rig, admin)).toEqual(['张伟', 'Smith, John']);
      const hit = await rig.req('GET', '/api/customers/lookup?number=02088886666', admin);
      expect(hit.body.map((c: { name: string }) => c.name)).toEqual(['Smith, John']);
      const byNumber = await rig.req('GET', '/api/customers?q=8888', admin); // part of a number finds the customer
      expect(byNumber.body.items.map((c: { name: string }) => c.name)).toEqual(['Smith, John']);
      const zhang = (await rig.req('GET', '/api/customers?q=张', admin)).body.items[0];
      expect(zhang).toMatchObject({ company: '深圳五金有限公司', vip: true, priority: 3, phones: [{ number: '13800138000' }] });

      // Agents may not import.
      const agent = await rig.token('agent');
      expect((await send(rig, agent, 'POST', '/api/customers/import', good)).status).toBe(403);
    });

    it('exports UTF-8 CSV with a BOM and proper quoting, which imports again to the same customers', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const people = [
        {
          name: '李娜',
          company: '广州,贸易 "公司"',
          phones: [{ number: '13800138000' }, { number: '020-88886666' }],
          vip: true,
          priority: 2,
        },
        { name: 'O"Brien', address: 'Line one\nLine two', notes: ' leading space', phones: [] },
      ];
      for (const p of people) expect((await rig.req('POST', '/api/customers', admin, p)).status).toBe(201);
      const out = await send(rig, admin, 'GET', '/api/customers/export.csv');
      expect(out.status).toBe(200);
      expect(out.type).toBe('text/csv; charset=utf-8');
      expect([...out.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = out.raw.toString('utf8');
      expect(text.slice(1).split('\r\n')[0]).toBe('name,company,phones,address,notes,vip,priority');
      expect(text).toContain('李娜,"广州,贸易 ""公司""",13800138000; 020-88886666,,,true,2\r\n');
      expect(text).toContain('"O""Brien",,,"Line one\nLine two"," leading space",false,0\r\n');
      expect(parseCsv(text).map((r) => r.fields[0])).toEqual(['name', '李娜', 'O"Brien']);

      // Round trip: the exported file imported into an empty database gives the same customers.
      await rig.close();
      rig = await startRig({ database: await d.url() });
      const admin2 = await rig.token('admin');
      const back = await send(rig, admin2, 'POST', '/api/customers/import', text);
      expect([back.status, JSON.parse(back.text)]).toEqual([200, { imported: 2 }]);
      const items = (await rig.req('GET', '/api/customers', admin2)).body.items;
      expect(items.map((c: Record<string, unknown>) => [c.name, c.company, c.address, c.notes, c.vip, c.priority])).toEqual([
        ['李娜', '广州,贸易 "公司"', null, null, true, 2],
        ['O"Brien', null, 'Line one\nLine two', 'leading space', false, 0],
      ]);
      expect(items[0].phones.map((p: { number: string }) => p.number)).toEqual(['13800138000', '020-88886666']);
    });
  });
