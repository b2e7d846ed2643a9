/**
 * A card terminal simulator speaking its protocol's real bytes, for a till under test or a demo:
 *   npx tsx tests/rigs/terminal-simulator.ts caisse-ap|zvt|concert [--port N]
 * prints the address to set on the Devices screen (or POS_TERMINAL_KIND / POS_TERMINAL_ADDRESS),
 * and runs until Ctrl+C. Amounts ending in ,51 are refused, ,52 get no answer.
 */
import { DEMO_TERMINAL_KINDS, startDemoTerminal, type DemoTerminalKind } from '@pos/hardware/fake';

const [kind, flag, portText] = process.argv.slice(2);
if (!kind || !(DEMO_TERMINAL_KINDS as readonly string[]).includes(kind) || (flag !== undefined && flag !== '--port')) {
  console.error(`Usage: npx tsx tests/rigs/terminal-simulator.ts ${DEMO_TERMINAL_KINDS.join('|')} [--port N]`);
  process.exit(2);
}
const terminal = await startDemoTerminal(kind as DemoTerminalKind, portText ? { port: Number(portText) } : {});
console.log(`${terminal.kind} terminal simulator at ${terminal.address}`);
console.log(`Set it on the till: POS_TERMINAL_KIND=${terminal.kind} POS_TERMINAL_ADDRESS=${terminal.address}`);
const stop = () => void terminal.close().finally(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
