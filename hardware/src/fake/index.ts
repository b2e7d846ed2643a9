export { dleEotReply, PRINTER_READY, type FakePrinterStatus } from './dle-eot-status';
export {
  startFakeNetworkPrinter,
  type FakeNetworkPrinter,
  type FakeNetworkPrinterOptions,
  type FakePrinterMode,
} from './fake-network-printer';
export {
  behaviourForAmount,
  createSimulatedCardTerminal,
  MAGIC_CENTS,
  type SimulatedBehaviour,
  type SimulatedCardTerminal,
  type SimulatedCardTerminalOptions,
} from './simulated-card-terminal';
export { createFakeHidBus, FakeHidDevice, replayScan, type FakeHidBus } from './scanner/fake-hid-bus';
export {
  HONEYWELL_EAN13,
  HONEYWELL_GS1_DATAMATRIX,
  hexToBytes,
  RECORDED_SCANS,
  ZEBRA_GS1_128,
  type RecordedScan,
} from './scanner/recorded-reports';
export { startCd5220Emulator, type Cd5220Emulator, type Cd5220EmulatorOptions } from './pole-display/cd5220-emulator';
export { Cd5220Screen } from './pole-display/cd5220-screen';
export {
  startMettler8217Simulator,
  type Mettler8217Simulator,
  type Mettler8217SimulatorOptions,
  type SimulatedScaleMode,
} from './scale/mettler-8217-simulator';
export {
  CONCERT_MAGIC_CENTS,
  behaviourForConcertAmount,
  startConcertSimulator,
  type ConcertBehaviour,
  type ConcertSimulator,
  type ConcertSimulatorLog,
  type ConcertSimulatorOptions,
} from './terminal/concert/concert-simulator';
export { asbReply, canPrint } from './dle-eot-status';
export type { FakeDrawerKick } from './fake-network-printer';
export {
  startCaisseApSimulator,
  type CaisseApSimulator,
  type CaisseApSimulatorBehaviour,
  type CaisseApSimulatorOptions,
} from './terminal/caisse-ap/caisse-ap-simulator';
export { startZvtSimulator, type ZvtSimulator, type ZvtSimulatorBehaviour, type ZvtSimulatorOptions } from './terminal/zvt/zvt-simulator';
export { DEMO_TERMINAL_KINDS, startDemoTerminal, type DemoTerminal, type DemoTerminalKind } from './terminal/demo-terminal';
