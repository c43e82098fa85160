// Desk-phone feature codes for agents, run by the phone router when a phone
// dials a number starting with '*':
//   *11 agent-id #  PIN #   log in (ready)
//   *12 #                   log out
//   *13 #                   ready <-> not-ready (reason 'break')
// The phone hears a confirmation (the plan's dial tone for 1.5 s) or a refusal
// (congestion tone for 3 s), then the port is released. The agent is found by
// id (*11) or by the phone's extension (*12, *13).
import { CtiError } from '../native/errors.ts';
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Clock } from '../native/clock.ts';
import type { AgentService } from './agent-service.ts';

export const FEATURE_CODES = { login: '*11', logout: '*12', toggle: '*13' } as const;

export interface FeatureCodeOptions {
  agents: AgentService;
  tones: ToneSource;
  clock: Clock;
  confirmMs?: number;
  refuseMs?: number;
}

export class AgentFeatureCodes {
  constructor(private readonly o: FeatureCodeOptions) {}

  /** Runs the code `digits` dialled on `phone`; false when it is not an agent code (the router goes on). */
  async run(call: Call, phone: Leg, digits: string): Promise<boolean> {
    const code = digits.slice(0, 3);
    if (!Object.values(FEATURE_CODES).includes(code as never)) return false;
    call.vars.featureCode = code;
    const ext = phone.channel.role.extension;
    let ok = false;
    try {
      if (code === FEATURE_CODES.login) {
        const id = digits.slice(3);
        const pin = (await phone.collectDigits({ max: 12, timeout: 10000, interDigitTimeout: 4000, terminators: '#' })).digits;
        const agent = this.o.agents.get(id);
        ok = agent !== undefined && (await this.o.agents.verifyPin(id, pin));
        // An agent logs in at their own desk phone when their account names one.
        if (ok && agent?.extension && ext && agent.extension !== ext) ok = false;
        if (ok) this.o.agents.login(id);
        phone.log.info({ agent: id, ok }, 'agent login by feature code');
      } else {
        const agent = ext ? this.o.agents.byExtension(ext) : undefined;
        if (agent && agent.state !== 'logged-out') {
          if (code === FEATURE_CODES.logout) this.o.agents.logout(agent.id);
          else this.o.agents.toggle(agent.id);
          ok = true;
        }
        phone.log.info({ agent: agent?.id ?? null, code, ok }, 'agent feature code');
      }
    } catch (e) {
      if (e instanceof CtiError && e.canceled && !phone.live) return true;
      phone.log.warn({ err: (e as Error).message }, 'feature code failed');
      ok = false;
    }
    if (phone.live) await this.#tone(phone, ok ? 'dial' : 'congestion', ok ? (this.o.confirmMs ?? 1500) : (this.o.refuseMs ?? 3000));
    if (phone.live) await phone.hangup('normal', `feature code ${code}`);
    return true;
  }

  async #tone(leg: Leg, tone: 'dial' | 'congestion', ms: number): Promise<void> {
    const d = this.o.tones(tone);
    if (d) leg.play({ tone: d }).catch(() => {});
    await this.o.clock.sleep(ms);
    if (d && leg.live) await leg.stopPlay().catch(() => {});
  }
}
