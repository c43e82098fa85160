// The log of `boardcti start` carries no credential: not the tokens of HTTP
// requests or of the WebSocket's ?token=, not a password sent to log in, not
// the first admin's made-up password (printed once on the terminal, stderr,
// apart from the log on stdout).
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type ServerProcess } from '../support/boardcti-process.ts';

let server: ServerProcess | undefined;
afterAll(() => {
  server?.proc.kill('SIGKILL');
});

describe('the log of boardcti start', () => {
  it('has no token and no password in it', async () => {
    server = await startServer([], { randomAdmin: true });
    const s = server;
    const said = /password[^\n]*?:\s*(\S+)/.exec(s.terminal());
    expect(said, `the terminal shows the first admin's password:\n${s.terminal()}`).not.toBeNull();
    const password = said![1]!;
    const login = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    // a token in a query string, on HTTP and on the WebSocket, and in a header
    expect((await fetch(`${s.url}/api/auth/me?token=${token}`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/boards`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const hello = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(`${s.url.replace('http', 'ws')}/api/ws?token=${token}`);
      ws.on('message', (m) => {
        resolve(m.toString());
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(hello)).toMatchObject({ type: 'session:hello' });
    // a wrong password, too
    await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Wrong-Secret-42' }),
    });
    await new Promise((r) => setTimeout(r, 300)); // the log's last lines written
    const log = s.log();
    expect(log).toMatch(/\/api\/ws/); // the requests are logged ...
    expect(log.includes(token)).toBe(false); // ... without their token
    expect(log.includes(password)).toBe(false);
    expect(log.includes('Wrong-Secret-42')).toBe(false);
    expect(log).toMatch(/first start: account admin created/);
  }, 60_000);
});
