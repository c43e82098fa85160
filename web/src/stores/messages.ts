// Short messages: the unread count the navigation shows, the conversations,
// and the one open on the messages page, kept live from the account's own
// inbox on the event stream (message:new, message:read) and re-read on every
// (re)connection.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, type Reply } from '../api/client.ts';
import type { CtiEvent } from '../api/types.ts';
import { useLive } from './live.ts';
import { useSession } from './session.ts';

export type Message = Reply<'conversation'>[number];
export type Person = Reply<'messagePeople'>[number];
export type Conversation = Reply<'conversations'>['items'][number];

interface NewMessage {
  message: Message;
  from: Person;
  to: Person;
}

export const useMessages = defineStore('messages', () => {
  const unread = ref(0);
  const conversations = ref<Conversation[]>([]);
  /** the account whose conversation is open on the page, and its messages */
  const openWith = ref<number | null>(null);
  const thread = ref<Message[]>([]);
  const error = ref<string | null>(null);
  const me = computed(() => useSession().account?.id);
  let offs: (() => void)[] = [];

  async function refresh(): Promise<void> {
    try {
      const r = await call('conversations');
      unread.value = r.unread;
      conversations.value = r.items;
      if (openWith.value !== null) await openConversation(openWith.value);
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function openConversation(id: number | null): Promise<void> {
    openWith.value = id;
    if (id === null) {
      thread.value = [];
      return;
    }
    thread.value = await call('conversation', { params: { id } });
    await markRead(id);
  }

  async function markRead(id: number): Promise<void> {
    const c = conversations.value.find((x) => x.with.id === id);
    if (!thread.value.some((m) => m.toId === me.value && !m.readAt) && !c?.unread) return;
    const r = await call('messageRead', { params: { id }, body: {} });
    unread.value = r.unread;
    if (c) c.unread = 0;
    thread.value = thread.value.map((m) => (m.toId === me.value && !m.readAt ? { ...m, readAt: new Date().toISOString() } : m));
  }

  async function send(to: number, text: string): Promise<void> {
    const m = await call('messageSend', { body: { to, text } });
    if (openWith.value === to && !thread.value.some((x) => x.id === m.id)) thread.value.push(m);
  }

  function onEvent(e: CtiEvent): void {
    if (e.type === 'message:new') {
      const { message: m, from, to } = e.data as NewMessage;
      const incoming = m.toId === me.value;
      const other = incoming ? from : to;
      const c = conversations.value.find((x) => x.with.id === other.id);
      const open = openWith.value === other.id;
      if (c) {
        c.last = m;
        if (incoming && !open) c.unread++;
        conversations.value = [c, ...conversations.value.filter((x) => x !== c)];
      } else conversations.value.unshift({ with: other, last: m, unread: incoming && !open ? 1 : 0 });
      if (open) {
        if (!thread.value.some((x) => x.id === m.id)) thread.value.push(m);
        if (incoming) void markRead(other.id);
      } else if (incoming) unread.value++;
    } else if (e.type === 'message:read') {
      const { with: other, unread: n } = e.data as { with: number; unread: number };
      unread.value = n;
      const c = conversations.value.find((x) => x.with.id === other);
      if (c) c.unread = 0;
    }
  }

  /** While someone is signed in (the shell): the count and the conversations stay live. */
  function start(): void {
    stop();
    const live = useLive();
    offs = [live.on(onEvent), live.onResync(() => void refresh())];
  }

  function stop(): void {
    offs.forEach((f) => f());
    offs = [];
    unread.value = 0;
    conversations.value = [];
    openWith.value = null;
    thread.value = [];
  }

  return { unread, conversations, openWith, thread, error, refresh, openConversation, send, start, stop };
});
