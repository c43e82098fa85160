// Which agent gets a queued call, and why. Pure: given a queue, its members
// and an entry, rank the free members (ring-all: take them all). The same
// code answers "who would get this call next, and why" for the API, so the
// explanation is never a second opinion.
//
// Order of preference: the caller's last agent (within the queue's memory);
// then better skill match (the sum of the agent's levels in the queue's
// skills); then the strategy's order (member order, round-robin from the last
// offer, or idle time).
import type { Agent } from '../agents/agent.ts';
import type { QueueConfig } from './types.ts';

export interface RoutingEntry {
  /** the agent who last served this caller, while remembered */
  lastAgent?: string;
  /** ms the caller has waited */
  waitedMs: number;
  /** agents that let this call ring out: tried again only when no one else is free */
  tried: ReadonlySet<string>;
}

export interface RoutingContext {
  now: number;
  /** the agent's phone can ring (port idle, not in another call) */
  phoneFree(agent: Agent): boolean;
  /** circular: index in the member list of the agent offered last */
  lastOffered: number;
}

export interface Candidate {
  agent: string;
  free: boolean;
  /** why not free, or why this rank */
  why: string;
  skillScore: number;
  idleMs: number | null;
  rank: number | null;
}

export interface RouteDecision {
  /** the agents to ring now (empty: wait) */
  agents: Agent[];
  reason: string;
  candidates: Candidate[];
}

/** Does the agent have every skill the queue needs, at its level? Returns the match score, or a reason. */
export function skillMatch(q: QueueConfig, a: Agent): { score: number } | { missing: string } {
  let score = 0;
  for (const [skill, min] of Object.entries(q.skills ?? {})) {
    const level = a.skills[skill] ?? 0;
    if (level < min) return { missing: level ? `${skill} level ${level} < ${min}` : `no skill ${skill}` };
    score += level;
  }
  return { score };
}

export function route(q: QueueConfig, members: readonly Agent[], entry: RoutingEntry, ctx: RoutingContext, explain = false): RouteDecision {
  const n = members.length;
  const free: { a: Agent; i: number; score: number }[] = [];
  const candidates: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const a = members[i]!;
    const m = skillMatch(q, a);
    let why: string | undefined;
    if ('missing' in m) why = m.missing;
    else if (a.state !== 'ready') why = a.state === 'not-ready' ? `not-ready (${a.reason})` : a.state;
    else if (!ctx.phoneFree(a)) why = 'phone busy';
    const score = 'score' in m ? m.score : 0;
    if (!why) free.push({ a, i, score });
    if (explain)
      candidates.push({
        agent: a.id,
        free: !why,
        why: why ?? '',
        skillScore: score,
        idleMs: a.state === 'ready' ? ctx.now - a.idleSince : null,
        rank: null,
      });
  }
  const last = entry.lastAgent ? members.find((a) => a.id === entry.lastAgent) : undefined;
  const lastWait = q.lastAgent?.waitMs ?? 0;
  if (last && !free.some((f) => f.a === last) && last.state !== 'logged-out' && entry.waitedMs < lastWait) {
    return { agents: [], reason: `waiting up to ${lastWait} ms for ${last.id}, who last served this caller (${last.state})`, candidates };
  }
  // Agents who missed this call go last (they are tried again only if no one else is free).
  const pool = free.some((f) => !entry.tried.has(f.a.id)) ? free.filter((f) => !entry.tried.has(f.a.id)) : free;
  if (pool.length === 0)
    return { agents: [], reason: free.length ? 'no free member' : n ? 'no member is free' : 'the queue has no members', candidates };
  const start = ctx.lastOffered;
  const order = (f: { a: Agent; i: number }): number => {
    switch (q.strategy) {
      case 'circular':
        return (f.i - start - 1 + 2 * n) % n;
      case 'longest-idle':
        return f.a.idleSince;
      default:
        return f.i;
    }
  };
  pool.sort((x, y) => Number(y.a === last) - Number(x.a === last) || y.score - x.score || order(x) - order(y) || x.i - y.i);
  if (explain) {
    pool.forEach((f, r) => {
      const c = candidates.find((c) => c.agent === f.a.id)!;
      c.rank = r + 1;
      c.why = f.a === last ? 'last agent of this caller' : describe(q, f.a, f.score, ctx.now);
    });
  }
  const top = pool[0]!;
  if (q.strategy === 'ring-all') return { agents: pool.map((f) => f.a), reason: `ring-all: ${pool.length} free member(s)`, candidates };
  const reason = top.a === last ? `${top.a.id}: last agent of this caller` : `${top.a.id}: ${describe(q, top.a, top.score, ctx.now)}`;
  return { agents: [top.a], reason, candidates };
}

function describe(q: QueueConfig, a: Agent, score: number, now: number): string {
  const skills = q.skills && Object.keys(q.skills).length ? `skill score ${score}, ` : '';
  switch (q.strategy) {
    case 'longest-idle':
      return `${skills}idle ${Math.round((now - a.idleSince) / 1000)} s`;
    case 'circular':
      return `${skills}next after the agent offered last`;
    default:
      return `${skills}first free in member order`;
  }
}
