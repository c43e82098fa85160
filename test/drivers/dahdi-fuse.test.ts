// drivers/dahdi on its real kernel path: the emulator's `ctl` and `channel`
// served as files on a FUSE mount (firmware-sim/src/dahdi_fuse.h), the driver
// built with the C library's system calls (no `sys` table) and `devDir` on the
// mount, so open/ioctl/read/write/poll go through the kernel. First the DAHDI
// discipline through real system calls (ELAST is errno 500, POLLPRI, fixed-size
// ioctls, a waiting poll woken by an event), then the driver conformance suite.
// Where FUSE is unusable (no /dev/fuse, not permitted, no libfuse3), all of it
// is skipped, saying why.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SIM_ADDON_PATH } from '../../src/sim/addon.ts';
import {
  DAHDI,
  DahdiEmulator,
  SimWorld,
  kernelCalls as k,
  mountDahdiFuse,
  probeDahdiFuse,
  type DahdiFuseMount,
} from '../../src/sim/index.ts';
import { driverConformance } from './conformance.ts';
import { dahdiTarget } from './dahdi-rig.ts';

const why = probeDahdiFuse();
if (why) console.warn(`[dahdi-fuse] skipped: FUSE is not usable here: ${why}`);
const suite = why ? describe.skip : describe;
const reason = why ? ` (skipped: ${why})` : '';

interface Bench {
  world: SimWorld;
  emu: DahdiEmulator;
  mount: DahdiFuseMount;
  close(): void;
}

function bench(seed: number): Bench {
  const world = new SimWorld({ seed, fxs: 1, fxo: 1, e1: 0 });
  const emu = new DahdiEmulator(world);
  const mount = mountDahdiFuse(emu);
  return {
    world,
    emu,
    mount,
    close() {
      mount.unmount();
      emu.close();
      world.close();
    },
  };
}

function bound(b: Bench, number: number): number {
  const fd = k.open(`${b.mount.dir}/channel`);
  expect(fd).toBeGreaterThanOrEqual(0);
  expect(k.ioctlInt(fd, DAHDI.SPECIFY, number)).toEqual({ ret: 0, value: number });
  return fd;
}

suite(`the DAHDI emulator over FUSE: real system calls${reason}`, () => {
  it('the mount holds ctl and channel; a missing file is ENOENT; an unknown ioctl ENOTTY', async () => {
    const b = bench(11);
    try {
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(b.mount.dir).sort()).toEqual(['channel', 'ctl']);
      expect(k.open(`${b.mount.dir}/nothing`)).toBe(-2); // ENOENT
      const ctl = k.open(`${b.mount.dir}/ctl`);
      expect(ctl).toBeGreaterThanOrEqual(0);
      expect(k.ioctlInt(ctl, (2 << 30) | (4 << 16) | (0xda << 8) | 200).ret).toBe(-25); // ENOTTY
      expect(k.closeFd(ctl)).toBe(0);
    } finally {
      b.close();
    }
  });

  it('an event pending: read and write fail with errno ELAST (500), poll reports POLLPRI, until DAHDI_GETEVENT', () => {
    const b = bench(12);
    try {
      const fxs = b.emu.channels().find((c) => c.sig === DAHDI.SIG_FXOKS)!;
      const fd = bound(b, fxs.number);
      expect(k.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI)).toBe(DAHDI.POLLIN);
      expect((k.read(fd, 160) as Uint8Array).length).toBe(160); // one block per read(), as the driver asked
      b.world.phones.get(b.world.channel(fxs.simChannel).name.slice(6)).offhook();
      let r: Uint8Array | number = 0;
      for (let reads = 0; reads < 50; reads++) {
        r = k.read(fd, 160);
        if (typeof r === 'number') break;
      }
      expect(r).toBe(-DAHDI.ELAST);
      expect(k.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI) & DAHDI.POLLPRI).toBe(DAHDI.POLLPRI);
      expect(k.write(fd, new Uint8Array(160).fill(0xd5))).toBe(-DAHDI.ELAST);
      expect(k.ioctlInt(fd, DAHDI.GETEVENT)).toEqual({ ret: 0, value: DAHDI.EVENT_RINGOFFHOOK });
      expect(k.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI)).toBe(DAHDI.POLLIN);
      expect((k.read(fd, 160) as Uint8Array).length).toBe(160);
      expect(k.write(fd, new Uint8Array(160).fill(0xd5))).toBe(160);
      expect(k.ioctlInt(fd, DAHDI.GETEVENT).value).toBe(DAHDI.EVENT_NONE);
      expect(k.closeFd(fd)).toBe(0);
    } finally {
      b.close();
    }
  });

  it('one fd per channel: a second DAHDI_SPECIFY is EBUSY, and free again once the first is closed', () => {
    const b = bench(13);
    try {
      const n = b.emu.channels()[0]!.number;
      const fd = bound(b, n);
      const other = k.open(`${b.mount.dir}/channel`);
      expect(k.ioctlInt(other, DAHDI.SPECIFY, n).ret).toBe(-DAHDI.EBUSY);
      expect(k.read(other, 160)).toBe(-22); // EINVAL: not specified
      expect(k.closeFd(fd)).toBe(0); // FUSE's release reaches the emulator
      expect(k.ioctlInt(other, DAHDI.SPECIFY, n).ret).toBe(0);
      expect(k.closeFd(other)).toBe(0);
    } finally {
      b.close();
    }
  });

  it('a poll() waiting for POLLPRI wakes when an event is raised (the poll handle is notified)', async () => {
    const b = bench(14);
    try {
      const fxo = b.emu.channels().find((c) => c.sig === DAHDI.SIG_FXSKS)!;
      const fd = bound(b, fxo.number);
      expect(k.poll(fd, DAHDI.POLLPRI)).toBe(0);
      // The poll blocks its thread: a worker makes it, on the same fd.
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const k = require(workerData.addon).kernelCalls;
         parentPort.postMessage('polling');
         const t0 = Date.now();
         const revents = k.poll(workerData.fd, workerData.events, 5000);
         parentPort.postMessage({ revents, ms: Date.now() - t0 });`,
        { eval: true, workerData: { addon: SIM_ADDON_PATH, fd, events: DAHDI.POLLPRI } },
      );
      const done = new Promise<{ revents: number; ms: number }>((resolve, reject) => {
        worker.on('message', (m) => {
          if (m !== 'polling') resolve(m);
        });
        worker.on('error', reject);
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(b.emu.raise(fxo.number, DAHDI.EVENT_POLARITY)).toBe(true);
      const got = await done;
      await worker.terminate();
      expect(got.revents).toBe(DAHDI.POLLPRI);
      expect(got.ms).toBeLessThan(4000); // woken, not timed out
      expect(k.ioctlInt(fd, DAHDI.GETEVENT).value).toBe(DAHDI.EVENT_POLARITY);
      expect(k.closeFd(fd)).toBe(0);
    } finally {
      b.close();
    }
  });
});

suite(`drivers/dahdi through the kernel, on the emulator's files over FUSE${reason}`, () => {
  driverConformance('dahdi', () => dahdiTarget({ fuse: true }));
});
