// The simulator loads only when the configuration asks for it: a runtime on a
// DAHDI board (driver: dahdi) never maps firmware_sim.node, a runtime on the
// simulated board does. Each runtime is built in a child process of its own
// (test/server/fixtures/runtime-probe.ts), whose /proc/self/maps says which
// addons it loaded.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DahdiEmulator, SimWorld, mountDahdiFuse, probeDahdiFuse } from '../../src/sim/index.ts';

const PROBE = join(import.meta.dirname, 'fixtures', 'runtime-probe.ts');

interface Probe {
  started: boolean;
  driver?: string;
  code?: string;
  message?: string;
  simLoaded: boolean;
}

function probe(yaml: string): Promise<Probe> {
  // Asynchronous: a FUSE mount served by this process must go on answering the child.
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', PROBE, yaml],
      { cwd: join(import.meta.dirname, '..', '..'), timeout: 60_000 },
      (err, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop();
        if (!line) return reject(new Error(`runtime probe printed nothing: ${String(err)}\n${stderr}`));
        resolve(JSON.parse(line) as Probe);
      },
    );
  });
}

const fuseWhy = probeDahdiFuse();

describe('the simulator is loaded only when the configuration asks for it', () => {
  it('a simulated board (driver: sim) loads firmware_sim.node', async () => {
    const p = await probe('boards:\n  - driver: sim\n    fxs: 2\n    fxo: 1\n    e1: 0\nextensions: []\nroutes: { inbound: [] }\n');
    expect(p).toMatchObject({ started: true, driver: 'sim', simLoaded: true });
  });

  it('a DAHDI board whose devices are missing stops with CTI_ERR_NO_DEVICE without loading firmware_sim.node', async () => {
    const p = await probe(
      'boards:\n  - driver: dahdi\n    channels: "1-2"\n    devDir: /nonexistent/dahdi\nextensions: []\nroutes: { inbound: [] }\n',
    );
    expect(p).toMatchObject({ started: false, code: 'CTI_ERR_NO_DEVICE', simLoaded: false });
  });

  it.skipIf(fuseWhy !== undefined)(
    `a DAHDI board runs without firmware_sim.node (its devices on a FUSE mount this process serves)${fuseWhy ? ` (skipped: ${fuseWhy})` : ''}`,
    async () => {
      const world = new SimWorld({ seed: 5, fxs: 2, fxo: 1, e1: 0 });
      const emu = new DahdiEmulator(world);
      const mount = mountDahdiFuse(emu);
      try {
        const channels = emu
          .channels()
          .map((c) => c.number)
          .join(',');
        const p = await probe(
          `boards:\n  - driver: dahdi\n    channels: "${channels}"\n    devDir: ${mount.dir}\nextensions: []\nroutes: { inbound: [] }\n`,
        );
        expect(p).toMatchObject({ started: true, driver: 'dahdi', simLoaded: false });
      } finally {
        mount.unmount();
        emu.close();
        world.close();
      }
    },
  );
});
