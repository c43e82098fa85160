// One do-not-disturb. The extension's DND (call operations: *78 / *79, the
// extension settings API; saved with the extension's settings) and the agent
// state 'dnd' (the agents API) are kept the same for the agent whose
// extension it is:
//   - the extension goes DND: its logged-in agent goes 'dnd' (at the end of
//     the call they are on), so the ACD offers them no queue calls; DND off:
//     the agent is ready again;
//   - the agent goes 'dnd' (API): the extension goes DND, so direct calls are
//     refused (or forwarded on busy) too; the agent leaves 'dnd' for ready or
//     not-ready: the extension's DND is off;
//   - an agent logging in at an extension in DND starts in 'dnd';
//   - logging out leaves the extension's DND as it is (the phone's setting).
import type { AgentService, AgentStateChange } from '../agents/agent-service.ts';
import type { ExtensionSettings } from '../callops/settings.ts';
import type { Log } from '../telephony/log.ts';

export function linkDnd(agents: AgentService, settings: ExtensionSettings, log: Log): () => void {
  const offSettings = settings.onChange((ext) => {
    const a = agents.byExtension(ext);
    if (!a || a.state === 'logged-out') return;
    const on = settings.dnd(ext);
    if (on && a.state !== 'dnd' && a.pending?.state !== 'dnd') agents.dnd(a.id, true);
    else if (!on && a.state === 'dnd') agents.dnd(a.id, false);
    else if (!on && a.pending?.state === 'dnd') a.pending = undefined;
  });
  const onState = ({ agent, from, to }: AgentStateChange) => {
    const ext = agent.extension;
    if (!ext) return;
    try {
      if (to === 'dnd' && !settings.dnd(ext)) settings.setDnd(ext, true);
      // A call of the phone's own takes the agent out of dnd for its length only (they return to it).
      else if (from === 'dnd' && to !== 'logged-out' && agent.pending?.state !== 'dnd' && settings.dnd(ext)) settings.setDnd(ext, false);
    } catch (e) {
      log.warn({ agent: agent.id, ext, err: (e as Error).message }, 'agent DND not mirrored to the extension');
    }
  };
  agents.on('agent:state', onState);
  agents.dndAtLogin = (a) => !!a.extension && settings.dnd(a.extension);
  return () => {
    offSettings();
    agents.off('agent:state', onState);
    agents.dndAtLogin = undefined;
  };
}
