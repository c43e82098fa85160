// IVR flows by version, kept in a store (the database): list and read them,
// check a flow without saving it, add a version, activate one, roll back to
// the one before. The flow files of ivr.dir are the seed: at start (and when
// a watched file changes) a file whose flow differs from the last version
// recorded from it becomes a new version and is activated; otherwise the
// store's active versions are what is in service, so API changes outlive a
// restart. A call keeps the flow object it started on: activating another
// version changes the next call only (registry.ts).
import { CtiError } from '../native/errors.ts';
import type { Log } from '../telephony/log.ts';
import type { Flow } from './flow-schema.ts';
import type { FlowStore, StoredFlow } from './flow-store.ts';
import type { FlowRegistry } from './registry.ts';
import { checkFlow, FlowError, parseFlow, type CheckOptions, type Checked, type FlowIssue } from './validate.ts';
import { canonical } from '../config/canonical.ts';

/** A flow as the API takes it: YAML (or JSON) text, whose issues name lines, or an object. */
export type FlowInput = { yaml: string; flow?: never } | { flow: Record<string, unknown>; yaml?: never };

export interface FlowSummary {
  name: string;
  description: string | null;
  /** the active version in the store (null: none activated) */
  activeVersion: number | null;
  /** the version new calls get now */
  inService: number | null;
  versions: number;
}

export interface FlowVersionView {
  version: number;
  source: string;
  createdBy: string | null;
  createdAt: string;
  active: boolean;
  flow: unknown;
}

export interface FlowDetail extends FlowSummary {
  history: FlowVersionView[];
}

export type Validation = { valid: true; name: string; warnings: FlowIssue[] } | { valid: false; errors: FlowIssue[]; message: string };

export interface FlowServiceOptions {
  registry: FlowRegistry;
  store: FlowStore;
  programs: () => ReadonlySet<string>;
  /** the shared schedules and holiday lists flows may name (with a database) */
  calendars?: () => NonNullable<CheckOptions['calendars']>;
  /** the first sync waits for it (the shared calendars being loaded) */
  after?: Promise<unknown>;
  log: Log;
}

export class FlowService {
  /** settles once the files are recorded and the store's active versions are in service */
  readonly ready: Promise<void>;
  #sync: Promise<void> = Promise.resolve();

  #checkOptions(): CheckOptions {
    return { programs: this.o.programs(), ...(this.o.calendars ? { calendars: this.o.calendars() } : {}) };
  }

  constructor(private readonly o: FlowServiceOptions) {
    this.#sync = Promise.resolve(o.after).then(
      () => {},
      () => {},
    );
    this.ready = this.sync();
  }

  /** Records changed flow files as new active versions, then puts every active version in service. */
  sync(): Promise<void> {
    const run = this.#sync.then(() => this.#syncNow());
    this.#sync = run.catch((e: unknown) =>
      this.o.log.error({ err: (e as Error).message }, 'IVR flows could not be synced with the database'),
    );
    return this.#sync;
  }

  async #syncNow(): Promise<void> {
    const { checked } = this.o.registry.readFiles();
    for (const f of checked) {
      const mine = (await this.o.store.versions(f.flow.name)).filter((v) => v.source === f.source).at(-1);
      if (mine && canonical(mine.flow) === canonical(f.flow)) continue;
      const v = await this.o.store.add(f.flow.name, f.flow, f.source, null, true);
      this.o.log.info({ flow: f.flow.name, version: v.version, file: f.source }, 'IVR flow file recorded as a new version');
    }
    for (const h of await this.o.store.heads()) {
      if (h.active === null) continue;
      const v = (await this.o.store.versions(h.name)).find((x) => x.version === h.active);
      if (v) this.#install(v);
    }
  }

  async list(): Promise<FlowSummary[]> {
    await this.ready;
    const out: FlowSummary[] = [];
    for (const h of await this.o.store.heads()) out.push(this.#summary(h.name, h.active, await this.o.store.versions(h.name)));
    return out;
  }

  async get(name: string): Promise<FlowDetail> {
    await this.ready;
    const head = (await this.o.store.heads()).find((h) => h.name === name);
    if (!head) throw new CtiError('CTI_ERR_NOT_FOUND', `no IVR flow ${name}`);
    const versions = await this.o.store.versions(name);
    return {
      ...this.#summary(name, head.active, versions),
      history: versions.map((v) => ({
        version: v.version,
        source: v.source,
        createdBy: v.createdBy,
        createdAt: v.createdAt,
        active: v.version === head.active,
        flow: v.flow,
      })),
    };
  }

  /** Checks a flow as create() would, saving nothing. */
  validate(input: FlowInput, source = 'api'): Validation {
    try {
      const r = this.#check(input, source);
      return { valid: true, name: r.flow.name, warnings: r.warnings };
    } catch (e) {
      if (e instanceof FlowError) return { valid: false, errors: e.issues, message: e.message };
      throw e;
    }
  }

  /** Adds a version of flow `name` (not in service until activated, unless `activate`); throws a FlowError when it is bad. */
  async create(name: string, input: FlowInput, by: string | null, activate = false): Promise<FlowVersionView> {
    await this.ready;
    const r = this.#check(input, `api:${name}`);
    if (r.flow.name !== name)
      throw new FlowError(`api:${name}`, [
        { path: 'name', message: `the flow is named ${JSON.stringify(r.flow.name)}, not ${JSON.stringify(name)}` },
      ]);
    const v = await this.o.store.add(name, r.flow, 'api', by, activate);
    if (activate) this.#install(v);
    this.o.log.info({ flow: name, version: v.version, by, activate }, 'IVR flow version added');
    return { version: v.version, source: v.source, createdBy: v.createdBy, createdAt: v.createdAt, active: activate, flow: v.flow };
  }

  /** Puts `version` of `name` in service (new calls get it; calls in progress keep theirs). */
  async activate(name: string, version: number, by: string | null = null): Promise<FlowDetail> {
    await this.ready;
    const v = (await this.o.store.versions(name)).find((x) => x.version === version);
    if (!v) throw new CtiError('CTI_ERR_NOT_FOUND', `IVR flow ${name} has no version ${version}`);
    // Checked again: a programmable node it names may be gone since it was saved.
    const checked = this.#checkStored(v);
    await this.o.store.activate(name, version);
    this.o.registry.set({ flow: checked.flow, version, source: v.source, warnings: checked.warnings });
    this.o.log.info({ flow: name, version, by }, 'IVR flow version activated');
    return this.get(name);
  }

  /** Activates the newest version older than the active one. */
  async rollback(name: string, by: string | null = null): Promise<FlowDetail> {
    const d = await this.get(name);
    if (d.activeVersion === null) throw new CtiError('CTI_ERR_CONFLICT', `IVR flow ${name} has no active version to roll back from`);
    const prev = d.history.filter((v) => v.version < d.activeVersion!).at(-1);
    if (!prev) throw new CtiError('CTI_ERR_CONFLICT', `IVR flow ${name}: version ${d.activeVersion} is the first, there is none before it`);
    return this.activate(name, prev.version, by);
  }

  #summary(name: string, active: number | null, versions: StoredFlow[]): FlowSummary {
    const shown = versions.find((v) => v.version === active) ?? versions.at(-1);
    const description = (shown?.flow as Partial<Flow> | undefined)?.description;
    return {
      name,
      description: typeof description === 'string' ? description : null,
      activeVersion: active,
      inService: this.o.registry.get(name)?.version ?? null,
      versions: versions.length,
    };
  }

  #check(input: FlowInput, source: string): Checked {
    const opts = this.#checkOptions();
    return typeof input.yaml === 'string' ? parseFlow(input.yaml, source, opts) : checkFlow(input.flow, source, opts);
  }

  #checkStored(v: StoredFlow): Checked {
    try {
      return checkFlow(v.flow, `${v.name}@${v.version}`, this.#checkOptions());
    } catch (e) {
      if (e instanceof FlowError)
        throw new CtiError('CTI_ERR_CONFLICT', `IVR flow ${v.name} version ${v.version} cannot go in service now: ${e.message}`);
      throw e;
    }
  }

  #install(v: StoredFlow): void {
    try {
      const c = this.#checkStored(v);
      this.o.registry.set({ flow: c.flow, version: v.version, source: v.source, warnings: c.warnings });
    } catch (e) {
      this.o.log.error(
        { flow: v.name, version: v.version, err: (e as Error).message },
        'IVR flow version refused: the one in service stays',
      );
    }
  }
}
