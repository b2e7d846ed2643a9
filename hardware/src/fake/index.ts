export { dleEotReply, PRINTER_READY, type FakePrinterStatus } from './dle-eot-status';
export { startFakeNetworkPrinter, type FakeNetworkPrinter, type FakeNetworkPrinterOptions, type FakePrinterMode } from './fake-network-printer';
export {
  behaviourForAmount,
  createSimulatedCardTerminal,
  MAGIC_CENTS,
  type SimulatedBehaviour,
  type SimulatedCardTerminalOptions,
} from './simulated-card-terminal';
