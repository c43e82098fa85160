// The console's HTTP client: requests by route name (api/routes.ts), the
// session's bearer token, and errors as ApiError with the server's stable
// CTI_ERR_* code and message, shown to the user as they come. Bodies, query
// strings and replies are typed from the server's OpenAPI document
// (openapi.gen.ts, generated and checked by test/web/api-routes.test.ts).
import type { paths } from './openapi.gen.ts';
import { ROUTES, type RouteName } from './routes.ts';

type Route<N extends RouteName> = (typeof ROUTES)[N];
type Operation<N extends RouteName> = paths[Route<N>[1]][Lowercase<Route<N>[0]> & keyof paths[Route<N>[1]]];
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : null;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : R extends { 202: infer C } ? C : null;
/** What a route answers on success. */
export type Reply<N extends RouteName> = Operation<N> extends { responses: infer R } ? Json<Success<R>> : unknown;
/** What the route at this OpenAPI path answers to this method (for types of routes the console does not call by name). */
export type ReplyAt<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? Json<Success<R>>
  : unknown;
/** The JSON body a route takes. */
export type Body<N extends RouteName> = Operation<N> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query string a route takes. */
export type Query<N extends RouteName> = Operation<N> extends { parameters: { query?: infer Q } } ? Q : never;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = null;
let onUnauthorized: (() => void) | undefined;

export function setToken(t: string | null): void {
  token = t;
}
export function getToken(): string | null {
  return token;
}
/** Called when the server answers 401 to a request that carried a token (expired or ended session). */
export function whenUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

/** The URL of a route with its path parameters filled in. */
export function routeUrl(name: RouteName, params: Record<string, string | number> = {}): string {
  return ROUTES[name][1].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`route ${name}: no value for {${k}}`);
    return encodeURIComponent(String(v));
  });
}

export interface CallOptions<N extends RouteName> {
  params?: Record<string, string | number>;
  body?: Body<N>;
  query?: Query<N>;
}

/** The URL of a route with its path parameters and query string. */
function requestUrl<N extends RouteName>(name: N, opts: CallOptions<N>): string {
  const url = routeUrl(name, opts.params);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((opts.query ?? {}) as Record<string, unknown>))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${url}?${qs}` : url;
}

export async function call<N extends RouteName>(name: N, opts: CallOptions<N> = {}): Promise<Reply<N>> {
  const [method] = ROUTES[name];
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // POST routes without a body still get an empty JSON object: fastify refuses a JSON content type with no body.
  const body = opts.body ?? (method === 'GET' ? undefined : {});
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(requestUrl(name, opts), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (e) {
    throw new ApiError(0, 'CTI_ERR_NETWORK', (e as Error).message);
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = (json ?? {}) as { code?: string; message?: string };
    if (res.status === 401 && token && name !== 'login') onUnauthorized?.();
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText);
  }
  return json as Reply<N>;
}
