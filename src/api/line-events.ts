// The lines' and extensions' status on the event stream: whenever a leg is
// placed on a channel, changes state or ends, or a span's alarms or D channel
// change, `lines:changed` goes to every agent and supervisor (topic
// `agents`), at most once per turn of the event loop. It carries no state:
// the console re-reads GET /api/boards (every logged-in role may).
import type { Leg } from '../telephony/leg.ts';
import type { Telephony } from '../telephony/telephony.ts';
import type { EventPublisher } from './events.ts';

/** Starts publishing; returns the function that stops it. */
export function publishLineStatus(o: { telephony: Telephony; events: EventPublisher }): () => void {
  let pending: { board: number; span: number; channel?: number }[] = [];
  let timer: ReturnType<typeof setImmediate> | undefined;
  const changed = (at: { board: number; span: number; channel?: number }) => {
    pending.push(at);
    timer ??= setImmediate(() => {
      const channels = pending;
      pending = [];
      timer = undefined;
      o.events.publish('agents', 'lines:changed', { channels });
    });
  };
  const ofLeg = (leg: Leg) => () => changed({ board: leg.ref.board, span: leg.channel.span, channel: leg.channel.number });
  const onLeg = ({ leg }: { leg: Leg }) => {
    const f = ofLeg(leg);
    f();
    leg.on('leg:state', f);
    leg.once('leg:ended', () => {
      leg.off('leg:state', f);
      f();
    });
  };
  const onSpan = (e: { board: number; span: number }) => changed({ board: e.board, span: e.span });
  o.telephony.on('leg:created', onLeg);
  o.telephony.on('span:alarm', onSpan);
  o.telephony.on('span:dchan', onSpan);
  return () => {
    o.telephony.off('leg:created', onLeg);
    o.telephony.off('span:alarm', onSpan);
    o.telephony.off('span:dchan', onSpan);
    if (timer) clearImmediate(timer);
  };
}
