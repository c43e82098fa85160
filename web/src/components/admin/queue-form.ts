// A queue definition (the YAML's queue entry, as /api/queues takes it) and the
// queue dialog's form: times in seconds, the optional parts switched on or off.
// Fields the form does not show (lastAgent, defaultHandleMs) are kept as they were.
import type { Reply } from '../../api/client.ts';
import type { SkillRow } from './SkillRows.vue';
import { fromRows, toRows } from './skill-rows.ts';

export type QueueDefinition = Reply<'queueDefinition'>['definition'];
export const STRATEGIES = ['longest-idle', 'ring-all', 'linear', 'circular', 'fifo'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface QueueForm {
  name: string;
  strategy: Strategy;
  membersBy: 'agents' | 'skills';
  agents: string[];
  skills: SkillRow[];
  priority: number;
  ringTimeoutS: number;
  maxMissed: number;
  wrapUpS: number;
  maxWaitS: number;
  announceOn: boolean;
  firstAfterS: number;
  everyS: number;
  position: boolean;
  estimate: boolean;
  music: string;
  announceAgent: boolean;
  overflowOn: boolean;
  overflowAfterS: number | undefined;
  overflowLength: number | undefined;
  overflowTo: string;
  callbackDigit: string;
}

const s = (ms: number | undefined, dflt: number) => Math.round((ms ?? dflt) / 1000);

export function toForm(d: QueueDefinition | null): QueueForm {
  return {
    name: d?.name ?? '',
    strategy: (d?.strategy as Strategy | undefined) ?? 'longest-idle',
    membersBy: d?.skills && !d.agents ? 'skills' : 'agents',
    agents: [...(d?.agents ?? [])],
    skills: toRows(d?.skills),
    priority: d?.priority ?? 0,
    ringTimeoutS: s(d?.ringTimeoutMs, 15000),
    maxMissed: d?.maxMissed ?? 2,
    wrapUpS: s(d?.wrapUpMs, 0),
    maxWaitS: s(d?.maxWaitMs, 600000),
    announceOn: !!d?.announce,
    firstAfterS: s(d?.announce?.firstAfterMs, 0),
    everyS: s(d?.announce?.everyMs, 30000),
    position: d?.announce?.position ?? true,
    estimate: d?.announce?.estimate ?? true,
    music: d?.music ?? '',
    announceAgent: d?.announceAgent ?? false,
    overflowOn: !!d?.overflow,
    overflowAfterS: d?.overflow?.afterMs !== undefined ? s(d.overflow.afterMs, 0) : undefined,
    overflowLength: d?.overflow?.length,
    overflowTo: d?.overflow?.to ?? 'message',
    callbackDigit: d?.callback?.digit ?? '',
  };
}

/** The definition to send: the form over what the queue had. */
export function fromForm(f: QueueForm, was: QueueDefinition | null): Record<string, unknown> {
  const d: Record<string, unknown> = { ...(was ?? {}), name: f.name.trim(), strategy: f.strategy };
  for (const k of ['agents', 'skills', 'announce', 'music', 'overflow', 'callback', 'updatedAt']) delete d[k];
  if (f.membersBy === 'agents') d.agents = f.agents;
  else d.skills = fromRows(f.skills);
  Object.assign(d, {
    priority: f.priority,
    ringTimeoutMs: f.ringTimeoutS * 1000,
    maxMissed: f.maxMissed,
    wrapUpMs: f.wrapUpS * 1000,
    maxWaitMs: f.maxWaitS * 1000,
    announceAgent: f.announceAgent,
  });
  if (f.announceOn)
    d.announce = { firstAfterMs: f.firstAfterS * 1000, everyMs: f.everyS * 1000, position: f.position, estimate: f.estimate };
  if (f.music.trim()) d.music = f.music.trim();
  if (f.overflowOn)
    d.overflow = {
      to: f.overflowTo,
      ...(f.overflowAfterS ? { afterMs: f.overflowAfterS * 1000 } : {}),
      ...(f.overflowLength !== undefined && f.overflowLength !== null ? { length: f.overflowLength } : {}),
    };
  if (f.callbackDigit) d.callback = { digit: f.callbackDigit };
  return d;
}
