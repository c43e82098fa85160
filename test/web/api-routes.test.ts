// The console's API client builds every request from web/src/api/routes.ts:
// each entry must be a route of the server's OpenAPI document with that
// method, so a renamed or removed route fails here, not in a user's browser.
// Its types come from the same document: web/src/api/openapi.gen.ts is
// generated from it (openapi-typescript) and must be what the server says
// now; `npm run gen:api` writes it again after a route or schema changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
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

  it('types the client with what the OpenAPI document says now', async () => {
    const doc = (await rig!.app.inject({ method: 'GET', url: '/docs/json' })).json() as Parameters<typeof openapiTS>[0];
    const file = join(import.meta.dirname, '..', '..', 'web', 'src', 'api', 'openapi.gen.ts');
    const head = "// Generated from the server's OpenAPI document by test/web/api-routes.test.ts (`npm run gen:api`): do not edit.\n";
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const fresh = await prettier.format(head + astToString(await openapiTS(doc)), options);
    if (process.env.BOARDCTI_UPDATE_API_TYPES) writeFileSync(file, fresh);
    expect(readFileSync(file, 'utf8') === fresh, 'web/src/api/openapi.gen.ts is not what the server says: run `npm run gen:api`').toBe(
      true,
    );
  });
});
