// What GET /api/health and GET /api/boards answer: the engine's health, and
// every board with its spans and channels as they are now (line state, role,
// the call on it).
import type { BoardView, ChannelView, HealthView, UseCount } from '../api/views.ts';
import type { SpanStatus } from '../native/engine.ts';
import type { EngineStats } from '../native/types/engine.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Telephony } from '../telephony/telephony.ts';
import { portName } from './ports.ts';

function useCount(channels: ChannelView[]): UseCount {
  return { total: channels.length, inUse: channels.filter((c) => c.lineState !== 'idle' || c.call !== null).length };
}

const ALARM_NAMES: [number, string][] = [
  [1, 'los'],
  [2, 'red'],
  [4, 'yellow'],
  [8, 'ais'],
];

/** The names of a span's alarm bits (as span:alarm carries them). */
export const alarmNames = (bits: number): string[] => ALARM_NAMES.filter(([bit]) => bits & bit).map(([, n]) => n);

export function boardsView(tel: Telephony): BoardView[] {
  return tel.inventory.boards.map((b) => withTotals(b, tel));
}

function withTotals(b: Telephony['inventory']['boards'][number], tel: Telephony): BoardView {
  const view = boardView(b, tel);
  const lines = view.channels.filter((c) => c.kind === 'fxo' || c.kind === 'e1');
  const extensions = view.channels.filter((c) => c.kind === 'fxs');
  return { ...view, totals: { lines: useCount(lines), extensions: useCount(extensions) } };
}

function boardView(b: Telephony['inventory']['boards'][number], tel: Telephony): Omit<BoardView, 'totals'> {
  return {
    id: b.id,
    name: b.name,
    driver: b.info.driver,
    model: b.info.model,
    serial: b.info.serial,
    firmware: b.info.firmware,
    resets: b.resets,
    spans: b.spans.map((s) => {
      let status: SpanStatus | undefined;
      try {
        status = s.kind === 'e1' ? tel.engine.spanStatus?.(b.id, s.span) : undefined;
      } catch {
        status = undefined;
      }
      return {
        span: s.span,
        kind: s.kind,
        signalling: s.kind === 'e1' ? (s.channels[0]?.signalling ?? 'cas') : null,
        dchan: s.dchan ?? null,
        alarms: status ? [...status.alarms] : alarmNames(s.alarms),
        counters: status
          ? {
              slips: status.slips,
              crcErrors: status.crcErrors,
              bipolarViolations: status.bipolarViolations,
              frameErrors: status.frameErrors,
            }
          : null,
      };
    }),
    channels: b.channels.map((c) => {
      const leg = c.leg as Leg | undefined;
      return {
        number: c.number,
        span: c.span,
        timeslot: c.timeslot ?? null,
        kind: c.kind,
        law: c.law,
        port: c.kind === 'loopback' ? `ch:${c.number}` : portName(b, c),
        lineState: c.lineState,
        extension: c.role.extension ?? null,
        lineNumber: c.role.number ?? null,
        clearing: c.clearing,
        refusedMoves: c.refusedMoves,
        call: leg ? { id: leg.call.id, legId: leg.id, state: leg.state } : null,
      };
    }),
  };
}

export function healthView(tel: Telephony, engine: { stats(): EngineStats; mode: string }, isa: string, startedAtMs: number): HealthView {
  const spans = tel.inventory.boards.flatMap((b) => b.spans);
  return {
    status: 'ok',
    uptimeMs: Date.now() - startedAtMs,
    engine: { ...engine.stats(), isa, mode: engine.mode },
    calls: { active: tel.activeCalls().length },
    spansInAlarm: spans.filter((s) => s.alarms !== 0).length,
  };
}
