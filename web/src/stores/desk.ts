// The agent desktop's live state: the agent (state, reason, since), the desk
// phone's call, and the screen pop of the call ringing or in progress. Read
// over HTTP when the page opens and whenever the event stream (re)connects,
// then kept current from the stream's events (stores/live.ts).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError, call, type Body } from '../api/client.ts';
import type { RouteName } from '../api/routes.ts';
import type { Account, AgentView, CallView, CtiEvent, ScreenPop } from '../api/types.ts';
import { useLive } from './live.ts';

export const useDesk = defineStore('desk', () => {
  const agent = ref<AgentView | null>(null);
  const phoneCall = ref<CallView | null>(null);
  const pop = ref<ScreenPop | null>(null);
  const error = ref<ApiError | null>(null);
  let account: Account | null = null;
  let unsubscribe: (() => void)[] = [];

  async function refresh(): Promise<void> {
    if (!account) return;
    try {
      if (account.agentNumber) agent.value = await call('agent', { params: { id: 'me' } });
      if (account.extension) await refreshCall();
    } catch (e) {
      error.value = e as ApiError;
    }
  }

  async function refreshCall(): Promise<void> {
    if (!account?.extension) return;
    try {
      phoneCall.value = await call('extCall', { params: { ext: account.extension } });
    } catch (e) {
      if ((e as ApiError).status === 409)
        phoneCall.value = null; // the extension is in no call
      else throw e;
    }
  }

  function onEvent(e: CtiEvent): void {
    if (e.type === 'agent:state') {
      const d = e.data as { agent: AgentView };
      if (agent.value && d.agent.id === agent.value.id) agent.value = d.agent;
    } else if (e.type === 'screen:pop') {
      pop.value = e.data as ScreenPop;
    }
    // A call's events, a state change or a screen pop may each mean the phone's call changed (a transfer rings it directly).
    if (!e.type.startsWith('session:')) void refreshCall().catch(() => undefined);
  }

  function start(a: Account): void {
    account = a;
    const live = useLive();
    unsubscribe.forEach((u) => u());
    unsubscribe = [live.on(onEvent), live.onResync(() => void refresh())];
  }

  function stop(): void {
    unsubscribe.forEach((u) => u());
    unsubscribe = [];
    account = null;
    agent.value = null;
    phoneCall.value = null;
    pop.value = null;
  }

  /** Runs an action; an API error is kept for the page to show, the state re-read either way. */
  async function act<N extends RouteName>(name: N, body?: Body<N>): Promise<void> {
    error.value = null;
    try {
      const params = { id: 'me', ext: account?.extension ?? '' };
      const r = await call(name, { params, ...(body !== undefined ? { body } : {}) });
      if (name.startsWith('agent')) agent.value = r as AgentView;
    } catch (e) {
      error.value = e as ApiError;
    }
    await refresh();
  }

  return { agent, phoneCall, pop, error, start, stop, act, refresh };
});
