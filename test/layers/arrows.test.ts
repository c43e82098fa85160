// The arrows point down (ARCHITECTURE.md): the import arrows of src/ and the
// include arrows of the C++ tree are read from the sources and checked against
// the rules of test/layers/arrows.ts. KNOWN lists the arrows not turned yet;
// an entry that no longer occurs fails too, so the list only shrinks.
import { describe, expect, it } from 'vitest';
import { checkCpp, checkTs, type Finding } from './arrows.ts';

const KNOWN: string[] = [
  // C++: errors.h to a base layer, PriSpan through an interface of native/sig, the board ABIs under drivers/
  ...[
    'native/dsp/energy.cc',
    'native/dsp/resample.cc',
    'native/dsp/tone_plan.cc',
    'native/media/disk_writer.cc',
    'native/media/player.cc',
    'native/media/recorder.cc',
    'native/media/wav_reader.cc',
    'native/media/wav_writer.cc',
    'native/sig/line_signalling.cc',
    'native/sig/pri_commands.cc',
    'native/sig/pri_span.cc',
  ].map((f) => `${f} -> native/core/errors.h`),
  'native/sig/pri_commands.cc -> native/core/channel_pipeline.h',
  'native/sig/pri_span.cc -> native/core/channel_pipeline.h',
  'native/sig/pri_span.h -> native/core/command.h',
  'drivers/dahdi/dahdi_sys.h -> firmware-sim/include/boardcti_sys.h',
  'drivers/sim/sim_board.h -> firmware-sim/include/boardcti_sim.h',
  'drivers/driver.h -> native/dsp/g711.h',
];

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
});
