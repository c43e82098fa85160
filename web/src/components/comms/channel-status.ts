// What the status page shows of a channel of GET /api/boards: idle, in use,
// ringing, blocked, or in alarm (its span has an alarm).
import type { Reply } from '../../api/client.ts';

type Board = Reply<'lineStatus'>[number];
type Channel = Board['channels'][number];

export type Status = 'idle' | 'busy' | 'ringing' | 'alarm' | 'blocked';

export interface ChannelStatus {
  port: string;
  /** the line's number or the extension (else the port) */
  name: string;
  kind: Channel['kind'];
  status: Status;
}

const RINGING = new Set(['ringing', 'alerting', 'offered']);

export function channelStatus(c: Channel, spanAlarms: string[]): Status {
  if (spanAlarms.length) return 'alarm';
  if (c.lineState === 'blocked') return 'blocked';
  if (RINGING.has(c.lineState) || (c.call && RINGING.has(c.call.state))) return 'ringing';
  if (c.call || c.lineState !== 'idle') return 'busy';
  return 'idle';
}

/** The boards' trunk lines (FXO, E1) and extensions (FXS), and their spans' alarms. */
export function statusOf(boards: Board[]): {
  lines: ChannelStatus[];
  extensions: ChannelStatus[];
  alarms: { span: number; alarms: string[] }[];
} {
  const lines: ChannelStatus[] = [];
  const extensions: ChannelStatus[] = [];
  const alarms: { span: number; alarms: string[] }[] = [];
  for (const b of boards) {
    const bySpan = new Map(b.spans.map((s) => [s.span, s.alarms]));
    for (const s of b.spans) if (s.alarms.length) alarms.push({ span: s.span, alarms: s.alarms });
    for (const c of b.channels) {
      const status = channelStatus(c, bySpan.get(c.span) ?? []);
      if (c.kind === 'fxs') extensions.push({ port: c.port, name: c.extension ?? c.port, kind: c.kind, status });
      else if (c.kind === 'fxo' || c.kind === 'e1') lines.push({ port: c.port, name: c.lineNumber ?? c.port, kind: c.kind, status });
    }
  }
  return { lines, extensions, alarms };
}
