// Guessing passwords is slowed: after a few failures for one account name the
// server answers 429 with Retry-After even to the right password, until the
// wait is over; one address guessing many names is slowed the same; names
// that are no account count alike; other accounts from other places log in.
import { afterEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/api/login-throttle.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  rig!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('login throttling', () => {
  it('50 wrong passwords, then the right one: 429 with Retry-After; other accounts still log in', async () => {
    rig = await startRig({ database: 'sqlite' });
    await rig.token('agent', { username: 'wu' });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await login('admin', `guess-${i}`, `10.0.0.${i % 3}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    // after the fifth, the waits (1 s, 2 s, 4 s …) refuse nearly all: only a slow machine lets a second one through
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(8);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(42);
    const right = await login('admin', 'admin-password', '10.0.0.9');
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'CTI_ERR_TOO_MANY_ATTEMPTS' });
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // the name counts whatever its case or spaces
    expect((await login(' ADMIN ', 'admin-password', '10.0.0.9')).statusCode).toBe(429);
    // another account, from another address, is not slowed
    expect((await login('wu', 'wu-password', '10.0.0.7')).statusCode).toBe(200);
  });

  it('one address guessing many names is slowed, names that are no account as well', async () => {
    rig = await startRig({ database: 'sqlite' });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(`nobody${i}`, 'x', '192.0.2.5')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(21).filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect((await login('admin', 'admin-password', '192.0.2.5')).statusCode).toBe(429);
    expect((await login('admin', 'admin-password', '192.0.2.6')).statusCode).toBe(200);
  });
});

describe('LoginThrottle', () => {
  it('waits 1 s after the free failures, doubling to the cap; a success or a quiet quarter hour forgets', () => {
    let now = 0;
    const t = new LoginThrottle({ accountFree: 2, addressFree: 100, maxWaitMs: 8000, forgetMs: 60_000 }, () => now);
    t.failed('a', 'x');
    t.failed('a', 'x');
    expect(t.wait('a', 'x')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.failed('a', 'x');
      waits.push(t.wait('a', 'x'));
      now += t.wait('a', 'x');
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    now += 61_000;
    expect(t.wait('a', 'x')).toBe(0);
    t.failed('a', 'x');
    expect(t.wait('a', 'x')).toBe(0); // forgotten: counting from one again
    t.failed('a', 'x');
    t.failed('a', 'x');
    expect(t.wait('a', 'x')).toBe(1000);
    t.succeeded('a', 'x');
    expect(t.wait('a', 'x')).toBe(0);
  });

  it('keeps at most maxEntries counts, the oldest dropped first', () => {
    const t = new LoginThrottle({ accountFree: 0, addressFree: 0, maxEntries: 4 }, () => 0);
    t.failed('u1', 'a1');
    t.failed('u2', 'a2');
    t.failed('u3', 'a3');
    expect(t.wait('u1', 'zz')).toBe(0);
    expect(t.wait('u3', 'zz')).toBe(1000);
  });
});
