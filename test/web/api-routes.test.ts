// The console's API client builds every request from web/src/api/routes.ts:
// each entry must be a route of the server's OpenAPI document with that
// method, so a renamed or removed route fails here, not in a user's browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../web/src/api/routes.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
beforeAll(async () => {
  // the example call center: every part of the API is served (agents and queues too)
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  rig = await startRig({
    config: readFileSync(join(examples, 'call-center.yaml'), 'utf8'),
    database: 'sqlite',
    runtime: { ivrDir: join(examples, 'ivr') },
  });
});
afterAll(async () => {
  await rig?.close();
});

describe('the web console API client', () => {
  it('calls only routes the OpenAPI document has, with their methods', async () => {
    const doc = (await rig!.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const missing = Object.entries(ROUTES)
      .filter(([, [method, path]]) => !doc.paths[path]?.[method.toLowerCase()])
      .map(([name, [method, path]]) => `${name}: ${method} ${path}`);
    expect(missing).toEqual([]);
    // the check sees a route that is not there
    expect(doc.paths['/api/agents/{id}/no-such-action']).toBeUndefined();
  });
});
