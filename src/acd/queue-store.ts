// Where queue definitions are kept when they are managed at run time
// (queue-definitions.ts): the database's store (src/db/queues.ts) implements
// this. Every write is one transaction; `apply` runs inside it after the
// write, so the running ACD and the stored rows change together: when apply
// throws, nothing is stored, and when the write fails, apply never ran.
import type { QueueConfig } from './types.ts';

/** Who wrote a definition last: the YAML's `queues:` (the seed) or the API. */
export type QueueOrigin = 'config' | 'api';

export interface StoredQueue {
  name: string;
  definition: QueueConfig;
  origin: QueueOrigin;
  /** the username that wrote it (null: the YAML) */
  updatedBy: string | null;
  updatedAt: string;
  /** a queue of the YAML deleted over the API: kept so the YAML does not bring it back */
  deleted: boolean;
}

export interface QueueStore {
  /** every row, tombstones included, by name */
  list(): Promise<StoredQueue[]>;
  /** the YAML's queues written (new ones, or unedited ones whose YAML changed), in one transaction */
  seed(definitions: QueueConfig[]): Promise<void>;
  /** a new queue (over a tombstone too); CTI_ERR_CONFLICT if the name is taken */
  create(definition: QueueConfig, by: string | null, apply: () => void): Promise<StoredQueue>;
  /** a queue's new definition; CTI_ERR_NOT_FOUND if there is none */
  replace(definition: QueueConfig, by: string | null, apply: () => void): Promise<StoredQueue>;
  /** deleted (tombstone: marked deleted instead); CTI_ERR_NOT_FOUND if there is none */
  remove(name: string, tombstone: boolean, by: string | null, apply: () => void): Promise<void>;
}
