// The live event stream (/api/ws) for the console: reconnects with a growing
// pause (1 s up to 10 s) when the connection drops, and calls `onOpen` on every
// (re)connection so the page re-reads the state it may have missed.
import { getToken, routeUrl } from './client.ts';
import type { CtiEvent } from './types.ts';

export interface Live {
  close(): void;
  readonly connected: boolean;
}

export function connectLive(handlers: {
  onEvent: (e: CtiEvent) => void;
  onOpen?: () => void;
  onStatus?: (connected: boolean) => void;
}): Live {
  let socket: WebSocket | undefined;
  let closed = false;
  let pause = 1000;
  let connected = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const status = (c: boolean) => {
    connected = c;
    handlers.onStatus?.(c);
  };
  const open = () => {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${proto}://${location.host}${routeUrl('events')}?token=${encodeURIComponent(getToken() ?? '')}`);
    socket.onopen = () => {
      pause = 1000;
      status(true);
      handlers.onOpen?.();
    };
    socket.onmessage = (m) => {
      try {
        handlers.onEvent(JSON.parse(String(m.data)) as CtiEvent);
      } catch {
        // not an event: ignored
      }
    };
    socket.onclose = () => {
      status(false);
      if (closed) return;
      timer = setTimeout(open, pause);
      pause = Math.min(pause * 2, 10_000);
    };
  };
  open();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
    get connected() {
      return connected;
    },
  };
}
