// The shapes the console reads. Those of HTTP replies are the server's own
// schemas, taken from the generated OpenAPI types (openapi.gen.ts); the
// event stream's payloads (not in the OpenAPI document) are written here.
import type { Reply, ReplyAt } from './client.ts';

export type Account = Reply<'me'>;
export type Role = Account['role'];
export type LoginReply = Reply<'login'>;
export type AgentView = Reply<'agent'>;
export type AgentState = AgentView['state'];
export type CallView = Reply<'extCall'>;
export type Customer = ReplyAt<'/api/customers/{id}', 'get'>;
export type ExtensionSettings = Reply<'extSettings'>;
export type Disposition = Reply<'dispositions'>[number];
export type HistoryEntry = ReplyAt<'/api/customers/{id}/history', 'get'>[number];

/** The payload of a `screen:pop` event (src/api/screen-pop.ts). */
export interface ScreenPop {
  callId: string;
  number: string | null;
  known: boolean;
  customer: Customer | null;
  /** an unknown caller's empty record, the number filled in */
  draft: { name: string; phones: { number: string }[] } | null;
  history: HistoryEntry[];
  ivr: Record<string, unknown>;
  queue: string | null;
  notes: string | null;
}

/** One event of /api/ws. */
export interface CtiEvent<T = unknown> {
  topic: string;
  type: string;
  at: string;
  data: T;
}
