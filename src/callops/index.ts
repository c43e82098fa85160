// Call operations: the service the API and the desk phones drive.
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import { CallOps } from './call-ops.ts';
import { DeskPhones } from './desk-phone.ts';
import { ExtensionRinger } from './ringer.ts';
import { ExtensionSettings } from './settings.ts';

export { CallOps, type CallView, type Consult } from './call-ops.ts';
export { CALL_FEATURE_CODES, DeskPhones } from './desk-phone.ts';
export { ExtensionRinger, type RingOutcome } from './ringer.ts';
export { ExtensionSettings, FORWARD_KINDS, type ForwardKind, type ExtensionSettingsView } from './settings.ts';

export interface CallOpsService {
  ops: CallOps;
  ringer: ExtensionRinger;
  settings: ExtensionSettings;
  phones: DeskPhones;
  stop(): void;
}

export function createCallOps(o: {
  telephony: Telephony;
  tones: ToneSource;
  log: Log;
  recordingsDir: string;
  holdMusic?: () => string | undefined;
  queue?: (call: Call, caller: Leg, name: string) => Promise<unknown>;
  ringing?: (call: Call, ext: string, phone: Leg, notes?: string) => void;
  notify?: (ext: string, type: string, data: Record<string, unknown>) => void;
}): CallOpsService {
  const settings = new ExtensionSettings((x) => o.telephony.inventory.byExtension(x) !== undefined);
  const ringer = new ExtensionRinger({ telephony: o.telephony, settings, tones: o.tones, log: o.log, ...(o.ringing ? { ringing: o.ringing } : {}) }).start();
  const ops = new CallOps({
    telephony: o.telephony,
    ringer,
    log: o.log,
    recordingsDir: o.recordingsDir,
    ...(o.holdMusic ? { holdMusic: o.holdMusic } : {}),
    ...(o.queue ? { queue: o.queue } : {}),
    ...(o.notify ? { notify: o.notify } : {}),
  });
  const phones = new DeskPhones({ telephony: o.telephony, ops, ringer, settings, tones: o.tones, clock: o.telephony.clock }).start();
  return {
    ops,
    ringer,
    settings,
    phones,
    stop() {
      phones.stop();
      ringer.stop();
    },
  };
}
