import { ZVT_GOLDEN } from './golden';

/**
 * ZVT frames captured from real terminals and published as test data by other implementations,
 * one APDU per file in common/terminal/zvt/golden/real: '#' lines name the message, the project,
 * the file, the commit and the licence it comes from; the rest is the bytes in hex.
 */
export const REAL_ZVT_FRAMES = {
  statusTrack2Pan: 'ecrterm-status-track2-pan.hex',
  statusVisaTlv: 'ecrterm-status-visa-tlv.hex',
  completionSoftwareVersion: 'ecrterm-completion-software-version.hex',
  completionSoftwareVersionTlv: 'ecrterm-completion-software-version-tlv.hex',
  completionRegistration: 'ecrterm-completion-registration.hex',
  intermediateStatusTlv: 'ecrterm-intermediate-status-tlv.hex',
  abortTlv: 'ecrterm-abort-tlv.hex',
  statusDebitMastercard: 'portalum-status-debit-mastercard.hex',
  statusReversalTlv: 'portalum-status-reversal-tlv.hex',
  statusTlvNoAmount: 'portalum-status-tlv-no-amount.hex',
  statusAbortByKey: 'portalum-status-abort-by-key.hex',
  statusCardRejected: 'portalum-status-card-rejected.hex',
} as const;

export type RealZvtFrame = keyof typeof REAL_ZVT_FRAMES;

/** The bytes of a real frame, the whole APDU. */
export function realZvtFrame(name: RealZvtFrame): Uint8Array {
  const hexText = ZVT_GOLDEN.read(`real/${REAL_ZVT_FRAMES[name]}`)
    .toString('ascii')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .trim();
  return Uint8Array.from(hexText.split(/\s+/), (pair) => parseInt(pair, 16));
}
