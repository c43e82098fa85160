// Port names of the configuration and the simulated world, on a board's
// channels: 'fxs:N' and 'fxo:N' (the N-th phone port / line, 1-based),
// 'e1:TS' (timeslot TS of the first E1 span), 'e1:S:TS' (of the S-th).
import type { BoardMirror, ChannelMirror } from '../telephony/inventory.ts';

export function channelByPort(board: BoardMirror, port: string): ChannelMirror | undefined {
  const [kind, a, b] = port.split(':');
  if (kind === 'fxs' || kind === 'fxo') return board.channels.filter((c) => c.kind === kind)[Number(a) - 1];
  if (kind === 'e1') {
    const e1Spans = board.spans.filter((s) => s.kind === 'e1');
    const span = e1Spans[(b === undefined ? 1 : Number(a)) - 1];
    const ts = Number(b ?? a);
    return span?.channels.find((c) => c.timeslot === ts);
  }
  return undefined;
}

export function portName(board: BoardMirror, ch: ChannelMirror): string {
  if (ch.kind === 'fxs' || ch.kind === 'fxo') return `${ch.kind}:${board.channels.filter((c) => c.kind === ch.kind).indexOf(ch) + 1}`;
  const e1Spans = board.spans.filter((s) => s.kind === 'e1');
  const i = e1Spans.findIndex((s) => s.span === ch.span);
  return i === 0 ? `e1:${ch.timeslot}` : `e1:${i + 1}:${ch.timeslot}`;
}
