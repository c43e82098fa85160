// `boardcti start`: the engine on a board plus the HTTP API on localhost.
// This first server runs the engine on the built-in loopback board and answers
// GET /api/health and GET /api/boards; the simulated board, the world behind it
// and the call-center services arrive with their issues (see README).
import Fastify from 'fastify';
import { MediaEngine } from '../native/engine.ts';
import { addon } from '../native/addon.ts';

interface ServerOptions {
  port: number;
  host: string;
  channels: number;
}

function parse(argv: string[]): ServerOptions {
  const o: ServerOptions = { port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1', channels: 16 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') o.port = Number(argv[++i]);
    else if (a === '--host') o.host = String(argv[++i]);
    else if (a === '--channels') o.channels = Number(argv[++i]);
    else if (a === '--demo') continue;  // the simulated world's demo traffic comes with the simulated board
    else throw new Error(`unknown option '${a}'`);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port must be 0..65535');
  if (!Number.isInteger(o.channels) || o.channels < 1) throw new Error('--channels must be a positive integer');
  return o;
}

export async function runServer(argv: string[]): Promise<number> {
  let opts: ServerOptions;
  try {
    opts = parse(argv);
  } catch (e) {
    process.stderr.write(`boardcti start: ${(e as Error).message}\n`);
    return 2;
  }
  const engine = new MediaEngine({ mode: 'realtime' });
  const board = engine.addLoopbackBoard(opts.channels, 'alaw');
  engine.start();
  const app = Fastify({ logger: { level: 'info' } });
  app.get('/api/health', async () => ({
    status: 'ok',
    engine: { isa: addon.activeIsa(), ...engine.stats() },
  }));
  app.get('/api/boards', async () => [{ id: board, ...engine.boardInfo(board) }]);
  await app.listen({ port: opts.port, host: opts.host });
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (sig: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${sig}: stopping`);
      await app.close();
      await engine.close();
      resolve(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}
