// ITU-T Q.850 cause values on ISDN lines, and how the call layer reads them:
// what a cause from the network means for dial() and for a leg's end, and
// which cause a leg clears with.
import type { DialResult, EndCause } from './types.ts';

export const Q850 = {
  unallocated: 1,
  noRoute: 3,
  normalClearing: 16,
  userBusy: 17,
  noUserResponse: 18,
  noAnswer: 19,
  callRejected: 21,
  numberChanged: 22,
  invalidNumberFormat: 28,
  normalUnspecified: 31,
  noCircuit: 34,
  networkOutOfOrder: 38,
  temporaryFailure: 41,
  switchCongestion: 42,
  channelUnavailable: 44,
  resourceUnavailable: 47,
} as const;

/** What a cause from the network says about the number dialled; undefined: nothing (an ordinary clearing). */
export function dialResultOfCause(cause: number): Exclude<DialResult, 'answered'> | undefined {
  switch (cause) {
    case Q850.unallocated:
    case Q850.noRoute:
    case Q850.numberChanged:
    case Q850.invalidNumberFormat:
      return 'unallocated';
    case Q850.userBusy:
      return 'busy';
    case Q850.noUserResponse:
    case Q850.noAnswer:
      return 'no-answer';
    case Q850.noCircuit:
    case Q850.networkOutOfOrder:
    case Q850.temporaryFailure:
    case Q850.switchCongestion:
    case Q850.channelUnavailable:
    case Q850.resourceUnavailable:
      return 'congestion';
    default:
      return undefined;
  }
}

/**
 * The cause a leg clears an ISDN call with. Refusing an offered call says why
 * (busy 17, no answer 19...); any other clearing is normal (16).
 */
export function causeOfEnd(cause: EndCause, offered: boolean): number {
  if (!offered) return cause === 'failed' ? Q850.normalUnspecified : Q850.normalClearing;
  switch (cause) {
    case 'busy':
      return Q850.userBusy;
    case 'no-answer':
      return Q850.noAnswer;
    case 'unallocated':
      return Q850.unallocated;
    case 'congestion':
      return Q850.noCircuit;
    case 'failed':
      return Q850.temporaryFailure;
    case 'canceled':
      return Q850.callRejected;
    default:
      return Q850.normalClearing;
  }
}
