// What the routes are handed: the call-center routes their stores and services,
// the whole /api tree the running server.
import type { CallCenter } from '../acd/call-center.ts';
import type { CallOpsService } from '../callops/index.ts';
import type { AuthConfig } from '../config/schema.ts';
import type { Stores } from '../db/index.ts';
import type { FlowService } from '../ivr/flow-service.ts';
import type { EventHub } from './events.ts';
import type { BoardView, HealthView, SimControl } from './views.ts';

export interface CallCenterContext {
  stores: Stores;
  events: EventHub;
  auth: AuthConfig;
  /** the agents and the ACD, when the configuration has queues */
  callCenter?: CallCenter;
  /** the IVR flows' versions (/api/ivr/flows) */
  ivrFlows?: FlowService;
}

/** What the whole /api tree is handed by the running server. */
export interface ApiContext {
  health(): HealthView;
  boards(): BoardView[];
  /** present on the simulated board */
  sim?: SimControl;
  /** accounts, customers, call records, events: present with a database */
  dataApi?: CallCenterContext | undefined;
  /** absent: no login anywhere (a runtime without a database) */
  auth?: AuthConfig;
  /** call operations on extensions (/api/extensions) */
  callOps?: CallOpsService;
}
