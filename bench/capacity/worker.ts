// A capacity trial in a process of its own (so trials do not perturb each
// other): `node --import tsx bench/capacity/worker.ts '<TrialOptions JSON>'`.
// Progress goes to stderr; the result is one JSON line on stdout.
import { runTrial, type TrialOptions } from './trial.ts';

const opts = JSON.parse(process.argv[2] ?? '{}') as TrialOptions;
try {
  const r = await runTrial({ ...opts, log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
} catch (e) {
  process.stderr.write(`trial failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
