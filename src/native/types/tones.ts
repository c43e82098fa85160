// Filled in by the tones area.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TonesAddon {}
