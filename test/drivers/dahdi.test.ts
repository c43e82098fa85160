// The conformance suite against drivers/dahdi, the DAHDI driver, running on
// firmware-sim's DAHDI emulator: the driver makes the same system calls it
// makes on /dev/dahdi, the emulator answers them as dahdi/user.h documents,
// and the simulated world behind it is the test rig. A board reset has no
// DAHDI event, so that check is skipped (no resetBoard stimulus).
import type { SimWorld } from '../../src/sim/index.ts';
import { driverConformance, type ConformanceTarget } from './conformance.ts';
import { dahdiRig } from './dahdi-rig.ts';

async function dahdiTarget(): Promise<ConformanceTarget> {
  const rig = dahdiRig(31);
  const { world } = rig;
  const name = (ch: number): string => world.channel(rig.simChannel(ch)).name;
  const calls = new Map<number, ReturnType<SimWorld['pstn']['call']>>();
  return {
    engine: rig.engine,
    board: rig.board,
    stimuli: {
      incomingCall: (ch) => calls.set(ch, world.pstn.call({ from: '13800138000', to: name(ch) })),
      phoneOffHook: (ch) => world.phones.get(name(ch).slice(6)).offhook(),
      phoneOnHook: (ch) => world.phones.get(name(ch).slice(6)).onhook(),
      farEndPress: (ch, digits) => calls.get(ch)?.press(digits),
      farEndHeard: (ch) => calls.get(ch)?.log.digits() ?? '',
      alarm: (span, bits) => world.faults.alarm(span, (['los', 'red', 'yellow', 'ais'] as const).filter((_, i) => bits & (1 << i))),
      clearAlarm: (span) => world.faults.clearAlarm(span),
    },
    settle: () => new Promise((r) => setTimeout(r, 5)),
    close: () => rig.close(),
  };
}

driverConformance('dahdi', dahdiTarget);
