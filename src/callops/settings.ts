// Per-extension call settings: do not disturb, call forwarding (always, on
// busy, on no answer) and camp-on requests (ring me back when that extension
// is free). Kept here in memory; with a database every change is also
// written through (onChange, src/db/extension-settings.ts) and restore() puts
// the saved settings back at start-up, so they outlive a restart.
import { CtiError } from '../native/errors.ts';

export const FORWARD_KINDS = ['always', 'busy', 'no-answer'] as const;
export type ForwardKind = (typeof FORWARD_KINDS)[number];

export interface ExtensionSettingsView {
  extension: string;
  dnd: boolean;
  forward: Partial<Record<ForwardKind, string>>;
  /** ms a forward on no answer lets the phone ring first */
  noAnswerMs: number;
  /** extensions this one waits for (camp-on) */
  campOn: string[];
}

export interface CampOn {
  /** who asked to be rung back */
  from: string;
  /** the extension that was busy */
  to: string;
  since: number;
}

/** What is saved per extension (the database's row). */
export interface SavedExtensionSettings {
  extension: string;
  dnd: boolean;
  forward: Partial<Record<ForwardKind, string>>;
  noAnswerMs: number | null;
  campOn: string[];
}

const DEFAULT_NO_ANSWER_MS = 15000;

export class ExtensionSettings {
  #dnd = new Set<string>();
  #forward = new Map<string, Partial<Record<ForwardKind, string>>>();
  #noAnswerMs = new Map<string, number>();
  #campOns: CampOn[] = [];
  #listeners: ((ext: string) => void)[] = [];
  /** extensions changed since start: restore() leaves them as they are now */
  #touched = new Set<string>();

  constructor(private readonly exists: (ext: string) => boolean) {}

  /** `f` is called after every change of an extension's settings (by the API, a desk phone, a restore). */
  onChange(f: (ext: string) => void): () => void {
    this.#listeners.push(f);
    return () => (this.#listeners = this.#listeners.filter((x) => x !== f));
  }

  /** What to save for `ext`. */
  saved(ext: string): SavedExtensionSettings {
    return {
      extension: ext,
      dnd: this.#dnd.has(ext),
      forward: { ...this.#forward.get(ext) },
      noAnswerMs: this.#noAnswerMs.get(ext) ?? null,
      campOn: this.#campOns.filter((c) => c.from === ext).map((c) => c.to),
    };
  }

  /**
   * Puts saved settings back (start-up). Extensions the configuration no
   * longer has are skipped; ones changed since start keep their new settings.
   */
  restore(rows: readonly SavedExtensionSettings[], now: number): string[] {
    const done: string[] = [];
    for (const r of rows) {
      if (!this.exists(r.extension) || this.#touched.has(r.extension)) continue;
      if (r.dnd) this.#dnd.add(r.extension);
      const f = Object.fromEntries(
        Object.entries(r.forward).filter(([k, to]) => (FORWARD_KINDS as readonly string[]).includes(k) && to && to !== r.extension),
      );
      if (Object.keys(f).length) this.#forward.set(r.extension, f);
      if (r.noAnswerMs !== null) this.#noAnswerMs.set(r.extension, r.noAnswerMs);
      for (const to of r.campOn) if (this.exists(to) && to !== r.extension) this.#campOns.push({ from: r.extension, to, since: now });
      done.push(r.extension);
    }
    for (const ext of done) this.#listeners.forEach((f) => f(ext));
    return done;
  }

  #changed(ext: string): void {
    this.#touched.add(ext);
    for (const f of this.#listeners) f(ext);
  }

  view(ext: string): ExtensionSettingsView {
    this.#need(ext);
    return {
      extension: ext,
      dnd: this.#dnd.has(ext),
      forward: { ...this.#forward.get(ext) },
      noAnswerMs: this.noAnswerMs(ext),
      campOn: this.#campOns.filter((c) => c.from === ext).map((c) => c.to),
    };
  }

  dnd(ext: string): boolean {
    return this.#dnd.has(ext);
  }

  setDnd(ext: string, on: boolean): void {
    this.#need(ext);
    if (on === this.#dnd.has(ext)) return;
    if (on) this.#dnd.add(ext);
    else this.#dnd.delete(ext);
    this.#changed(ext);
  }

  forwardOf(ext: string, kind: ForwardKind): string | undefined {
    return this.#forward.get(ext)?.[kind];
  }

  noAnswerMs(ext: string): number {
    return this.#noAnswerMs.get(ext) ?? DEFAULT_NO_ANSWER_MS;
  }

  /** `to` undefined cancels that forward. */
  setForward(ext: string, kind: ForwardKind, to: string | undefined, noAnswerMs?: number): void {
    this.#need(ext);
    if (to === ext) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `forward: ${ext} cannot forward to itself`);
    const f = { ...this.#forward.get(ext) };
    if (to) f[kind] = to;
    else delete f[kind];
    this.#forward.set(ext, f);
    if (noAnswerMs !== undefined) this.#noAnswerMs.set(ext, noAnswerMs);
    this.#changed(ext);
  }

  clearForwards(ext: string): void {
    this.#forward.delete(ext);
    this.#changed(ext);
  }

  addCampOn(from: string, to: string, now: number): void {
    this.#need(from);
    this.#need(to);
    if (from === to) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'camp-on: an extension cannot wait for itself');
    if (this.#campOns.some((c) => c.from === from && c.to === to)) return;
    this.#campOns.push({ from, to, since: now });
    this.#changed(from);
  }

  removeCampOn(c: CampOn): void {
    this.#campOns = this.#campOns.filter((x) => x !== c);
    this.#changed(c.from);
  }

  cancelCampOns(from: string): void {
    this.#campOns = this.#campOns.filter((c) => c.from !== from);
    this.#changed(from);
  }

  /** Oldest first. */
  campOns(): readonly CampOn[] {
    return this.#campOns;
  }

  #need(ext: string): void {
    if (!this.exists(ext)) throw new CtiError('CTI_ERR_NOT_FOUND', `no extension ${ext}`);
  }
}
