// `boardcti` sub-commands. Each returns the process exit status: 0 ok, 1 failure,
// 2 bad usage or bad input.
import { runDsp } from './dsp.ts';

const USAGE = `usage: boardcti <command> [options]

commands:
  start [--demo]                      run the server (engine + web console)
  dsp dtmf FILE.wav                   DTMF digits in a WAV file, one JSON object per line
  dsp tones FILE.wav --plan cn|itu|us call-progress tones, one JSON object per line
  dsp callerid FILE.wav               caller ID messages (FSK Bell 202 / V.23, DTMF), one JSON object per line
  bench [dsp] [--json]                benchmarks (see README)
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'dsp':
      return runDsp(rest);
    case 'start': {
      const { runServer } = await import('../server/run.ts');
      return runServer(rest);
    }
    case 'bench': {
      const { runBench } = await import('../../bench/run.ts');
      return runBench(rest);
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return cmd ? 0 : 2;
    default:
      process.stderr.write(`boardcti: unknown command '${cmd}'\n${USAGE}`);
      return 2;
  }
}
