// WAV files as the engine sees them: read anything common (PCM 8/16/24/32-bit,
// float, mu-law, A-law, any rate, any channel count) as 8 kHz mono 16-bit;
// write 8 kHz mono 16-bit PCM, mu-law or A-law through the native crash-safe
// writer. Arguments are checked here with precise messages; the native side
// throws CtiError CTI_ERR_BAD_WAV for files it cannot read and CTI_ERR_FILE_IO
// for files it cannot open or write (STYLE.md #5).
import { addon } from './addon.ts';
import { CtiError } from './errors.ts';
import type { WavData, WavProbe, WavWriteFormat } from './types/media.ts';

export type { WavData, WavProbe, WavSourceFormat, WavWriteFormat } from './types/media.ts';

export const WAV_WRITE_FORMATS = ['pcm16', 'ulaw', 'alaw'] as const satisfies readonly WavWriteFormat[];
export const MIN_RATE = 1000;
export const MAX_RATE = 768_000;

function checkPath(what: string, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected a file path`);
  if (path.includes('\0')) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: path contains a NUL character`);
  return path;
}

function checkSamples(what: string, s: unknown): Int16Array {
  if (!(s instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected an Int16Array`);
  return s;
}

function checkRate(what: string, r: unknown): number {
  if (typeof r !== 'number' || !Number.isInteger(r) || r < MIN_RATE || r > MAX_RATE)
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected an integer rate in [${MIN_RATE}, ${MAX_RATE}] Hz, got ${String(r)}`);
  return r;
}

/** Reads a WAV file as 8 kHz mono 16-bit samples. Throws CtiError CTI_ERR_BAD_WAV / CTI_ERR_FILE_IO. */
export function readWav(path: string): WavData {
  return addon.readWav(checkPath('readWav: path', path));
}

/** As readWav, from the bytes of a file already in memory. */
export function parseWav(bytes: Uint8Array, name = 'buffer'): WavData {
  if (!(bytes instanceof Uint8Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'parseWav: bytes: expected a Uint8Array or Buffer');
  return addon.parseWav(bytes, name);
}

/** A WAV file's format and length without decoding it. */
export function probeWav(path: string): WavProbe {
  return addon.probeWav(checkPath('probeWav: path', path));
}

/**
 * Writes 8 kHz mono samples (header first, data, final header, fsync of file
 * and directory). The directory must exist. Throws CtiError CTI_ERR_FILE_IO.
 */
export function writeWav(path: string, samples: Int16Array, format: WavWriteFormat = 'pcm16'): void {
  checkPath('writeWav: path', path);
  checkSamples('writeWav: samples', samples);
  if (!(WAV_WRITE_FORMATS as readonly string[]).includes(format))
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `writeWav: format: expected one of ${WAV_WRITE_FORMATS.join(', ')}, got ${String(format)}`);
  addon.writeWav(path, samples, format);
}

/** Band-limited sample-rate conversion (anti-aliased when going down). */
export function resample(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  checkSamples('resample: samples', samples);
  return addon.resample(samples, checkRate('resample: fromRate', fromRate), checkRate('resample: toRate', toRate));
}
