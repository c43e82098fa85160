// DAHDI's event discipline (dahdi/user.h, dahdi-base.c): while an event is
// pending on a channel, read() and write() fail with ELAST and poll() reports
// POLLPRI, until DAHDI_GETEVENT takes it. First the emulator's side, through
// the raw system calls; then the driver's: events never cost a block of audio
// and reach the engine in the frame they arrived in.
import { describe, expect, it } from 'vitest';
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { CtiError } from '../../src/native/errors.ts';
import { MediaEngine, type NativeEvent } from '../../src/native/engine.ts';
import { DAHDI, DahdiEmulator, SimWorld } from '../../src/sim/index.ts';
import { dahdiRig } from './dahdi-rig.ts';

function bound(emu: DahdiEmulator, number: number): number {
  const fd = emu.calls.open('/dev/dahdi/channel');
  expect(fd).toBeGreaterThan(0);
  expect(emu.calls.ioctlInt(fd, DAHDI.SPECIFY, number).ret).toBe(0);
  return fd;
}

describe('the DAHDI emulator: ELAST and POLLPRI until DAHDI_GETEVENT', () => {
  it('a phone going off hook: RINGOFFHOOK pends, blocks read and write, polls POLLPRI, and is taken once', () => {
    const world = new SimWorld({ seed: 5, fxs: 1, fxo: 1, e1: 0 });
    const emu = new DahdiEmulator(world);
    try {
      const fxs = emu.channels().find((c) => c.sig === DAHDI.SIG_FXOKS)!;
      const fd = bound(emu, fxs.number);
      expect(emu.calls.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI)).toBe(DAHDI.POLLIN);
      world.phones.get(world.channel(fxs.simChannel).name.slice(6)).offhook();
      let reads = 0;
      let r: Uint8Array | number = 0;
      for (; reads < 50; reads++) {
        r = emu.calls.read(fd, 160);
        if (typeof r === 'number') break;
        expect(r.length).toBe(160);
      }
      expect(r).toBe(-DAHDI.ELAST);
      expect(emu.calls.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI) & DAHDI.POLLPRI).toBe(DAHDI.POLLPRI);
      expect(emu.calls.write(fd, new Uint8Array(160).fill(0xd5))).toBe(-DAHDI.ELAST);
      expect(emu.calls.read(fd, 160)).toBe(-DAHDI.ELAST); // still pending: reading does not take it
      expect(emu.calls.ioctlInt(fd, DAHDI.GETEVENT)).toEqual({ ret: 0, value: DAHDI.EVENT_RINGOFFHOOK });
      expect(emu.calls.poll(fd, DAHDI.POLLIN | DAHDI.POLLPRI) & DAHDI.POLLPRI).toBe(0);
      expect((emu.calls.read(fd, 160) as Uint8Array).length).toBe(160);
      expect(emu.calls.write(fd, new Uint8Array(160).fill(0xd5))).toBe(160);
      expect(emu.calls.ioctlInt(fd, DAHDI.GETEVENT).value).toBe(DAHDI.EVENT_NONE);
    } finally {
      emu.close();
      world.close();
    }
  });

  it('events queue in order; each DAHDI_GETEVENT takes one; the fd reads again only when all are taken', () => {
    const world = new SimWorld({ seed: 6, fxs: 1, fxo: 1, e1: 0 });
    const emu = new DahdiEmulator(world);
    try {
      const fxo = emu.channels().find((c) => c.sig === DAHDI.SIG_FXSKS)!;
      const fd = bound(emu, fxo.number);
      expect(emu.raise(fxo.number, DAHDI.EVENT_RINGBEGIN)).toBe(true);
      expect(emu.raise(fxo.number, DAHDI.EVENT_POLARITY)).toBe(true);
      expect(emu.calls.read(fd, 160)).toBe(-DAHDI.ELAST);
      expect(emu.calls.ioctlInt(fd, DAHDI.GETEVENT).value).toBe(DAHDI.EVENT_RINGBEGIN);
      expect(emu.calls.read(fd, 160)).toBe(-DAHDI.ELAST);
      expect(emu.calls.ioctlInt(fd, DAHDI.GETEVENT).value).toBe(DAHDI.EVENT_POLARITY);
      expect(emu.calls.read(fd, 160)).toBeInstanceOf(Uint8Array);
    } finally {
      emu.close();
      world.close();
    }
  });

  it('one fd per channel: a second DAHDI_SPECIFY is EBUSY; an unbound fd cannot read', () => {
    const world = new SimWorld({ seed: 7, fxs: 1, fxo: 0, e1: 0 });
    const emu = new DahdiEmulator(world);
    try {
      const n = emu.channels()[0]!.number;
      bound(emu, n);
      const other = emu.calls.open('/dev/dahdi/channel');
      expect(emu.calls.ioctlInt(other, DAHDI.SPECIFY, n).ret).toBe(-DAHDI.EBUSY);
      expect(emu.calls.read(other, 160)).toBeLessThan(0);
      expect(emu.calls.open('/dev/dahdi/nothing')).toBe(-2); // ENOENT
    } finally {
      emu.close();
      world.close();
    }
  });

  it('the D-channel carries whole frames: reads add the FCS, writes leave room for it', () => {
    const world = new SimWorld({ seed: 8, fxs: 0, fxo: 0, e1: 1 });
    const emu = new DahdiEmulator(world, { dchannel: true });
    try {
      const d = emu.channels().find((c) => c.sig === DAHDI.SIG_HARDHDLC)!;
      expect(d.chanpos).toBe(16);
      const fd = bound(emu, d.number);
      expect(emu.calls.read(fd, 1024)).toBe(-DAHDI.EAGAIN);
      const sabme = Uint8Array.of(0x00, 0x01, 0x7f);
      expect(emu.dchanSend(d.span, sabme)).toBe(true);
      expect(emu.calls.poll(fd, DAHDI.POLLIN) & DAHDI.POLLIN).toBe(DAHDI.POLLIN);
      const got = emu.calls.read(fd, 1024) as Uint8Array;
      expect([...got.subarray(0, 3)]).toEqual([...sabme]);
      expect(got.length).toBe(5);
      expect(emu.calls.write(fd, Uint8Array.of(0x02, 0x01, 0x73, 0, 0))).toBe(5);
      expect(emu.dchanTake(d.span).map((f) => [...f])).toEqual([[0x02, 0x01, 0x73]]);
    } finally {
      emu.close();
      world.close();
    }
  });
});

describe('drivers/dahdi keeps the discipline', () => {
  it('events pending at every frame cost no audio: DTMF still passes both ways', async () => {
    const rig = dahdiRig(41);
    try {
      const { engine, board, world } = rig;
      const info = engine.boardInfo(board);
      const ch = info.channels.find((c) => c.kind === 'fxo')!.number;
      const caller = world.pstn.call({ from: '13800138000', to: world.channel(rig.simChannel(ch)).name });
      await engine.advance(500);
      await engine.offhook({ board, channel: ch });
      await engine.advance(200);
      const noise = async (ms: number): Promise<void> => {
        for (let t = 0; t < ms; t += 20) {
          rig.emu.raise(rig.dahdiChannel(ch), 10); // RINGERON: meaningless here, but it blocks the fd
          rig.emu.raise(rig.dahdiChannel(ch), 11);
          await engine.advance(20);
        }
      };
      const collected = engine.collect({ board, channel: ch }, { max: 3, timeoutMs: 5_000 });
      caller.press('147');
      await noise(1_500);
      expect((await collected).digits).toBe('147');
      const played = engine.play({ board, channel: ch }, { digits: '3690' });
      await noise(1_500);
      await played;
      expect(caller.log.digits()).toBe('3690');
    } finally {
      await rig.close();
    }
  });

  it('an event reaches the engine in the frame it arrived in', async () => {
    const rig = dahdiRig(42);
    try {
      const { engine, board } = rig;
      const ch = engine.boardInfo(board).channels.find((c) => c.kind === 'fxs')!.number;
      const seen: number[] = [];
      engine.on('line:offhook', (e: NativeEvent) => seen.push(e.ts));
      await engine.advance(100);
      rig.emu.raise(rig.dahdiChannel(ch), DAHDI.EVENT_RINGOFFHOOK);
      await engine.advance(60);
      await new Promise((r) => setImmediate(r));
      expect(seen).toEqual([100]); // stamped with the frame that read it: the first after 100 ms
    } finally {
      await rig.close();
    }
  });

  it('an event raised while the frame was read (after its own fd was read) is in that frame, as with the sim driver', async () => {
    const stamp = async (useDahdi: boolean): Promise<number[]> => {
      const world = new SimWorld({ seed: 43, fxs: 1, fxo: 1, e1: 0 });
      const emu = new DahdiEmulator(world);
      const engine = new MediaEngine({ mode: 'stepped', tonePlan: loadTonePlanJson('cn') });
      const board = useDahdi
        ? engine.addDahdiBoard({ channels: emu.channels().map((c) => c.number), sys: emu.sys })
        : engine.addSimBoard(world.port);
      const seen: number[] = [];
      engine.on('line:offhook', (e: NativeEvent) => seen.push(e.ts));
      engine.start();
      try {
        expect(engine.boardInfo(board).channels[0]!.kind).toBe('fxs'); // the first fd read each frame
        await engine.advance(100);
        world.phones.get(world.channel(1).name.slice(6)).offhook();
        await engine.advance(100);
        await new Promise((r) => setTimeout(r, 5));
        return seen;
      } finally {
        await engine.close();
        emu.close();
        world.close();
      }
    };
    const sim = await stamp(false);
    expect(sim).toHaveLength(1);
    expect(await stamp(true)).toEqual(sim);
  });

  it('stops with CTI_ERR_NO_DEVICE naming the device when DAHDI is not there', () => {
    const engine = new MediaEngine({ mode: 'stepped' });
    let err: unknown;
    try {
      engine.addDahdiBoard({ channels: [1], devDir: '/nonexistent/dahdi' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('CTI_ERR_NO_DEVICE');
    expect((err as CtiError).message).toMatch(/\/nonexistent\/dahdi\/ctl.*No such file or directory.*README/);
  });
});
