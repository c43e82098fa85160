// The board and agents the ACD scenarios share: 4 desk phones (101-104), 4 PSTN lines, three agents.
export const ACD_BOARD = `
engine: { mode: stepped }
boards: [ { driver: sim, fxs: 4, fxo: 4, e1: 0 } ]
extensions:
  - { number: "101", port: "fxs:1" }
  - { number: "102", port: "fxs:2" }
  - { number: "103", port: "fxs:3" }
  - { number: "104", port: "fxs:4" }
agents:
  - { id: "a1", extension: "101", pin: "1111", skills: { sales: 3 } }
  - { id: "a2", extension: "102", pin: "2222", skills: { sales: 5 } }
  - { id: "a3", extension: "103", pin: "3333", skills: { billing: 4 } }
`;
