// The console's HTTP client: requests by route name (api/routes.ts), the
// session's bearer token, and errors as ApiError with the server's stable
// CTI_ERR_* code and message, shown to the user as they come.
import { ROUTES, type RouteName } from './routes.ts';

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

export async function call<T>(name: RouteName, opts: { params?: Record<string, string | number>; body?: unknown } = {}): Promise<T> {
  const [method] = ROUTES[name];
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // POST routes without a body still get an empty JSON object: fastify refuses a JSON content type with no body.
  const body = opts.body ?? (method === 'GET' ? undefined : {});
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(routeUrl(name, opts.params), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
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
  return json as T;
}
