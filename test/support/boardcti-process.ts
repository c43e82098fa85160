// `boardcti start` as a user runs it, for tests: a real process on the
// simulated board in real time, in a fresh folder (its ./data goes there), on a
// free port, with the first admin's password set; and HTTP helpers that log in
// as that admin.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'boardcti.mjs');
export const ADMIN_PASSWORD = 'process-test-admin';

export interface ServerProcess {
  proc: ChildProcess;
  /** http://127.0.0.1:PORT */
  url: string;
  cwd: string;
  /** stdout and stderr as they came */
  output: () => string;
  /** stdout only: the log */
  log: () => string;
  /** stderr only: what the terminal shows besides the log */
  terminal: () => string;
  exited: Promise<number | null>;
  /** a request with the first admin's token (or `token`); the body parsed as JSON */
  req(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** the first admin's token */
  adminToken(): Promise<string>;
}

/**
 * Starts the server (`withExamples`: a copy of examples/ in its folder first;
 * `randomAdmin`: no BOARDCTI_ADMIN_PASSWORD, so the first start makes one up;
 * `prepare`: called with the folder before the server starts in it).
 */
export async function startServer(
  args: string[] = [],
  opts: { withExamples?: boolean; randomAdmin?: boolean; prepare?: (cwd: string) => void } = {},
): Promise<ServerProcess> {
  const cwd = mkdtempSync(join(tmpdir(), 'boardcti-start-'));
  if (opts.withExamples) cpSync(join(ROOT, 'examples'), join(cwd, 'examples'), { recursive: true });
  opts.prepare?.(cwd);
  const proc = spawn(process.execPath, [CLI, 'start', '--port', '0', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.randomAdmin ? withoutAdminPassword() : { ...process.env, BOARDCTI_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  let out = '';
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => ((out += d.toString()), (stdout += d.toString())));
  proc.stderr!.on('data', (d: Buffer) => ((out += d.toString()), (stderr += d.toString())));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no 'listening' line in 60 s:\n${out}`)), 60_000);
    const look = () => {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    proc.stdout!.on('data', look);
    void exited.then((code) => rej(new Error(`exited with ${code}:\n${out}`)));
  });
  let admin: string | undefined;
  const raw = async (method: string, path: string, body: unknown, token: string | undefined) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const adminToken = async () => {
    if (!admin) {
      const r = await raw('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, undefined);
      if (r.status !== 200) throw new Error(`admin login: ${r.status} ${JSON.stringify(r.body)}`);
      admin = r.body.token as string;
    }
    return admin;
  };
  return {
    proc,
    url,
    cwd,
    output: () => out,
    log: () => stdout,
    terminal: () => stderr,
    exited,
    adminToken,
    req: async (method, path, body, token) => raw(method, path, body, token ?? (await adminToken())),
  };
}

function withoutAdminPassword(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.BOARDCTI_ADMIN_PASSWORD;
  return env;
}

/** Polls `f` (every 200 ms, wall time: the server runs in real time) until it gives a value. */
export async function poll<T>(what: string, f: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
