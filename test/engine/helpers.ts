// Engines on the loopback board for the engine tests: channels in pairs
// (1<->2, 3<->4, ...), each hearing what its partner sent one frame earlier.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaEngine, type EngineOptions } from '../../src/native/engine.ts';
import type { NativeEvent } from '../../src/native/types/engine.ts';

export interface TestEngine {
  engine: MediaEngine;
  events: NativeEvent[];
  ch: (n: number) => { board: number; channel: number };
  /** events of one type on one channel */
  on: (type: string, channel: number) => NativeEvent[];
  close: () => Promise<void>;
}

export function loopbackEngine(channels: number, opts: EngineOptions & { law?: 'ulaw' | 'alaw' } = {}): TestEngine {
  const { law, ...engineOpts } = opts;
  const engine = new MediaEngine({ mode: 'stepped', ...engineOpts });
  const board = engine.addLoopbackBoard(channels, law ?? 'alaw');
  const events: NativeEvent[] = [];
  engine.on('event', (e: NativeEvent) => {
    if (e.type !== 'engine:clock') events.push(e);
  });
  engine.start();
  return {
    engine,
    events,
    ch: (n) => ({ board, channel: n }),
    on: (type, channel) => events.filter((e) => e.type === type && e.channel === channel),
    close: () => engine.close(),
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'boardcti-test-'));
}
