// The ACD's agents from the accounts: every enabled account with an agent
// number is an agent whose id is that number (what is keyed on the desk phone:
// *11 number # PIN #), with the account's extension, skills and groups. The
// PIN is checked against its scrypt hash.
import type { AgentAccount } from '../agents/agent.ts';
import type { AgentDirectory } from '../agents/directory.ts';
import type { Account, AccountStore } from './accounts.ts';

export function agentOf(a: Account): AgentAccount {
  return {
    id: a.agentNumber!,
    name: a.name,
    accountId: a.id,
    skills: a.skills,
    groups: a.groups,
    ...(a.extension ? { extension: a.extension } : {}),
  };
}

export function accountDirectory(accounts: AccountStore): AgentDirectory {
  return {
    list: async () => (await accounts.agents()).map(agentOf),
    verifyPin: async (id, pin) => (await accounts.verifyPin(id, pin)) !== undefined,
    onChange(fn) {
      accounts.on('account:changed', fn);
      return () => accounts.off('account:changed', fn);
    },
  };
}
