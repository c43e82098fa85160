// The server's files are its own: everything it creates is 0700 (folders) or
// 0600 (files) — the process umask, so the database, its WAL, prompts and the
// engine's recordings alike — and a data folder an older version left
// readable to others is closed at start-up.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_UMASK = 0o077;

/** Sets the umask, makes the data folder, and takes group and other access off everything in it. */
export function privateDataDir(dir: string): void {
  process.umask(PRIVATE_UMASK);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeUp(dir);
}

function closeUp(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return; // a link's target is not ours to change
  if (st.mode & 0o077) chmodSync(path, st.mode & 0o700);
  if (st.isDirectory()) for (const name of readdirSync(path)) closeUp(join(path, name));
}
