// ctx.http: a programmable node's look-up on a web service of its own, by the
// name it has in the configuration (the URL, headers and timeout live there,
// not in flows):
//
//   ivr:
//     http: { crm: { url: 'https://crm.example.com/api', timeoutMs: 2000, headers: { authorization: 'Bearer ...' } } }
//
//   const r = await ctx.http('crm', { path: `/accounts/${account}` });   // GET https://crm.example.com/api/accounts/1234
//   if (r.status === 404) return 'unknown';
//   ctx.vars.balance = String((r.body as { balance: number }).balance);
//
// The body is parsed as JSON when the answer says so, else it is the text. A
// request that outlasts the service's timeoutMs, or the node (its timeoutMs,
// the caller hanging up), is aborted and throws: the node's error branch.
import { CtiError } from '../native/errors.ts';

export interface HttpService {
  url: string;
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** appended to the service's URL */
  path?: string;
  query?: Record<string, string | number | boolean>;
  /** sent as JSON */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

export type IvrHttp = (service: string, req?: HttpRequest) => Promise<HttpReply>;

/** ctx.http for one node run: the configured services, aborted with `signal`; `track` sees each request. */
export function httpFor(
  services: Record<string, HttpService>,
  signal: AbortSignal,
  track: <T>(p: Promise<T>) => Promise<T> = (p) => p,
): IvrHttp {
  return (name, req = {}) => track(request(services, signal, name, req));
}

async function request(services: Record<string, HttpService>, signal: AbortSignal, name: string, req: HttpRequest): Promise<HttpReply> {
  const s = services[name];
  if (!s)
    throw new CtiError(
      'CTI_ERR_NOT_FOUND',
      `ctx.http: no service ${JSON.stringify(name)} in ivr.http (have ${Object.keys(services).join(', ') || 'none'})`,
    );
  const url = new URL(s.url.replace(/\/$/, '') + (req.path ?? ''));
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method ?? (req.body !== undefined ? 'POST' : 'GET'),
      headers: {
        accept: 'application/json',
        ...s.headers,
        ...req.headers,
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.any([signal, AbortSignal.timeout(s.timeoutMs)]),
    });
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new Error(`ctx.http ${name}: ${timedOut ? `no answer within ${s.timeoutMs} ms` : (e as Error).message}`, { cause: e });
  }
  const text = await res.text();
  const json = /\bjson\b/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, body: json && text ? JSON.parse(text) : text };
}
