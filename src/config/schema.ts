// The configuration file's schema (JSON Schema, checked with ajv): boards,
// channel roles (extensions, line numbers), tone plan, prompts, call-layer
// timings, inbound routes and where IVR flows live. Defaults are filled in from here.
import type { AgentAccount } from '../agents/agent.ts';
import type { QueueConfig } from '../acd/types.ts';
import type { TelephonyTimings } from '../telephony/types.ts';
import { ACD_SCHEMA, AGENTS_SCHEMA, QUEUES_SCHEMA, ROUTE_QUEUE_PROPERTIES, type AcdSettings } from './acd-schema.ts';

export const PORT_PATTERN = '^(fxs|fxo):[1-9][0-9]*$|^e1:([1-9][0-9]*:)?[1-9][0-9]*$';
const ms = (min: number, max: number, dflt?: number) => ({
  type: 'integer',
  minimum: min,
  maximum: max,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
const digits = { type: 'string', pattern: '^[0-9]{1,32}$' };

export const CONFIG_SCHEMA = {
  $id: 'boardcti-config',
  type: 'object',
  additionalProperties: false,
  required: ['boards'],
  properties: {
    server: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        host: { type: 'string', minLength: 1, default: '127.0.0.1' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 8080 },
        logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
      },
    },
    engine: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        frameMs: { enum: [10, 20], default: 20 },
        mode: { enum: ['realtime', 'fast', 'stepped'], default: 'realtime' },
        tonePlan: { type: 'string', minLength: 1, default: 'cn' },
      },
    },
    dataDir: { type: 'string', minLength: 1, default: './data' },
    database: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        // sqlite:PATH or postgres://user:password@host:port/database; default sqlite:<dataDir>/boardcti.sqlite
        url: { type: 'string', pattern: '^(sqlite:.+|postgres(ql)?://.+)$' },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        // false: no token needed anywhere (every request acts as an admin): a training box on localhost only
        required: { type: 'boolean', default: true },
        tokenTtlMs: ms(60000, 30 * 24 * 3600000, 12 * 3600000),
        // the simulated board's /api/sim world controls without a token, from loopback only (a bad token is still refused)
        openSim: { type: 'boolean', default: false },
        // password of the 'admin' account created when there is none (else BOARDCTI_ADMIN_PASSWORD, else a random one, logged once)
        adminPassword: { type: 'string', minLength: 8 },
      },
    },
    boards: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['driver'],
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$', default: 'board0' },
          driver: { enum: ['sim', 'dahdi'] },
          // driver: dahdi (drivers/dahdi/README.md): DAHDI channel numbers as in
          // system.conf ("1-8,9-16", a D-channel among them), the device directory,
          // the echo canceller's length in taps (0 off) and kernel buffers.
          channels: { type: 'string', pattern: '^[1-9][0-9]*(-[1-9][0-9]*)?(,[1-9][0-9]*(-[1-9][0-9]*)?)*$' },
          devDir: { type: 'string', minLength: 1 },
          echoCancelTaps: { type: 'integer', minimum: 0, maximum: 1024 },
          numbufs: { type: 'integer', minimum: 2, maximum: 32 },
          fxs: { type: 'integer', minimum: 0, maximum: 64, default: 8 },
          fxo: { type: 'integer', minimum: 0, maximum: 64, default: 8 },
          e1: { type: 'integer', minimum: 0, maximum: 4, default: 1 },
          law: { enum: ['alaw', 'ulaw'], default: 'alaw' },
          seed: { type: 'integer', minimum: 0, default: 1 },
          spans: {
            type: 'array',
            default: [],
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['e1'],
              properties: {
                e1: { type: 'integer', minimum: 1, maximum: 4 },
                signalling: { enum: ['cas', 'pri'], default: 'cas' },
                overlap: { type: 'boolean', default: false },
                overlapMs: { type: 'integer', minimum: 100, maximum: 30000, default: 3000 },
                // CAS: how the numbers travel after the seizure. mfcr2: compelled MFC-R2 register
                // signalling (DNIS and the caller's number both ways); dtmf: the dialled number
                // alone, as in-band DTMF on outbound calls (no caller number on either side).
                registers: { enum: ['mfcr2', 'dtmf'], default: 'mfcr2' },
                mfcr2: {
                  type: 'object',
                  additionalProperties: false,
                  default: {},
                  properties: {
                    // china: China No.1 (A-1 next digit, A-6 category, B-1 free); itu: Q.441 (A-5, B-6)
                    variant: { enum: ['china', 'itu'], default: 'china' },
                    // inbound: the DID is complete after this many digits (0: when the exchange
                    // says so, I-15, or stops sending)
                    maxDnis: { type: 'integer', minimum: 0, maximum: 32, default: 0 },
                    // outbound: the calling party's category sent in group II (1: ordinary subscriber)
                    category: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
                  },
                },
              },
            },
          },
        },
      },
    },
    extensions: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'port'],
        properties: {
          number: { type: 'string', pattern: '^[0-9]{2,8}$' },
          port: { type: 'string', pattern: '^fxs:[1-9][0-9]*$' },
          name: { type: 'string' },
        },
      },
    },
    lines: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['port'],
        properties: {
          port: { type: 'string', pattern: '^fxo:[1-9][0-9]*$|^e1:([1-9][0-9]*:)?[1-9][0-9]*$' },
          number: digits,
          name: { type: 'string' },
          // FXO: dial by pulses (10 pps) instead of DTMF; default analog.pulseDialling
          pulse: { type: 'boolean' },
        },
      },
    },
    prompts: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        dir: { type: 'string', minLength: 1, default: './data/prompts' },
        welcome: { type: 'string', minLength: 1, default: 'welcome.wav' },
        welcomeText: { type: 'string', minLength: 1, default: 'Welcome to boardcti. Please hold while we connect your call.' },
      },
    },
    telephony: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        dialToneTimeoutMs: ms(100, 60000),
        requireDialTone: { type: 'boolean' },
        blindDialDelayMs: ms(0, 60000),
        noAnswerTimeoutMs: ms(1000, 600000),
        voiceAnswerConfirmMs: ms(100, 60000),
        ringbackEndAnswerMs: ms(100, 60000),
        answerListenMs: ms(0, 10000),
        answerVoiceMs: ms(100, 10000),
        busyToneGuardMs: ms(0, 60000),
        busyToneSupervision: { type: 'boolean' },
        clearingToneMs: ms(0, 600000),
        howlerMs: ms(0, 3600000),
      },
    },
    // Analog line signalling (native/sig): the FXS flash window, FXO ring
    // timeout, answer / disconnect supervision and pulse dialling.
    analog: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        flashMinMs: ms(20, 800, 100),
        flashMaxMs: ms(100, 2000, 800),
        ringTimeoutMs: ms(1000, 30000, 6500),
        answerOnPolarity: { type: 'boolean', default: true },
        disconnectOnPolarity: { type: 'boolean', default: true },
        disconnectOnLoopDrop: { type: 'boolean', default: true },
        pulseDialling: { type: 'boolean', default: false },
        pulseBreakMs: ms(20, 200, 60),
        pulseMakeMs: ms(20, 200, 40),
        pulseInterdigitMs: ms(200, 3000, 700),
        // FXS: caller ID in the first ring pause (Bellcore, China) or before
        // the first ring (ETSI EN 300 659-1, V.23 FSK).
        callerIdTiming: { type: 'string', enum: ['between-rings', 'etsi-dtas', 'etsi-rpas'], default: 'between-rings' },
      },
    },
    routes: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        inbound: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['lines'],
            properties: {
              lines: {
                oneOf: [
                  { enum: ['any', 'fxo', 'e1'] },
                  { type: 'array', minItems: 1, items: { type: 'string', pattern: '^fxo:[1-9][0-9]*$|^e1:([1-9][0-9]*:)?[1-9][0-9]*$' } },
                ],
              },
              prompt: { type: 'string', minLength: 1 },
              collect: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  max: { type: 'integer', minimum: 1, maximum: 32, default: 8 },
                  timeoutMs: ms(100, 60000, 4000),
                  interDigitTimeoutMs: ms(100, 60000, 2000),
                  terminators: { type: 'string', pattern: '^[0-9*#A-D]*$', default: '#' },
                },
              },
              ring: { type: 'string', pattern: '^[0-9]{2,8}$' },
              ringTimeoutMs: ms(1000, 600000, 30000),
              ...ROUTE_QUEUE_PROPERTIES,
              /** an IVR flow by name (ivr.dir): answered, then the flow runs instead of prompt/collect/ring */
              flow: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
            },
          },
        },
      },
    },
    agents: AGENTS_SCHEMA,
    queues: QUEUES_SCHEMA,
    acd: ACD_SCHEMA,
    ivr: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        dir: { type: 'string', minLength: 1, default: './data/ivr' },
        watch: { type: 'boolean', default: true },
        /** business databases programmable nodes reach by name (ctx.db.database(name)): sequelize URLs */
        databases: {
          type: 'object',
          default: {},
          propertyNames: { pattern: '^[a-z][a-z0-9_-]{0,31}$' },
          additionalProperties: { type: 'string', pattern: '^(sqlite:.+|postgres(ql)?://.+)$' },
        },
        /** HTTP look-up services programmable nodes call by name (ctx.http(name, ...)) */
        http: {
          type: 'object',
          default: {},
          propertyNames: { pattern: '^[a-z][a-z0-9_-]{0,31}$' },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['url'],
            properties: {
              url: { type: 'string', pattern: '^https?://.+' },
              timeoutMs: ms(100, 60000, 3000),
              headers: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
            },
          },
        },
      },
    },
    // Wrap-up codes (call reasons / outcomes) an agent gives a call; reports group by them.
    // label: shown when the console has no translation of the code.
    dispositions: {
      type: 'array',
      maxItems: 200,
      default: [
        { code: 'enquiry', label: 'Enquiry' },
        { code: 'order', label: 'Order placed' },
        { code: 'complaint', label: 'Complaint' },
        { code: 'support', label: 'Technical support' },
        { code: 'billing', label: 'Billing question' },
        { code: 'callback', label: 'Call back later' },
        { code: 'wrong-number', label: 'Wrong number' },
        { code: 'other', label: 'Other' },
      ],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code'],
        properties: {
          code: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,31}$' },
          label: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
    },
    demo: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        intervalMs: ms(1000, 3600000, 20000),
        callMs: ms(1000, 3600000, 15000),
        from: { type: 'array', minItems: 1, items: digits, default: ['13800138000', '13912345678', '02088886666'] },
      },
    },
  },
} as const;

export type PortName = string;

/** ivr.http.<name>: a look-up service of programmable IVR nodes */
export interface IvrHttpService {
  url: string;
  timeoutMs: number;
  headers: Record<string, string>;
}

export interface BoardConfig {
  name: string;
  driver: 'sim' | 'dahdi';
  /** dahdi: DAHDI channel numbers, "1-8,9-16" */
  channels?: string;
  /** dahdi: where `channel` and `ctl` are (/dev/dahdi) */
  devDir?: string;
  echoCancelTaps?: number;
  numbufs?: number;
  fxs: number;
  fxo: number;
  e1: number;
  law: 'alaw' | 'ulaw';
  seed: number;
  /** per E1 span (1 = the first): line signalling on TS16, CAS unless configured */
  spans: SpanConfig[];
}

export interface SpanConfig {
  e1: number;
  signalling: 'cas' | 'pri';
  /** PRI: overlap receiving (the number completes after overlapMs of quiet or "sending complete") */
  overlap: boolean;
  overlapMs: number;
  /** CAS: register signalling after the seizure (mfcr2: both numbers; dtmf: outbound DNIS only) */
  registers: 'mfcr2' | 'dtmf';
  mfcr2: { variant: 'china' | 'itu'; maxDnis: number; category: number };
}

export interface InboundRoute {
  lines: 'any' | 'fxo' | 'e1' | PortName[];
  prompt?: string;
  collect?: { max: number; timeoutMs: number; interDigitTimeoutMs: number; terminators: string };
  ring?: string;
  ringTimeoutMs: number;
  /** the route ends in this queue (after the prompt and digits) */
  queue?: string;
  priority?: number;
  /** an IVR flow by name: answered, then the flow runs instead of prompt/collect/ring */
  flow?: string;
}

export interface AuthConfig {
  required: boolean;
  tokenTtlMs: number;
  openSim: boolean;
  adminPassword?: string;
}

export interface AnalogConfig {
  flashMinMs: number;
  flashMaxMs: number;
  ringTimeoutMs: number;
  answerOnPolarity: boolean;
  disconnectOnPolarity: boolean;
  disconnectOnLoopDrop: boolean;
  /** every FXO line dials by pulses unless its `lines` entry or the dial says otherwise */
  pulseDialling: boolean;
  pulseBreakMs: number;
  pulseMakeMs: number;
  pulseInterdigitMs: number;
  /** FXS: when phones get caller ID (ETSI: before the first ring, V.23) */
  callerIdTiming: 'between-rings' | 'etsi-dtas' | 'etsi-rpas';
}

export interface Config {
  server: { host: string; port: number; logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  engine: { frameMs: 10 | 20; mode: 'realtime' | 'fast' | 'stepped'; tonePlan: string };
  dataDir: string;
  database: { url?: string };
  auth: AuthConfig;
  boards: BoardConfig[];
  extensions: { number: string; port: PortName; name?: string }[];
  lines: { port: PortName; number?: string; name?: string; pulse?: boolean }[];
  prompts: { dir: string; welcome: string; welcomeText: string };
  telephony: Partial<TelephonyTimings>;
  analog: AnalogConfig;
  routes: { inbound: InboundRoute[] };
  agents: AgentAccount[];
  queues: QueueConfig[];
  /** queue announcements and caller priority */
  acd: AcdSettings;
  /** IVR flow files (src/ivr), reloaded when they change */
  ivr: { dir: string; watch: boolean; databases: Record<string, string>; http: Record<string, IvrHttpService> };
  demo: { intervalMs: number; callMs: number; from: string[] };
  /** wrap-up codes, in the order agents see them */
  dispositions: { code: string; label?: string }[];
}
