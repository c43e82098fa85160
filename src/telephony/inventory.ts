// Boards, spans and channels mirrored in TS: what the engine reported at
// start-up (boardInfo) plus what line events say since (line state, span
// alarms, resets), the role configuration gave each channel (an extension's
// phone, a PSTN line) and the leg currently on it.
import type { BoardInfo, ChannelRef, LineStateName, NativeEvent } from './engine-port.ts';
import type { ChannelKind } from './types.ts';

/** What a channel is for: a desk phone's extension, or a line's own number. */
export interface ChannelRole {
  extension?: string;
  /** a PSTN line or E1 timeslot's number (DDI), if known */
  number?: string;
  name?: string;
}

/** Who occupies a channel: the telephony core sets this to its leg. */
export interface ChannelOccupant {
  readonly id: string;
  readonly state: string;
  readonly call: { readonly id: string };
}

export class ChannelMirror {
  lineState: LineStateName = 'idle';
  role: ChannelRole = {};
  leg: ChannelOccupant | undefined;
  /** after a call: a phone left off hook hears busy tone until it hangs up */
  clearing = false;
  /** E1: line signalling of its span (ISDN PRI or CAS) */
  signalling: 'cas' | 'pri' | undefined;
  /** E1 CAS: how the numbers travel after the seizure (MFC-R2 registers, or DTMF for the dialled number only) */
  registers: 'mfcr2' | 'dtmf' | undefined;
  /** line state moves the native table refused on this channel (line:refused) */
  refusedMoves = 0;

  constructor(
    readonly board: number,
    readonly span: number,
    readonly number: number,
    readonly kind: ChannelKind,
    readonly law: 'alaw' | 'ulaw',
    readonly timeslot: number | undefined,
  ) {}

  get ref(): ChannelRef {
    return { board: this.board, channel: this.number };
  }

  get label(): string {
    const what = this.kind === 'e1' ? `e1 span ${this.span} ts ${this.timeslot}` : `${this.kind} ${this.number}`;
    return this.role.extension ? `${what} (ext ${this.role.extension})` : what;
  }
}

export class SpanMirror {
  alarms = 0;
  /** ISDN PRI: the D channel's link (Q.921), as the engine last reported it */
  dchan: 'up' | 'down' | undefined;
  constructor(
    readonly board: number,
    readonly span: number,
    readonly kind: 'analog' | 'e1' | 'loopback',
    readonly channels: ChannelMirror[],
  ) {}
}

export class BoardMirror {
  resets = 0;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly info: Omit<BoardInfo, 'channels'>,
    readonly spans: SpanMirror[],
    readonly channels: ChannelMirror[],
  ) {}
}

export class Inventory {
  readonly boards: BoardMirror[] = [];

  /** Mirrors a board the engine has; `name` is what configuration calls it. */
  addBoard(id: number, info: BoardInfo, name = `board${id}`, lineStates?: LineStateName[]): BoardMirror {
    const perSpanE1 = new Map<number, number>();
    const channels = info.channels.map((c, i) => {
      let timeslot: number | undefined;
      if (c.kind === 'e1') {
        const n = (perSpanE1.get(c.span) ?? 0) + 1;
        perSpanE1.set(c.span, n);
        timeslot = c.timeslot ?? (n <= 15 ? n : n + 1); // TS16 carries signalling
      }
      const m = new ChannelMirror(id, c.span, c.number, c.kind, c.law, timeslot);
      if (c.kind === 'e1') m.signalling = c.signalling ?? 'cas';
      if (c.kind === 'e1' && m.signalling === 'cas') m.registers = c.registers ?? 'dtmf';
      if (lineStates?.[i]) m.lineState = lineStates[i]!;
      return m;
    });
    const spanNumbers = [...new Set(channels.map((c) => c.span))].sort((a, b) => a - b);
    const spans = spanNumbers.map((s) => {
      const chans = channels.filter((c) => c.span === s);
      const kind = chans.some((c) => c.kind === 'e1') ? 'e1' : chans.every((c) => c.kind === 'loopback') ? 'loopback' : 'analog';
      const span = new SpanMirror(id, s, kind, chans);
      if (chans.some((c) => c.signalling === 'pri')) span.dchan = 'down';
      return span;
    });
    const { channels: _omit, ...rest } = info;
    const board = new BoardMirror(id, name, rest, spans, channels);
    this.boards.push(board);
    return board;
  }

  board(idOrName: number | string): BoardMirror | undefined {
    return this.boards.find((b) => (typeof idOrName === 'number' ? b.id === idOrName : b.name === idOrName));
  }

  channel(ref: ChannelRef): ChannelMirror | undefined {
    return this.board(ref.board)?.channels[ref.channel - 1];
  }

  span(board: number, span: number): SpanMirror | undefined {
    return this.board(board)?.spans.find((s) => s.span === span);
  }

  channels(filter: (c: ChannelMirror) => boolean = () => true): ChannelMirror[] {
    return this.boards.flatMap((b) => b.channels.filter(filter));
  }

  byExtension(ext: string): ChannelMirror | undefined {
    return this.channels((c) => c.role.extension === ext)[0];
  }

  /** Channels a call can go out on (FXO lines, E1 timeslots), in order. */
  trunks(): ChannelMirror[] {
    return this.channels((c) => c.kind === 'fxo' || c.kind === 'e1');
  }

  /** Follows the engine's view: line states, span alarms, board resets. */
  onEvent(e: NativeEvent): void {
    if (e.board === undefined) return;
    if (e.type === 'line:state' && e.channel !== undefined && e.name) {
      const c = this.channel({ board: e.board, channel: e.channel });
      if (c) c.lineState = e.name as LineStateName;
    } else if (e.type === 'line:refused' && e.channel !== undefined) {
      const c = this.channel({ board: e.board, channel: e.channel });
      if (c) c.refusedMoves = e.value ?? c.refusedMoves + 1;
    } else if (e.type === 'span:alarm' && e.span !== undefined) {
      const s = this.span(e.board, e.span);
      if (s) s.alarms = e.value ?? 0;
    } else if (e.type === 'span:dchan' && e.span !== undefined) {
      const s = this.span(e.board, e.span);
      if (s) s.dchan = e.value ? 'up' : 'down';
    } else if (e.type === 'board:reset') {
      const b = this.board(e.board);
      if (b) {
        b.resets++;
        for (const c of b.channels) c.lineState = 'idle';
      }
    }
  }
}
