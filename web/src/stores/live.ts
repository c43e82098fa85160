// The console's one live event stream (/api/ws), opened when someone signs in
// and closed when they sign out. Pages and stores subscribe to its events and
// to its (re)connections: on each one they re-read the state they may have
// missed while it was down.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { connectLive, type Live } from '../api/live.ts';
import type { CtiEvent } from '../api/types.ts';

type Handler = (e: CtiEvent) => void;

export const useLive = defineStore('live', () => {
  const connected = ref(false);
  const handlers = new Set<Handler>();
  const resyncs = new Set<() => void>();
  let stream: Live | undefined;

  function start(): void {
    stream?.close();
    stream = connectLive({
      onEvent: (e) => handlers.forEach((h) => h(e)),
      onOpen: () => resyncs.forEach((r) => r()),
      onStatus: (c) => (connected.value = c),
    });
  }

  function stop(): void {
    stream?.close();
    stream = undefined;
    connected.value = false;
  }

  /** Calls `fn` with every event until the returned function is called. */
  function on(fn: Handler): () => void {
    handlers.add(fn);
    return () => handlers.delete(fn);
  }

  /** Calls `fn` on every (re)connection, and now if connected, until the returned function is called. */
  function onResync(fn: () => void): () => void {
    resyncs.add(fn);
    if (connected.value) fn();
    return () => resyncs.delete(fn);
  }

  return { connected, start, stop, on, onResync };
});
