// The whole server on the simulated board, in the engine's stepped mode: the
// default configuration (or the one given), the runtime, and the HTTP API
// reached with app.inject(). Time moves one frame at a time, the call layer
// settling in between, so scenarios of minutes run in seconds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, parseConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import { api, createHttp } from '../../src/server/app.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/server/runtime.ts';
import { memoryLog } from '../../src/telephony/log.ts';

export interface Rig {
  rt: Runtime;
  app: FastifyInstance;
  log: ReturnType<typeof memoryLog>;
  config: Config;
  /** runs ms of engine time */
  run(ms: number): Promise<void>;
  /** runs until p settles (at most maxMs of engine time), then returns it */
  until<T>(p: Promise<T>, maxMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startRig(opts: { config?: string; demo?: boolean; speech?: boolean; runtime?: Partial<RuntimeOptions> } = {}): Promise<Rig> {
  const config = opts.config ? parseConfig(opts.config, 'test.yaml') : loadConfig();
  const log = memoryLog();
  const rt = createRuntime(config, {
    log,
    mode: 'stepped',
    promptsDir: mkdtempSync(join(tmpdir(), 'boardcti-prompts-')),
    speech: opts.speech ?? false,
    ...(opts.demo ? { demo: true } : {}),
    ...opts.runtime,
  });
  const app = createHttp();
  await app.register(api, { prefix: '/api', ctx: rt });
  const frame = config.engine.frameMs;
  const step = async () => {
    await rt.engine.advance(frame);
    await rt.telephony.settled();
  };
  return {
    rt,
    app,
    log,
    config,
    async run(ms) {
      for (let t = 0; t < ms; t += frame) await step();
    },
    async until(p, maxMs = 120_000) {
      let done = false;
      const q = p.finally(() => (done = true));
      q.catch(() => {});
      await rt.telephony.settled();
      for (let t = 0; t < maxMs && !done; t += frame) await step();
      return q;
    },
    async close() {
      await app.close();
      await rt.stop();
    },
  };
}
