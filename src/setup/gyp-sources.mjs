// Lists the C++ sources of the addon for binding.gyp (gyp has no globs), so a new
// file under native/ or drivers/ is built without editing binding.gyp.
// Usage: node src/setup/gyp-sources.mjs DIR... [--except FILE]... [--tests]
// (paths relative to the repo root). Folders named test/ hold test-only
// sources (the test addon's) and are skipped unless --tests is given.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const tests = args.includes('--tests');
const except = new Set(args.flatMap((a, i) => (args[i - 1] === '--except' ? [a] : [])));
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--except');
const skip = new Set(tests ? ['isa'] : ['isa', 'test', 'tests']);
function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skip.has(name)) walk(p, out);
    } else if (name.endsWith('.cc') && !except.has(p)) {
      out.push(p);
    }
  }
  return out;
}
const files = dirs.flatMap((d) => walk(d, []));
process.stdout.write(files.join('\n') + '\n');
