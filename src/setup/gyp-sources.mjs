// Lists the C++ sources of the addon for binding.gyp (gyp has no globs), so a new
// file under native/ or drivers/ is built without editing binding.gyp.
// Usage: node src/setup/gyp-sources.mjs DIR... (paths relative to the repo root)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const skip = new Set(['isa', 'test', 'tests']);
function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skip.has(name)) walk(p, out);
    } else if (name.endsWith('.cc')) {
      out.push(p);
    }
  }
  return out;
}
const files = process.argv.slice(2).flatMap((d) => walk(d, []));
process.stdout.write(files.join('\n') + '\n');
