// The database and its stores, opened together: what the server runtime and
// the API are handed (no module keeps a global connection).
import type { Log } from '../telephony/log.ts';
import { AccountStore } from './accounts.ts';
import { SqlAgentStore } from './agent-states.ts';
import { BlacklistStore } from './blacklist.ts';
import { CalendarStore } from './calendars.ts';
import { SqlCallRecords } from './call-records.ts';
import { ContactStore } from './contacts.ts';
import { CustomerStore } from './customers.ts';
import { openDatabase, type Database } from './database.ts';
import { SqlExtensionSettings } from './extension-settings.ts';
import { SqlFlowStore } from './ivr-flows.ts';
import { MessageStore } from './messages.ts';
import { SqlQueueStore } from './queues.ts';

export interface Stores {
  db: Database;
  accounts: AccountStore;
  customers: CustomerStore;
  blacklist: BlacklistStore;
  callRecords: SqlCallRecords;
  /** agents' live state and its history (the ACD's AgentStore) */
  agentStates: SqlAgentStore;
  /** DND, forwarding and camp-on per extension (src/callops/settings.ts) */
  extensionSettings: SqlExtensionSettings;
  /** the versions of IVR flows (src/ivr/flow-service.ts) */
  ivrFlows: SqlFlowStore;
  /** queue definitions managed at run time (src/acd/queue-definitions.ts) */
  queues: SqlQueueStore;
  /** each account's own address book */
  contacts: ContactStore;
  /** short messages between accounts */
  messages: MessageStore;
  /** shared schedules and holiday lists IVR flows use by name (src/ivr/schedules.ts) */
  calendars: CalendarStore;
  close(): Promise<void>;
}

export function storesOf(db: Database): Stores {
  const agentStates = new SqlAgentStore(db);
  const extensionSettings = new SqlExtensionSettings(db);
  return {
    db,
    accounts: new AccountStore(db),
    customers: new CustomerStore(db),
    blacklist: new BlacklistStore(db),
    callRecords: new SqlCallRecords(db),
    agentStates,
    extensionSettings,
    ivrFlows: new SqlFlowStore(db),
    queues: new SqlQueueStore(db),
    contacts: new ContactStore(db),
    messages: new MessageStore(db),
    calendars: new CalendarStore(db),
    close: async () => {
      await agentStates.close();
      await extensionSettings.close();
      await db.close();
    },
  };
}

export async function openStores(url: string, log?: Log): Promise<Stores> {
  return storesOf(await openDatabase({ url, ...(log ? { log } : {}) }));
}

export { Database, openDatabase } from './database.ts';
export type { Account, AccountInput, Role } from './accounts.ts';
export type { Customer, CustomerInput } from './customers.ts';
export { SqlAgentStore, type AgentEventQuery } from './agent-states.ts';
export type { BlacklistEntry } from './blacklist.ts';
export type { StoredCallRecord, CallCenterFacts } from './call-records.ts';
export { SqlExtensionSettings, type StoredExtensionSettings } from './extension-settings.ts';
