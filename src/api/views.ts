// What the board, health and simulator routes answer (the shapes; the server
// builds them from the running telephony and the simulated world).
import type { EngineStats } from '../native/types/engine.ts';

export interface HealthView {
  status: 'ok';
  uptimeMs: number;
  engine: EngineStats & { isa: string; mode: string };
  calls: { active: number };
  spansInAlarm: number;
}

export interface ChannelView {
  number: number;
  span: number;
  timeslot: number | null;
  kind: string;
  law: string;
  port: string;
  lineState: string;
  extension: string | null;
  lineNumber: string | null;
  clearing: boolean;
  /** line state moves the native table refused on this channel (each one logged) */
  refusedMoves: number;
  call: { id: string; legId: string; state: string } | null;
}

export interface SpanView {
  span: number;
  kind: string;
  /** E1: line signalling on TS16 */
  signalling: 'cas' | 'pri' | null;
  /** ISDN PRI: the D channel's link */
  dchan: 'up' | 'down' | null;
  alarms: string[];
  counters: { slips: number; crcErrors: number; bipolarViolations: number; frameErrors: number } | null;
}

export interface BoardView {
  id: number;
  name: string;
  driver: string;
  model: string;
  serial: string;
  firmware: string;
  resets: number;
  spans: SpanView[];
  channels: ChannelView[];
  /** lines: FXO and E1 trunk channels; extensions: FXS; in use: off idle or carrying a call */
  totals: { lines: UseCount; extensions: UseCount };
}

export interface UseCount {
  total: number;
  inUse: number;
}

/** One report of a simulated listener's detectors (DTMF, a tone, voice, silence...), in world time. */
export interface HeardView {
  kind: string;
  /** tone name, digit, or the kind again */
  value: string;
  atMs: number;
}

export interface SimCallView {
  id: number;
  direction: 'incoming' | 'outgoing';
  from: string;
  to: string;
  trunk: string;
  state: string;
  endedReason: string | null;
  /** call-progress tones heard, in order */
  tones: string[];
  /** DTMF digits heard, in order */
  digits: string;
  /** voice (a prompt, a person) heard at all */
  voice: boolean;
  heard: HeardView[];
}

export interface PhoneView {
  extension: string;
  channel: number;
  hook: 'on' | 'off';
  state: string;
  ringing: boolean;
  bell: boolean;
  rings: number;
  display: string | null;
  /** what it hears now: a tone's name, 'voice', or null */
  hearing: string | null;
  tones: string[];
  digits: string;
  heard: HeardView[];
}

/** The simulated world as /api/sim drives it; each method throws CTI_ERR_NOT_FOUND for an unknown call or phone. */
export interface SimControl {
  placeCall(opts: { from: string; to: string }): Promise<SimCallView>;
  viewCall(id: number): SimCallView;
  press(id: number, digits: string): Promise<SimCallView>;
  hangup(id: number): Promise<SimCallView>;
  viewPhone(ext: string): PhoneView;
  phoneDo(ext: string, op: 'offhook' | 'onhook' | 'flash' | 'digits', digits?: string): Promise<PhoneView>;
  /** raises alarms on an E1 span (the board's span number, as /api/boards shows it); none: clears them */
  spanAlarm(span: number, alarms: ('los' | 'red' | 'yellow' | 'ais')[]): Promise<{ span: number; alarms: string[] }>;
}
