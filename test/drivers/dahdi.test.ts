// The conformance suite against drivers/dahdi, the DAHDI driver, running on
// firmware-sim's DAHDI emulator: the driver makes the same system calls it
// makes on /dev/dahdi, the emulator answers them as dahdi/user.h documents,
// and the simulated world behind it is the test rig. A board reset has no
// DAHDI event, so that check is skipped (no resetBoard stimulus).
import { driverConformance } from './conformance.ts';
import { dahdiTarget } from './dahdi-rig.ts';

driverConformance('dahdi', () => dahdiTarget());
