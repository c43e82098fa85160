// Every API route the console calls, by name: method and OpenAPI path, one
// part per area of the console (routes/*.ts). The client builds its requests
// from this table only, and test/web/api-routes.test.ts checks each entry
// against the server's OpenAPI document, so the two cannot drift.
import { adminRoutes } from './routes/admin.ts';
import { commsRoutes } from './routes/comms.ts';
import { configRoutes } from './routes/config.ts';
import { coreRoutes } from './routes/core.ts';
import { deskRoutes } from './routes/desk.ts';

export const ROUTES = { ...coreRoutes, ...deskRoutes, ...commsRoutes, ...adminRoutes, ...configRoutes } as const satisfies Record<
  string,
  readonly ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string]
>;

export type RouteName = keyof typeof ROUTES;
