// The only module that loads the native addon. Everything outside src/native
// imports the typed facade, src/native/index.ts.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createError } from './errors.ts';
import type { NativeAddon } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const addonPath = join(root, 'build', 'Release', 'boardcti.node');

function load(): NativeAddon {
  if (!existsSync(addonPath)) {
    throw new Error(`native engine not built (${addonPath} is missing): run \`npm run build:native\``);
  }
  const require = createRequire(import.meta.url);
  const addon = require(addonPath) as NativeAddon;
  addon.setErrorFactory(createError);
  return addon;
}

export const addon: NativeAddon = load();
