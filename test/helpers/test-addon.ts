// The test addon, build/Release/boardcti_test.node: the production engine plus
// the test-only exports of native/napi/test (drivers of the media-thread
// classes, the line state table as data), which the production addon does not
// export. `node src/setup/build-native.mjs --test`
// builds it (npm test does). Only tests load it, through this module.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createError } from '../../src/native/errors.ts';
import type { NativeAddon } from '../../src/native/types.ts';
import type { ToneDescriptor } from '../../src/native/types/dsp-basic.ts';
import type { RecordOptions, RecordResult } from '../../src/native/types/media.ts';

/** Test driver: a simulated media thread feeding a Recorder in 20 ms frames. */
export interface RecordSimOptions extends RecordOptions {
  /** Repeat `input` until durationMs (or a stop condition). */
  loopInput?: boolean;
  /** How much to feed; default the input's length. */
  durationMs?: number;
  /** Calls stop() at this point of the input. */
  stopAtMs?: number;
  /** Digits the detector "hears" at these points of the input. */
  digits?: { atMs: number; digit: string }[];
  /** Feeding pace as a multiple of real time; 0 (default) = as fast as possible. */
  speed?: number;
  /** Record through a disk writer of its own and shut that writer down at this point. */
  stopWriterAtMs?: number;
}

export interface RecordSimResult extends RecordResult {
  beepSamples: number;
  fedSamples: number;
}

export interface PlayerRenderSpec {
  buffer?: Int16Array;
  tone?: ToneDescriptor;
  digits?: string;
  digitOptions?: { onMs?: number; offMs?: number; pauseMs?: number; level?: number; twistDb?: number };
  /** Streamed by the reader thread (music on hold). */
  file?: string;
  loop?: boolean;
  gainDb?: number;
  startSample?: number;
  stopAtSample?: number;
  /** Stream plays only: pace as a multiple of real time (default 20). */
  speed?: number;
}

export interface PlayerRenderResult {
  samples: Int16Array;
  position: number;
  played: number;
  /** -1 when endless or unknown. */
  length: number;
  active: boolean;
  underrunSamples: number;
  error: string | null;
}

export type ConferenceMemberMode = 'talk-listen' | 'listen-only' | 'talk-only';

export interface ConferenceMemberSpec {
  mode?: ConferenceMemberMode;
  talkGainDb?: number;
  listenGainDb?: number;
  /** Index of the only member who hears this one. */
  whisperTo?: number;
}

/** native/sig/line_state.h as data: the states and every row of the table. */
export interface LineStateTable {
  states: string[];
  /** by: 'move' (an event or command), or what forces it: 'alarm', 'reset' */
  moves: { from: string; to: string; by: 'move' | 'alarm' | 'reset' }[];
}

export interface TestAddon extends NativeAddon {
  lineStateTable(): LineStateTable;
  /** A simulated media thread feeding a Recorder in 20 ms frames, through the real DiskWriter thread. */
  mediaRecordSim(path: string, input: Int16Array, options?: RecordSimOptions): Promise<RecordSimResult>;
  mediaPlayerRender(spec: PlayerRenderSpec, maxSamples: number): PlayerRenderResult;
  mediaConferenceMix(inputs: (Int16Array | null)[], members: ConferenceMemberSpec[]): Int16Array[];
  mediaBridgeMix(a: Int16Array, b: Int16Array, options?: { aToBDb?: number; bToADb?: number }): { a: Int16Array; b: Int16Array };
}

const path = join(import.meta.dirname, '..', '..', 'build', 'Release', 'boardcti_test.node');

function load(): TestAddon {
  if (!existsSync(path)) throw new Error(`test addon not built (${path} is missing): run \`node src/setup/build-native.mjs --test\``);
  const addon = createRequire(import.meta.url)(path) as TestAddon;
  addon.setErrorFactory(createError);
  return addon;
}

export const testAddon: TestAddon = load();
