// Where the versions of IVR flows are kept (the database: src/db/ivr-flows.ts).
// Versions of a flow are numbered 1, 2, ... by the store; at most one of them
// is active (in service).

export interface StoredFlow {
  name: string;
  version: number;
  /** the checked flow object */
  flow: unknown;
  /** the file it came from, or 'api' */
  source: string;
  /** the account that added it (null: from a file) */
  createdBy: string | null;
  createdAt: string;
}

export interface FlowHead {
  name: string;
  /** the version in service, null when none was activated */
  active: number | null;
}

export interface FlowStore {
  /** every flow's name and active version */
  heads(): Promise<FlowHead[]>;
  /** the versions of a flow, oldest first */
  versions(name: string): Promise<StoredFlow[]>;
  /** adds the next version of `name` (and makes it active when asked), in one transaction */
  add(name: string, flow: unknown, source: string, createdBy: string | null, activate: boolean): Promise<StoredFlow>;
  /** makes `version` of `name` the active one; CTI_ERR_NOT_FOUND when there is no such version */
  activate(name: string, version: number): Promise<void>;
}
