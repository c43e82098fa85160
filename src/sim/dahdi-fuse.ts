// The DAHDI emulator's files on a FUSE mount (firmware-sim/src/dahdi_fuse.h),
// so drivers/dahdi runs on its kernel path (real open/ioctl/read/write/poll)
// with `devDir` pointing at the mount:
//
//   const why = dahdiFuseUnavailable();          // a reason to skip, or undefined
//   const mount = mountDahdiFuse(emu);            // a fresh directory under the temp dir
//   engine.addDahdiBoard({ channels, devDir: mount.dir });
//   ...
//   await engine.close(); mount.unmount();        // then emu.close()
//
// Every mount is a directory `boardcti-dahdi-*` under os.tmpdir(). A process
// killed while mounted leaves a dead mount ("Transport endpoint is not
// connected"): the next mountDahdiFuse() detaches those (only dead ones, so
// the mounts of test runs going on at the same time are left alone).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simAddon, type NativeKernelCalls } from './addon.ts';
import { DahdiEmulator } from './dahdi-emulator.ts';
import { SimWorld } from './world.ts';

const PREFIX = 'boardcti-dahdi-';
const FSTYPE = 'fuse.dahdi-emu'; // subtype=dahdi-emu (dahdi_fuse.cc)

/** Real system calls on real file descriptors, shaped as DahdiEmulator.calls (>= 0, or -errno). */
export const kernelCalls: NativeKernelCalls = simAddon.kernelCalls;

export interface DahdiFuseMount {
  /** the mount point: holds `ctl` and `channel`; use as the board's devDir */
  readonly dir: string;
  /** Stops serving, unmounts and removes the directory. Idempotent. */
  unmount(): void;
}

/** Why a FUSE mount cannot work here, judged without mounting; undefined if it may. */
export function dahdiFuseUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `FUSE mounts are Linux-only (this is ${process.platform})`;
  if (!existsSync('/dev/fuse'))
    return '/dev/fuse is missing (no FUSE in this kernel or container: modprobe fuse, or run the container with --device /dev/fuse)';
  return undefined;
}

/**
 * Why the DAHDI emulator cannot be served over FUSE here, found by mounting a
 * throw-away one (/dev/fuse missing, not permitted, no fusermount3, built
 * without libfuse3...); undefined when it works.
 */
export function probeDahdiFuse(): string | undefined {
  const why = dahdiFuseUnavailable();
  if (why) return why;
  const world = new SimWorld({ seed: 1, fxs: 1, fxo: 0, e1: 0 });
  let emu: DahdiEmulator | undefined;
  try {
    emu = new DahdiEmulator(world);
    const m = mountDahdiFuse(emu);
    m.unmount();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    emu?.close();
    world.close();
  }
}

/** Mounts the emulator's files on a new temporary directory. Throws why it cannot. */
export function mountDahdiFuse(emu: DahdiEmulator): DahdiFuseMount {
  const why = dahdiFuseUnavailable();
  if (why) throw new Error(why);
  detachDeadMounts();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  try {
    emu.mountFuse(dir);
  } catch (e) {
    rmdirSync(dir);
    throw e;
  }
  let mounted = true;
  return {
    dir,
    unmount() {
      if (!mounted) return;
      mounted = false;
      emu.unmountFuse();
      try {
        rmdirSync(dir);
      } catch {
        // still busy after the lazy unmount: the next mountDahdiFuse() sweeps it
      }
    },
  };
}

/** Our mount points whose server is gone (ENOTCONN) are detached and removed. */
export function detachDeadMounts(): string[] {
  let info: string;
  try {
    info = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const gone: string[] = [];
  for (const line of info.split('\n')) {
    // id parent major:minor root mountpoint options ... - fstype source superoptions
    const [pre, post] = line.split(' - ');
    const point = pre?.split(' ')[4]?.replace(/\\040/g, ' ');
    if (!point || !post?.startsWith(FSTYPE + ' ') || !point.startsWith(join(tmpdir(), PREFIX))) continue;
    try {
      statSync(point);
      continue; // alive: another run's
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOTCONN') continue;
    }
    const r = spawnSync('fusermount3', ['-u', '-z', point], { stdio: 'ignore' });
    if (r.status !== 0) spawnSync('umount', ['-l', point], { stdio: 'ignore' });
    try {
      rmdirSync(point);
    } catch {
      // not ours to force
    }
    gone.push(point);
  }
  return gone;
}
