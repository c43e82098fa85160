// The agent desktop's live state: the agent (state, reason, since), the desk
// phone's call, the screen pop of the call ringing or in progress, and the
// call just ended that waits for its wrap-up (disposition and note). Read
// over HTTP when the page opens and whenever the event stream (re)connects,
// then kept current from the stream's events (stores/live.ts).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError, call, type Body } from '../api/client.ts';
import type { RouteName } from '../api/routes.ts';
import type { Account, AgentView, CallView, CtiEvent, Customer, Disposition, ScreenPop } from '../api/types.ts';
import { useLive } from './live.ts';

/** A call of the desk phone that has ended and may be given a disposition. */
export interface EndedCall {
  callId: string;
  with: string | null;
}

export const useDesk = defineStore('desk', () => {
  const agent = ref<AgentView | null>(null);
  const phoneCall = ref<CallView | null>(null);
  const pop = ref<ScreenPop | null>(null);
  const ended = ref<EndedCall | null>(null);
  const dispositions = ref<Disposition[]>([]);
  const error = ref<ApiError | null>(null);
  let account: Account | null = null;
  let unsubscribe: (() => void)[] = [];

  async function refresh(): Promise<void> {
    if (!account) return;
    try {
      if (account.agentNumber) agent.value = await call('agent', { params: { id: 'me' } });
      if (account.extension) await refreshCall();
      if (!dispositions.value.length) dispositions.value = await call('dispositions');
    } catch (e) {
      error.value = e as ApiError;
    }
  }

  let talked: string | null = null; // the call the phone was last connected in
  function setCall(c: CallView | null): void {
    const before = phoneCall.value;
    // A call talked in is over: it waits for its wrap-up (a new call of the phone leaves it waiting too).
    if (before && before.callId !== c?.callId && talked === before.callId) ended.value = { callId: before.callId, with: before.with };
    if (c?.state === 'connected') talked = c.callId;
    phoneCall.value = c;
  }

  async function refreshCall(): Promise<void> {
    if (!account?.extension) return;
    try {
      setCall(await call('extCall', { params: { ext: account.extension } }));
    } catch (e) {
      if ((e as ApiError).status === 409)
        setCall(null); // the extension is in no call
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
    ended.value = null;
  }

  /** Runs an action; an API error is kept for the page to show, the state re-read either way. */
  async function act<N extends RouteName>(name: N, body?: Body<N>): Promise<boolean> {
    error.value = null;
    let ok = true;
    try {
      const params = { id: 'me', ext: account?.extension ?? '' };
      const r = await call(name, { params, ...(body !== undefined ? { body } : {}) });
      if (name.startsWith('agent')) agent.value = r as AgentView;
    } catch (e) {
      error.value = e as ApiError;
      ok = false;
    }
    await refresh();
    return ok;
  }

  /** The caller's record was created or changed: the pop shows it (an unknown caller is known now). */
  function adopt(c: Customer): void {
    if (pop.value) pop.value = { ...pop.value, customer: c, known: true, draft: null };
  }

  /** Re-reads the pop's contact history (after a note was added). */
  async function refreshHistory(): Promise<void> {
    const id = pop.value?.customer?.id;
    if (!id || !pop.value) return;
    pop.value = { ...pop.value, history: await call('customerHistory', { params: { id } }) };
  }

  return { agent, phoneCall, pop, ended, dispositions, error, start, stop, act, refresh, adopt, refreshHistory };
});
