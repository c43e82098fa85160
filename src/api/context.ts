// What the call-center routes are handed.
import type { AuthConfig } from '../config/schema.ts';
import type { Stores } from '../db/index.ts';
import type { EventHub } from './events.ts';

export interface CallCenterContext {
  stores: Stores;
  events: EventHub;
  auth: AuthConfig;
}
