export { Agent, type AgentAccount } from './agent.ts';
export { AgentService, type AgentServiceOptions, type AgentStateChange, type CallProbe } from './agent-service.ts';
export { AgentFeatureCodes, FEATURE_CODES } from './feature-codes.ts';
export { AGENT_STATES, AGENT_TRANSITIONS, type AgentState } from './states.ts';
export { MemoryAgentStore, type AgentStateEvent, type AgentStatus, type AgentStore } from './store.ts';
