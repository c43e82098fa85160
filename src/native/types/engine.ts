// Filled in by the engine area.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EngineAddon {}
