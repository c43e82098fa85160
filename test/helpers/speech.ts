// Talk-off material for the DTMF tests: real synthesized speech from espeak-ng
// in many languages and voices, and synthetic speech-like audio (formant-
// filtered glottal pulse trains, sung vowels with vibrato and glides, pitch
// sweeps, harmonic chords), all 8 kHz 16-bit. espeak-ng output is resampled
// with sox and cached under .tmp/speech/ keyed by the hash of what produced it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FS, peakOf, rng } from './ref-signal.ts';

export interface Clip {
  name: string;
  samples: Int16Array;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, '.tmp', 'speech');

// Texts written for these tests: prompts, numbers, names, questions, in the
// languages a call center hears. Each is spoken by several voices.
const TEXTS: { lang: string; text: string }[] = [
  {
    lang: 'en-us',
    text:
      'Thank you for calling. Your call is important to us. Please stay on the line and the next available agent will be with you shortly. ' +
      'For billing questions, say billing. For technical support, say support. To hear these options again, stay on the line. ' +
      'Your account number is four seven one one, two nine three eight, and your last payment of one hundred and sixty two dollars was received on the fourteenth of March.',
  },
  {
    lang: 'en-gb',
    text:
      'Good morning, you are through to the accounts department, Sarah speaking, how may I help? ' +
      'Right, I can see the order here, it was dispatched on Tuesday and should arrive by Thursday afternoon at the latest. ' +
      'Is there anything else I can help you with today? Lovely, thank you very much, goodbye now.',
  },
  {
    lang: 'de',
    text:
      'Guten Tag, Sie sind verbunden mit dem Kundendienst. Bitte nennen Sie Ihre Kundennummer nach dem Signalton. ' +
      'Unsere Geschäftszeiten sind Montag bis Freitag von acht bis achtzehn Uhr. Vielen Dank für Ihre Geduld, der nächste freie Mitarbeiter ist gleich für Sie da.',
  },
  {
    lang: 'fr-fr',
    text:
      'Bonjour et bienvenue. Toutes nos lignes sont actuellement occupées, merci de patienter. ' +
      'Pour suivre votre commande, tapez un. Pour parler à un conseiller, restez en ligne. ' +
      'Votre numéro de dossier est le trois cent quarante-sept, vingt-neuf, quatre-vingt-dix.',
  },
  {
    lang: 'es',
    text:
      'Hola, buenas tardes. Gracias por llamar al servicio de atención al cliente. ' +
      'Su llamada será atendida en breve. El tiempo de espera estimado es de cuatro minutos. ' +
      '¿Me puede confirmar su nombre completo y la fecha de nacimiento, por favor?',
  },
  {
    lang: 'it',
    text:
      'Buongiorno, benvenuti nel servizio clienti. La sua chiamata potrebbe essere registrata per motivi di qualità. ' +
      'Per informazioni sulle tariffe prema due, per assistenza tecnica resti in linea. Grazie e arrivederci.',
  },
  {
    lang: 'pt-br',
    text:
      'Olá, obrigado por ligar. Nosso horário de atendimento é de segunda a sexta, das nove às dezoito horas. ' +
      'Por favor, aguarde na linha que um de nossos atendentes irá falar com você em instantes.',
  },
  {
    lang: 'nl',
    text:
      'Goedemiddag, u spreekt met de klantenservice. Een ogenblik geduld alstublieft, u wordt zo spoedig mogelijk geholpen. ' +
      'Heeft u uw klantnummer bij de hand? Dat staat bovenaan op uw factuur.',
  },
  {
    lang: 'ru',
    text:
      'Здравствуйте, вы позвонили в службу поддержки. Пожалуйста, оставайтесь на линии, вам ответит первый освободившийся оператор. ' +
      'Номер вашего заказа сто двадцать три, четыреста пятьдесят шесть.',
  },
  {
    lang: 'cmn',
    text:
      '您好，欢迎致电客户服务中心。请您耐心等待，我们的客服人员将尽快为您服务。' +
      '查询账单请按一，办理业务请按二，人工服务请按零。您的订单号码是七八九六五四。谢谢您的来电，再见。',
  },
  {
    lang: 'sv',
    text:
      'Hej och välkommen till kundtjänst. Just nu är det många som ringer, men vi svarar så snart vi kan. ' +
      'Du kan också hitta svar på vanliga frågor på vår webbplats.',
  },
  {
    lang: 'pl',
    text:
      'Dzień dobry, dodzwoniłeś się do biura obsługi klienta. Prosimy o cierpliwość, konsultant odbierze połączenie za chwilę. ' +
      'Numer zgłoszenia to osiemset dwadzieścia jeden.',
  },
  {
    lang: 'tr',
    text:
      'Merhaba, müşteri hizmetlerine hoş geldiniz. Tüm temsilcilerimiz şu anda diğer müşterilerimizle görüşmektedir. ' +
      'Lütfen hatta kalınız, görüşmeniz kalite standartları gereği kayıt altına alınabilir.',
  },
  {
    lang: 'vi',
    text: 'Xin chào, cảm ơn quý khách đã gọi đến tổng đài chăm sóc khách hàng. Vui lòng giữ máy, nhân viên sẽ trả lời ngay.',
  },
  {
    lang: 'hi',
    text: 'नमस्ते, ग्राहक सेवा केंद्र में आपका स्वागत है। कृपया लाइन पर बने रहें, हमारे प्रतिनिधि जल्द ही आपसे बात करेंगे।',
  },
  {
    lang: 'ja',
    text: 'お電話ありがとうございます。ただいま電話が大変混み合っております。しばらくお待ちください。',
  },
];

// Voice variants, speeds (words per minute) and base pitch (0-99): low male to
// high female/child voices, which put sparse harmonics into the DTMF bands.
const VOICES: { variant: string; speed: number; pitch: number }[] = [
  { variant: 'm1', speed: 165, pitch: 40 },
  { variant: 'f3', speed: 150, pitch: 70 },
  { variant: 'f5', speed: 175, pitch: 95 },
  { variant: 'klatt2', speed: 140, pitch: 60 },
  { variant: 'm7', speed: 185, pitch: 25 },
  { variant: 'Annie', speed: 155, pitch: 85 },
];

function tool(name: string): void {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`talk-off material needs ${name} (apt-get install ${name === 'sox' ? 'sox' : 'espeak-ng'})`);
  }
}

function espeakVersion(): string {
  return execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim();
}

/** One espeak-ng utterance as 8 kHz PCM; `band` applies a 300-3400 Hz telephone band. */
function speak(lang: string, text: string, v: (typeof VOICES)[number], band: boolean, version: string): Int16Array {
  const key = createHash('sha256')
    .update(JSON.stringify({ lang, text, v, band, version, fmt: 's16le-8k-v1' }))
    .digest('hex')
    .slice(0, 24);
  const out = join(cacheDir, `${key}.raw`);
  if (!existsSync(out)) {
    mkdirSync(cacheDir, { recursive: true });
    const wav = join(cacheDir, `${key}.${process.pid}.wav`);
    const tmp = join(cacheDir, `${key}.${process.pid}.raw`);
    execFileSync('espeak-ng', ['-w', wav, '-s', String(v.speed), '-p', String(v.pitch), '-v', `${lang}+${v.variant}`, text], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const effects = band ? ['sinc', '300-3400'] : [];
    execFileSync('sox', [wav, '-t', 'raw', '-r', String(FS), '-b', '16', '-c', '1', '-e', 'signed-integer', tmp, ...effects], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    rmSync(wav, { force: true });
    renameSync(tmp, out); // atomic: parallel test workers may race
  }
  const b = readFileSync(out);
  return new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.length & ~1)));
}

/** Scales a clip so its active-speech power (frames within 40 dB of the loudest) sits at `dbm0`. */
function toLevel(x: Float64Array | Int16Array, dbm0: number): Int16Array {
  const frame = 160;
  const powers: number[] = [];
  for (let i = 0; i + frame <= x.length; i += frame) {
    let s = 0;
    for (let j = 0; j < frame; j++) s += Number(x[i + j]) ** 2;
    powers.push(s / frame);
  }
  const loudest = Math.max(0, ...powers);
  const active = powers.filter((q) => q > loudest * 1e-4);
  const p = active.reduce((a, b) => a + b, 0);
  const nf = active.length;
  const target = peakOf(dbm0) ** 2 / 2;
  const g = nf > 0 && p > 0 ? Math.sqrt(target / (p / nf)) : 0;
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(Number(x[i]) * g)));
  return out;
}

/**
 * espeak-ng speech: every text by two voices (one full band, one telephone
 * band), levels from -28 to -12 dBm0 active speech.
 */
export function espeakClips(): Clip[] {
  tool('espeak-ng');
  tool('sox');
  const version = espeakVersion();
  const clips: Clip[] = [];
  const r = rng(77);
  TEXTS.forEach((t, i) => {
    for (let k = 0; k < 2; k++) {
      const v = VOICES[(i * 2 + k) % VOICES.length]!;
      const band = k === 1;
      const pcm = speak(t.lang, t.text, v, band, version);
      const level = -28 + 16 * r();
      clips.push({
        name: `espeak ${t.lang}+${v.variant}${band ? ' (300-3400 Hz)' : ''} @${level.toFixed(0)} dBm0`,
        samples: toLevel(pcm, level),
      });
    }
  });
  return clips;
}

// ---------------------------------------------------------------------------
// Synthetic speech-like audio.

/** Two-pole resonator (formant) with time-varying centre frequency. */
class Resonator {
  private y1 = 0;
  private y2 = 0;
  step(x: number, f: number, bw: number): number {
    const r = Math.exp((-Math.PI * bw) / FS);
    const c = Math.cos((2 * Math.PI * f) / FS);
    const a1 = 2 * r * c;
    const a2 = -r * r;
    const g = (1 - r) * Math.sqrt(1 - 2 * r * Math.cos((4 * Math.PI * f) / FS) + r * r);
    const y = g * x + a1 * this.y1 + a2 * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

// Formant targets (F1, F2, F3 Hz) of vowels, adult male; scaled for other speakers.
const VOWELS: [number, number, number][] = [
  [730, 1090, 2440], // a
  [270, 2290, 3010], // i
  [300, 870, 2240], // u
  [530, 1840, 2480], // e
  [570, 840, 2410], // o
  [660, 1720, 2410], // ae
  [490, 1350, 1690], // er
  [640, 1190, 2390], // uh
  [440, 1020, 2240], // oo (book)
  [390, 1990, 2550], // ih
];

/** Rosenberg glottal pulse value at phase p in [0, 1). */
function glottal(p: number): number {
  const open = 0.4;
  const close = 0.16;
  if (p < open) return 0.5 * (1 - Math.cos((Math.PI * p) / open));
  if (p < open + close) return Math.cos((Math.PI * (p - open)) / (2 * close));
  return 0;
}

interface VoiceParams {
  f0: number; // base pitch, Hz
  formantScale: number; // 1 = adult male, ~1.17 female, ~1.3 child
}

/**
 * Running "speech": syllables of vowel glides with pitch accents, declination,
 * jitter and shimmer, fricative noise and pauses.
 */
function babble(seconds: number, voice: VoiceParams, seed: number): Float64Array {
  const n = Math.round(seconds * FS);
  const out = new Float64Array(n);
  const r = rng(seed);
  const res = [new Resonator(), new Resonator(), new Resonator(), new Resonator()];
  const noiseRes = new Resonator();
  let phase = 0;
  let i = 0;
  let v0 = VOWELS[Math.floor(r() * VOWELS.length)]!;
  while (i < n) {
    // A phrase of 3-9 syllables, then a pause.
    const syll = 3 + Math.floor(r() * 7);
    const phraseLen = syll * Math.round(FS * (0.14 + 0.14 * r()));
    const f0Start = voice.f0 * (1 + 0.25 * (r() - 0.3));
    const f0End = f0Start * (0.7 + 0.2 * r());
    for (let s = 0; s < syll && i < n; s++) {
      const len = Math.round(FS * (0.12 + 0.2 * r()));
      const v1 = VOWELS[Math.floor(r() * VOWELS.length)]!;
      const accent = r() < 0.3 ? 1 + 0.3 * r() : 1;
      const fric = r() < 0.35 ? Math.round(len * (0.2 + 0.3 * r())) : 0;
      const fricF = 2500 + 1200 * r();
      for (let k = 0; k < len && i < n; k++, i++) {
        const u = k / len;
        const prog = Math.min(1, (i % phraseLen) / phraseLen);
        const f0 = (f0Start + (f0End - f0Start) * prog) * (1 + (accent - 1) * Math.sin(Math.PI * u)) * (1 + 0.01 * (r() - 0.5));
        phase += f0 / FS;
        if (phase >= 1) phase -= 1;
        const env = Math.sin(Math.PI * Math.min(1, u * 1.2)) ** 0.6 * (0.85 + 0.3 * r() * 0.5);
        let x: number;
        if (k >= fric) {
          const src = glottal(phase) - 0.3 + 0.02 * (r() - 0.5);
          const g = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, u * 2));
          const f1 = (v0[0] + (v1[0] - v0[0]) * g) * voice.formantScale;
          const f2 = (v0[1] + (v1[1] - v0[1]) * g) * voice.formantScale;
          const f3 = (v0[2] + (v1[2] - v0[2]) * g) * voice.formantScale;
          x = res[0]!.step(src, f1, 70) * 1.0 + res[1]!.step(src, f2, 90) * 0.6 + res[2]!.step(src, Math.min(f3, 3600), 120) * 0.3;
          x = res[3]!.step(x, 3300, 900) * 0.15 + x;
          x *= env;
        } else {
          x = noiseRes.step(r() - 0.5, fricF, 1500) * 0.15 * env;
        }
        out[i] = x;
      }
      v0 = v1;
    }
    i += Math.round(FS * (0.08 + 0.4 * r())); // pause
  }
  return out;
}

/** Sung vowels: sustained, with vibrato, slow glides and portamento between notes. */
function sung(seconds: number, lowHz: number, highHz: number, seed: number): Float64Array {
  const n = Math.round(seconds * FS);
  const out = new Float64Array(n);
  const r = rng(seed);
  const res = [new Resonator(), new Resonator(), new Resonator()];
  let phase = 0;
  let vibPhase = 0;
  let i = 0;
  let f0 = lowHz * (highHz / lowHz) ** r();
  while (i < n) {
    const len = Math.round(FS * (0.4 + 1.6 * r()));
    const target = lowHz * (highHz / lowHz) ** r();
    const v = VOWELS[Math.floor(r() * VOWELS.length)]!;
    const scale = 1 + 0.3 * r();
    const vibRate = 4.5 + 2 * r();
    const vibDepth = 0.005 + 0.03 * r();
    const from = f0;
    for (let k = 0; k < len && i < n; k++, i++) {
      const u = k / len;
      f0 = from + (target - from) * Math.min(1, u * 4); // portamento in the first quarter
      vibPhase += vibRate / FS;
      const f = f0 * (1 + vibDepth * Math.sin(2 * Math.PI * vibPhase));
      phase += f / FS;
      if (phase >= 1) phase -= 1;
      const src = glottal(phase) - 0.3;
      const env = Math.min(1, u * 10, (1 - u) * 10);
      out[i] =
        env *
        (res[0]!.step(src, v[0] * scale, 80) +
          0.7 * res[1]!.step(src, v[1] * scale, 100) +
          0.3 * res[2]!.step(src, Math.min(3500, v[2] * scale), 140));
    }
  }
  return out;
}

/** Harmonic-rich tones whose pitch sweeps up and down across the voice range and beyond. */
function sweeps(seconds: number, seed: number): Float64Array {
  const n = Math.round(seconds * FS);
  const out = new Float64Array(n);
  const r = rng(seed);
  const res = new Resonator();
  let i = 0;
  let phase = 0;
  while (i < n) {
    const len = Math.round(FS * (0.5 + 2 * r()));
    const a = 70 * 2 ** (4 * r());
    const b = 70 * 2 ** (4 * r());
    const nh = 4 + Math.floor(r() * 10);
    const formant = 500 + 2000 * r();
    for (let k = 0; k < len && i < n; k++, i++) {
      const u = k / len;
      const f = a * (b / a) ** u;
      phase += f / FS;
      if (phase >= 1) phase -= 1;
      let x = 0;
      for (let h = 1; h <= nh && h * f < 3800; h++) x += Math.sin(2 * Math.PI * h * phase) / h;
      const env = Math.min(1, u * 20, (1 - u) * 20);
      out[i] = env * (0.4 * x + res.step(x, formant, 200));
    }
  }
  return out;
}

/** Music-like chords: 3-4 equal-tempered notes, each with a harmonic series, ADSR and slight detune. */
function chords(seconds: number, seed: number): Float64Array {
  const n = Math.round(seconds * FS);
  const out = new Float64Array(n);
  const r = rng(seed);
  const shapes = [
    [0, 4, 7],
    [0, 3, 7],
    [0, 4, 7, 11],
    [0, 3, 7, 10],
    [0, 4, 7, 10],
    [0, 5, 7],
    [0, 3, 6, 9],
  ];
  let i = 0;
  while (i < n) {
    const len = Math.round(FS * (0.25 + 1.25 * r()));
    const rootMidi = 48 + Math.floor(r() * 30);
    const shape = shapes[Math.floor(r() * shapes.length)]!;
    const notes = shape.map((s) => 440 * 2 ** ((rootMidi + s - 69) / 12) * (1 + 0.002 * (r() - 0.5)));
    const bright = 0.5 + 0.8 * r(); // harmonic roll-off exponent
    const nh = 5 + Math.floor(r() * 6);
    const phases = notes.map(() => Array.from({ length: nh }, () => 2 * Math.PI * r()));
    for (let k = 0; k < len && i + k < n; k++) {
      const t = k / FS;
      const u = k / len;
      const env = Math.min(1, t / 0.01) * (0.6 + 0.4 * Math.exp(-t * 6)) * Math.min(1, (1 - u) * 8);
      let x = 0;
      notes.forEach((f, j) => {
        for (let h = 1; h <= nh && h * f < 3800; h++) x += Math.sin(2 * Math.PI * h * f * t + phases[j]![h - 1]!) / h ** bright;
      });
      out[i + k] = env * x;
    }
    i += len;
  }
  return out;
}

/** Synthetic speech-like clips, about `seconds` in all. */
export function syntheticClips(seconds: number): Clip[] {
  const r = rng(4242);
  const clips: Clip[] = [];
  const voices: [string, VoiceParams][] = [
    ['male', { f0: 110, formantScale: 1 }],
    ['female', { f0: 210, formantScale: 1.17 }],
    ['child', { f0: 300, formantScale: 1.3 }],
    ['low male', { f0: 85, formantScale: 0.95 }],
  ];
  const kinds: { name: string; share: number; make: (s: number, seed: number) => Float64Array }[] = [
    ...voices.map(([name, v]) => ({ name: `babble ${name}`, share: 0.1, make: (s: number, seed: number) => babble(s, v, seed) })),
    { name: 'sung vowels low', share: 0.1, make: (s, seed) => sung(s, 90, 350, seed) },
    { name: 'sung vowels high', share: 0.15, make: (s, seed) => sung(s, 200, 800, seed) },
    { name: 'pitch sweeps', share: 0.15, make: (s, seed) => sweeps(s, seed) },
    { name: 'chords', share: 0.2, make: (s, seed) => chords(s, seed) },
  ];
  kinds.forEach((k, j) => {
    const s = seconds * k.share;
    const level = -26 + 14 * r();
    clips.push({ name: `synthetic ${k.name} @${level.toFixed(0)} dBm0`, samples: toLevel(k.make(s, 1000 + j), level) });
  });
  return clips;
}

export function seconds(clips: Clip[]): number {
  return clips.reduce((s, c) => s + c.samples.length, 0) / FS;
}
