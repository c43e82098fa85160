// The flows in service, by name, each with a version number. Flows come from
// files in a folder (*.yaml, *.yml, *.json; the name inside the file counts)
// and from the API (put). reload() re-reads the folder; watch() does it when a
// file changes. A flow that fails its checks is refused and the version in
// service stays; a call keeps the flow object it started with, so calls in
// progress finish on the old version and the next call gets the new one.
import { existsSync, readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../telephony/log.ts';
import type { Flow } from './flow-schema.ts';
import { checkFlow, FlowError, parseFlow, type CheckOptions, type Checked, type FlowIssue } from './validate.ts';

export interface FlowVersion {
  flow: Flow;
  version: number;
  /** the file it came from, or 'api' */
  source: string;
  warnings: FlowIssue[];
}

export interface ReloadResult {
  loaded: string[];
  unchanged: string[];
  refused: { source: string; error: FlowError }[];
}

export interface FlowRegistryOptions {
  /** folder of flow files (none: flows only from put()) */
  dir?: string;
  /** names of the programmable nodes (a flow naming another is refused) */
  programs: () => ReadonlySet<string>;
  /** the shared schedules and holiday lists flows may name (with a database) */
  calendars?: () => NonNullable<CheckOptions['calendars']>;
  log: Log;
}

export class FlowRegistry {
  readonly #flows = new Map<string, FlowVersion>();
  #watcher: FSWatcher | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: FlowRegistryOptions) {}

  #checkOptions(): CheckOptions {
    return { programs: this.o.programs(), ...(this.o.calendars ? { calendars: this.o.calendars() } : {}) };
  }

  get(name: string): FlowVersion | undefined {
    return this.#flows.get(name);
  }

  list(): FlowVersion[] {
    return [...this.#flows.values()];
  }

  /** Puts a flow object in service (from the API); throws a FlowError and keeps the old one when it is bad. */
  put(data: unknown, source = 'api'): FlowVersion {
    const r = checkFlow(data, source, this.#checkOptions());
    return this.#install(r.flow, source, r.warnings).entry;
  }

  remove(name: string): boolean {
    return this.#flows.delete(name);
  }

  /** Reads every flow file of the folder again. */
  reload(): ReloadResult {
    const out: ReloadResult = { loaded: [], unchanged: [], refused: [] };
    const files = this.readFiles();
    out.refused = files.refused;
    for (const r of files.checked) {
      const { entry, changed } = this.#install(r.flow, r.source, r.warnings);
      (changed ? out.loaded : out.unchanged).push(entry.flow.name);
    }
    return out;
  }

  /** Reads and checks the flow files of the folder without putting them in service. */
  readFiles(): { checked: (Checked & { source: string })[]; refused: ReloadResult['refused'] } {
    const out: ReturnType<FlowRegistry['readFiles']> = { checked: [], refused: [] };
    const dir = this.o.dir;
    if (!dir || !existsSync(dir)) return out;
    for (const f of readdirSync(dir)
      .filter((n) => /\.(ya?ml|json)$/i.test(n))
      .sort()) {
      const source = join(dir, f);
      try {
        const r = parseFlow(readFileSync(source, 'utf8'), source, this.#checkOptions());
        for (const w of r.warnings)
          this.o.log.warn({ flow: r.flow.name, node: w.node ?? null, line: w.line ?? null }, `IVR flow: ${w.path}: ${w.message}`);
        out.checked.push({ ...r, source });
      } catch (e) {
        if (!(e instanceof FlowError)) throw e;
        this.o.log.error({ file: source }, `IVR flow refused (the version in service stays):\n${e.message}`);
        out.refused.push({ source, error: e });
      }
    }
    return out;
  }

  /** Puts a version numbered elsewhere (the database) in service; calls in progress keep theirs. */
  set(entry: FlowVersion): void {
    const old = this.#flows.get(entry.flow.name);
    if (old?.version === entry.version && JSON.stringify(old.flow) === JSON.stringify(entry.flow)) return;
    this.#flows.set(entry.flow.name, { ...entry, flow: Object.freeze(entry.flow) });
    this.o.log.info({ flow: entry.flow.name, version: entry.version, source: entry.source }, 'IVR flow in service');
  }

  /** Reloads (or runs `onChange`) when a file of the folder changes (debounced); stop with close(). */
  watch(debounceMs = 300, onChange: () => unknown = () => this.reload()): this {
    const dir = this.o.dir;
    if (!dir || !existsSync(dir) || this.#watcher) return this;
    this.#watcher = watch(dir, () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(onChange, debounceMs);
    });
    this.#watcher.on('error', (e) => this.o.log.warn({ err: e.message }, 'IVR flow folder watch failed'));
    return this;
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  #install(flow: Flow, source: string, warnings: FlowIssue[]): { entry: FlowVersion; changed: boolean } {
    const old = this.#flows.get(flow.name);
    if (old && JSON.stringify(old.flow) === JSON.stringify(flow)) return { entry: old, changed: false };
    const entry = { flow: Object.freeze(flow), version: (old?.version ?? 0) + 1, source, warnings };
    this.#flows.set(flow.name, entry);
    this.o.log.info({ flow: flow.name, version: entry.version, source }, 'IVR flow in service');
    return { entry, changed: true };
  }
}
