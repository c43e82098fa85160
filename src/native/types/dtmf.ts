// Filled in by the dtmf area.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DtmfAddon {}
