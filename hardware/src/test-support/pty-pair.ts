// The null-modem cable of the serial tests is the demo terminal's too (fake/pty-pair.ts).
export { socat, startPtyPair, type PtyPair } from '../fake/pty-pair';
