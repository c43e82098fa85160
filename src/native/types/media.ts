// Filled in by the media area.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MediaAddon {}
