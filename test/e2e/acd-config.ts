import type { StoredCallRecord } from '../../src/db/index.ts';
import type { Rig } from './harness.ts';

// The board and agents the ACD scenarios share: 4 desk phones (101-104), 4 PSTN lines, three agents.
export const ACD_BOARD = `
engine: { mode: stepped }
boards: [ { driver: sim, fxs: 4, fxo: 4, e1: 0 } ]
extensions:
  - { number: "101", port: "fxs:1" }
  - { number: "102", port: "fxs:2" }
  - { number: "103", port: "fxs:3" }
  - { number: "104", port: "fxs:4" }
agents:
  - { id: "a1", extension: "101", pin: "1111", skills: { sales: 3 } }
  - { id: "a2", extension: "102", pin: "2222", skills: { sales: 5 } }
  - { id: "a3", extension: "103", pin: "3333", skills: { billing: 4 } }
`;

/** The same board without its YAML agents: the scenarios with a database make them accounts (dbAgents). */
export const ACD_DB_BOARD = ACD_BOARD.slice(0, ACD_BOARD.indexOf('agents:'));

/** The YAML agents' ids as the database's agent numbers (desk-phone keypads dial digits). */
export const AGENT = { a1: '2001', a2: '2002', a3: '2003' } as const;

/** a1-a3 as agent accounts (numbers 2001-2003 at 101-103, same skills and PINs); waits until the ACD has them. */
export async function dbAgents(r: Rig): Promise<void> {
  await r.token('agent', { username: 'li', extension: '101', agentNumber: AGENT.a1, pin: '1111', skills: { sales: 3 } });
  await r.token('agent', { username: 'wang', extension: '102', agentNumber: AGENT.a2, pin: '2222', skills: { sales: 5 } });
  await r.token('agent', { username: 'zhao', extension: '103', agentNumber: AGENT.a3, pin: '3333', skills: { billing: 4 } });
  const cc = r.rt.callCenter!;
  await r.until(cc.ready);
  for (let t = 0; t < 10_000 && cc.agents.all().length < 3; t += 100) await r.run(100);
  if (cc.agents.all().length < 3) throw new Error('dbAgents: the ACD did not load the agent accounts');
}

/** The call records of a queue once `n` are written (records land when calls end: database I/O, wall time). */
export async function queueRecords(r: Rig, queue: string, n: number): Promise<StoredCallRecord[]> {
  let items: StoredCallRecord[] = [];
  for (let i = 0; i < 200; i++) {
    items = (await r.stores!.callRecords.search({ queue })).items;
    if (items.length >= n) break;
    await r.run(100);
  }
  return items.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
