// What the call-center routes are handed.
import type { CallCenter } from '../acd/call-center.ts';
import type { QueueDefinitions } from '../acd/queue-definitions.ts';
import type { AuthConfig, Config } from '../config/schema.ts';
import type { Stores } from '../db/index.ts';
import type { FlowService } from '../ivr/flow-service.ts';
import type { EventHub } from './events.ts';

export interface CallCenterContext {
  stores: Stores;
  events: EventHub;
  auth: AuthConfig;
  /** the wrap-up codes agents give calls (the configuration's `dispositions`) */
  dispositions: Config['dispositions'];
  /** the agents and the ACD, when the configuration has queues */
  callCenter?: CallCenter;
  /** queues created, edited and deleted at run time (/api/queues), kept in the database */
  queues?: QueueDefinitions;
  /** the IVR flows' versions (/api/ivr/flows) */
  ivrFlows?: FlowService;
  /** wall-clock ms following the engine clock (a schedule's state now); default Date.now */
  now?: () => number;
}
