// Helpers of the call-center scenarios with a database: HTTP requests with a
// token, a WebSocket event stream, the board with agents from the accounts,
// and recorded prompts for the spoken queue announcements (steady tones: voice
// to the caller's energy detector, no DTMF).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toneWav } from '../../src/ivr/prompts.ts';
import { ACD_DB_BOARD } from './acd-config.ts';
import type { Rig } from './harness.ts';

export async function req(rig: Rig, method: string, url: string, token?: string, body?: unknown) {
  const res = await rig.app.inject({
    method: method as 'GET',
    url,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as any };
}

export interface Stream {
  events: { topic: string; type: string; data: any; atEngineMs: number }[];
  close(): void;
}

/** The WebSocket stream of a token; each event is stamped with the engine time it arrived at. */
export async function stream(rig: Rig, token: string): Promise<Stream> {
  await rig.app.ready();
  const events: Stream['events'] = [];
  const ws = await rig.app.injectWS(
    `/api/ws?token=${token}`,
    {},
    {
      onInit: (w) => w.on('message', (m: Buffer) => events.push({ ...JSON.parse(m.toString()), atEngineMs: rig.rt.telephony.clock.now() })),
    },
  );
  for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 10));
  return { events, close: () => ws.terminate() };
}

/** The 4-phone board, an IVR flow folder and a queue `support` needing skill support (agents from the database). */
export function centerConfig(ivrDir: string, queue = ''): string {
  return `${ACD_DB_BOARD}ivr: { dir: ${JSON.stringify(ivrDir)}, watch: false }
acd: { announcer: auto, lang: en }
queues:
  - { name: support, strategy: longest-idle, skills: { support: 1 }, ringTimeoutMs: 20000, music: hold, announce: { firstAfterMs: 0, everyMs: 20000, estimate: false }${queue} }
routes:
  inbound:
    - { lines: ["fxo:1", "fxo:2"], flow: main }
    - { lines: any, queue: support }
`;
}

export const MENU_TO_QUEUE = `
name: main
start: menu
nodes:
  menu: { type: menu, prompt: menu, choices: { "1": support }, timeoutMs: 6000, tries: 2, var: choice, onFail: bye }
  support: { type: queue, queue: support }
  bye: { type: hangup }
`;

/** Lengths (ms) of the recorded announcement pieces: "You are number" + "one" + "in the queue." */
export const ANNOUNCE_MS = { before: 700, one: 300, two: 300, after: 500 };

/** Records the menu, the queue phrases and the numbers the scenarios read out. */
export function recordPrompts(promptsDir: string): void {
  const w = (path: string, ms: number) => {
    mkdirSync(join(promptsDir, path, '..'), { recursive: true });
    writeFileSync(join(promptsDir, path), toneWav(600, ms, 6000));
  };
  w('menu.wav', 1500);
  writeFileSync(join(promptsDir, 'hold.wav'), toneWav(600, 3000, 0)); // silent music: the announcement stands alone
  w('en/queue-position-before.wav', ANNOUNCE_MS.before);
  w('en/queue-position-after.wav', ANNOUNCE_MS.after);
  w('sets/en/num-1.wav', ANNOUNCE_MS.one);
  w('sets/en/num-2.wav', ANNOUNCE_MS.two);
}
