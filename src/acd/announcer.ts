// What a queued caller hears: music on hold between announcements of their
// position and estimated wait. The ACD asks an Announcer for what to play; the
// IVR's number readouts (src/ivr) implement the same interface with spoken
// prompts ("you are number 3 in the queue"). The built-in one plays
// recognisable signals instead, so tests detect announcements by audio at the
// caller's end: DTMF 'A' then the position's digits; 'B' then the minutes.
import type { PlayRequest } from '../telephony/engine-port.ts';

export interface Announcer {
  /** what to play for "your position is n" (in order) */
  position(n: number): PlayRequest[];
  /** what to play for "the estimated wait is n minutes" */
  waitMinutes(n: number): PlayRequest[];
  /** what the caller hears on answer when the queue says announceAgent: "agent <id> at your service" */
  agent(id: string): PlayRequest[];
}

export const dtmfAnnouncer: Announcer = {
  position: (n) => [{ digits: `A${n}`, onMs: 80, offMs: 80 }],
  waitMinutes: (n) => [{ digits: `B${n}`, onMs: 80, offMs: 80 }],
  agent: (id) => [{ digits: `C${id.replace(/[^0-9]/g, '')}`, onMs: 80, offMs: 80 }],
};

/** The built-in music on hold: a slow four-note tune, looped, that no tone detector mistakes for a call-progress tone. */
export const HOLD_TUNE: PlayRequest = {
  tone: {
    segments: [
      { tones: [{ freq: 523, level: -20 }], ms: 350 },
      { tones: [{ freq: 659, level: -20 }], ms: 350 },
      { tones: [{ freq: 784, level: -20 }], ms: 350 },
      { tones: [{ freq: 659, level: -20 }], ms: 350 },
      { tones: [], ms: 600 },
    ],
    repeat: 0,
  },
};
