// Audio made here rather than recorded: 16-bit mono PCM as a WAV file's bytes,
// and text spoken into a WAV file by espeak-ng when it is installed. The
// prompts of the server and of the IVR both make their stand-ins with these.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** 16-bit mono PCM as a WAV file's bytes. */
export function pcmWav(pcm: Int16Array, rate: number): Uint8Array {
  const buf = Buffer.alloc(44 + pcm.length * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + pcm.length * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(pcm.length * 2, 40);
  for (let i = 0; i < pcm.length; i++) buf.writeInt16LE(pcm[i]!, 44 + i * 2);
  return buf;
}

/** Speaks `text` with espeak-ng voice `voice` into the WAV file `out`; false when espeak-ng is missing or fails. */
export function speak(text: string, voice: string, out: string): boolean {
  try {
    const r = spawnSync('espeak-ng', ['-v', voice, '-s', '150', '-w', out, text], { timeout: 20000, stdio: 'ignore' });
    return r.status === 0 && existsSync(out);
  } catch {
    return false;
  }
}
