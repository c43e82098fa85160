// What the call-center routes are handed.
import type { CallCenter } from '../acd/call-center.ts';
import type { AuthConfig } from '../config/schema.ts';
import type { Stores } from '../db/index.ts';
import type { FlowService } from '../ivr/flow-service.ts';
import type { EventHub } from './events.ts';

export interface CallCenterContext {
  stores: Stores;
  events: EventHub;
  auth: AuthConfig;
  /** the agents and the ACD, when the configuration has queues */
  callCenter?: CallCenter;
  /** the IVR flows' versions (/api/ivr/flows) */
  ivrFlows?: FlowService;
}
