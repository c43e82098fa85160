export { Acd, type AcdOptions, type EnqueueOptions, type Explanation } from './acd.ts';
export { dtmfAnnouncer, HOLD_TUNE, type Announcer } from './announcer.ts';
export { estimateWaitMs, HandleTimes } from './estimate.ts';
export { Queue, type QueueEntry } from './queue.ts';
export { route, skillMatch, type RouteDecision } from './routing.ts';
export { QUEUE_DEFAULTS, STRATEGIES, type QueueConfig, type QueueExit, type Strategy } from './types.ts';
