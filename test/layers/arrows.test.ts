// The arrows point down (ARCHITECTURE.md): the import arrows of src/ and the
// include arrows of the C++ tree are read from the sources and checked against
// the rules of test/layers/arrows.ts. KNOWN lists the arrows not turned yet;
// an entry that no longer occurs fails too, so the list only shrinks.
import { describe, expect, it } from 'vitest';
import { checkCpp, checkTs, type Finding } from './arrows.ts';

// Every arrow points down now; an upward one added later fails here (or is listed, to be turned).
const KNOWN: string[] = [];

const key = (f: Finding) => `${f.from} -> ${f.to}`;

describe('import and include arrows point down', () => {
  it('src/ and the C++ tree break no rule beyond the known arrows, and every known arrow still occurs', () => {
    const found = [...checkTs(), ...checkCpp()];
    expect(found.filter((f) => !KNOWN.includes(key(f))).map((f) => `${key(f)}: ${f.rule}`)).toEqual([]);
    expect(KNOWN.filter((k) => !found.some((f) => key(f) === k))).toEqual([]);
  });

  it('the checker sees an upward import (a fake src/native -> src/dsp arrow)', () => {
    const fake = checkTs([{ from: 'src/native/engine.ts', to: 'src/dsp/callerid.ts', typeOnly: false, dynamic: false }]);
    expect(fake.map((f) => f.rule)).toEqual(['src/native imports nothing above it']);
  });

  it('the checker sees an upward include (a fake native/sig -> native/core arrow) and a driver reaching firmware-sim', () => {
    const fake = checkCpp([
      { from: 'native/sig/pri_span.cc', to: 'native/core/channel_pipeline.h', typeOnly: false, dynamic: false },
      { from: 'drivers/sim/sim_board.h', to: 'firmware-sim/src/world.h', typeOnly: false, dynamic: false },
      { from: 'native/base/errors.h', to: 'native/dsp/g711.h', typeOnly: false, dynamic: false },
    ]);
    expect(fake.map((f) => f.rule)).toEqual([
      'native/sig includes nothing of native/core, napi or media (core is above sig)',
      'a driver includes nothing of firmware-sim',
      'native/base (error codes, sample laws: the lowest C++ layer) includes nothing of ours',
    ]);
  });
});
