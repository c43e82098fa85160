// Call operations: the service the API and the desk phones drive.
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import { CallOps } from './call-ops.ts';
import { DeskPhones, type DeskPhoneOptions } from './desk-phone.ts';
import { ExtensionRinger } from './ringer.ts';
import { ExtensionSettings, type SavedExtensionSettings } from './settings.ts';

export { CallOps, type CallView, type Consult } from './call-ops.ts';
export { CALL_FEATURE_CODES, DeskPhones } from './desk-phone.ts';
export { ExtensionRinger, type RingOutcome } from './ringer.ts';
export { ExtensionSettings, FORWARD_KINDS, type ForwardKind, type ExtensionSettingsView, type SavedExtensionSettings } from './settings.ts';

/** Where the settings outlive a restart (the database's SqlExtensionSettings). */
export interface ExtensionSettingsStore {
  load(): Promise<SavedExtensionSettings[]>;
  save(s: SavedExtensionSettings): Promise<void>;
}

export interface CallOpsService {
  ops: CallOps;
  ringer: ExtensionRinger;
  settings: ExtensionSettings;
  phones: DeskPhones;
  /** resolves once the saved settings are back (at once without a store) */
  ready: Promise<void>;
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
  /** the database: settings are loaded from it at start and saved on every change */
  store?: ExtensionSettingsStore;
  /** a desk phone's *8 for a call the ACD is offering: 'refused' means congestion (see DeskPhones) */
  acdPickup?: (by: Leg, ext: string | undefined) => 'picked' | 'refused' | undefined;
  /** the ACD's pickup rule checked without taking the call (pickup from the API) */
  acdPickable?: DeskPhoneOptions['acdPickable'];
}): CallOpsService {
  const settings = new ExtensionSettings((x) => o.telephony.inventory.byExtension(x) !== undefined);
  let ready = Promise.resolve();
  const store = o.store;
  if (store) {
    settings.onChange(
      (ext) =>
        void store
          .save(settings.saved(ext))
          .catch((e: unknown) => o.log.error({ ext, err: (e as Error).message }, 'extension settings not saved')),
    );
    ready = store
      .load()
      .then((rows) => {
        const restored = settings.restore(rows, o.telephony.clock.now());
        if (restored.length) o.log.info({ extensions: restored }, 'extension settings restored');
      })
      .catch((e: unknown) => o.log.error({ err: (e as Error).message }, 'extension settings could not be loaded'));
  }
  const ringer = new ExtensionRinger({
    telephony: o.telephony,
    settings,
    tones: o.tones,
    log: o.log,
    ...(o.ringing ? { ringing: o.ringing } : {}),
  }).start();
  const ops = new CallOps({
    telephony: o.telephony,
    ringer,
    log: o.log,
    recordingsDir: o.recordingsDir,
    ...(o.holdMusic ? { holdMusic: o.holdMusic } : {}),
    ...(o.queue ? { queue: o.queue } : {}),
    ...(o.notify ? { notify: o.notify } : {}),
  });
  const phones = new DeskPhones({
    telephony: o.telephony,
    ops,
    ringer,
    settings,
    tones: o.tones,
    clock: o.telephony.clock,
    ...(o.acdPickup ? { acdPickup: o.acdPickup } : {}),
    ...(o.acdPickable ? { acdPickable: o.acdPickable } : {}),
  }).start();
  return {
    ops,
    ringer,
    settings,
    phones,
    ready,
    stop() {
      phones.stop();
      ringer.stop();
    },
  };
}
