// Per-extension call settings: do not disturb, call forwarding (always, on
// busy, on no answer) and camp-on requests (ring me back when that extension
// is free). Kept in memory: they last until the server restarts.
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

const DEFAULT_NO_ANSWER_MS = 15000;

export class ExtensionSettings {
  #dnd = new Set<string>();
  #forward = new Map<string, Partial<Record<ForwardKind, string>>>();
  #noAnswerMs = new Map<string, number>();
  #campOns: CampOn[] = [];

  constructor(private readonly exists: (ext: string) => boolean) {}

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
    if (on) this.#dnd.add(ext);
    else this.#dnd.delete(ext);
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
  }

  clearForwards(ext: string): void {
    this.#forward.delete(ext);
  }

  addCampOn(from: string, to: string, now: number): void {
    this.#need(from);
    this.#need(to);
    if (from === to) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'camp-on: an extension cannot wait for itself');
    if (!this.#campOns.some((c) => c.from === from && c.to === to)) this.#campOns.push({ from, to, since: now });
  }

  removeCampOn(c: CampOn): void {
    this.#campOns = this.#campOns.filter((x) => x !== c);
  }

  cancelCampOns(from: string): void {
    this.#campOns = this.#campOns.filter((c) => c.from !== from);
  }

  /** Oldest first. */
  campOns(): readonly CampOn[] {
    return this.#campOns;
  }

  #need(ext: string): void {
    if (!this.exists(ext)) throw new CtiError('CTI_ERR_NOT_FOUND', `no extension ${ext}`);
  }
}
