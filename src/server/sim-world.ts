// The simulated board's world as the configuration describes it (driver:
// sim). Imported by the runtime only when the configuration asks for the
// simulator, so a DAHDI board never loads firmware_sim.node.
import type { Config } from '../config/schema.ts';
import { e1Spans } from '../config/spans.ts';
import { SimWorld } from '../sim/world.ts';

export function simulatedWorld(config: Config, demo: boolean): SimWorld {
  const b = config.boards[0]!;
  const extByPort = new Map(config.extensions.map((x) => [x.port, x.number]));
  const numberByPort = new Map(config.lines.map((l) => [l.port, l.number]));
  const used = new Set(config.extensions.map((x) => x.number));
  return new SimWorld({
    seed: b.seed,
    tonePlan: config.engine.tonePlan,
    law: b.law,
    fxs: Array.from({ length: b.fxs }, (_, i) => {
      let ext = extByPort.get(`fxs:${i + 1}`);
      if (!ext) for (let n = 100 + i + 1; !ext; n += 100) if (!used.has(String(n))) used.add((ext = String(n)));
      return { extension: ext, ...(demo ? { answerAfterRings: 2 } : {}) };
    }),
    fxo: Array.from({ length: b.fxo }, (_, i) => {
      const number = numberByPort.get(`fxo:${i + 1}`);
      return number ? { number } : {};
    }),
    e1: e1Spans(b).map((s) => ({ signalling: s.signalling, registers: s.registers, mfcr2Variant: s.mfcr2.variant })),
  });
}
