import { MAX_QUANTITY, returnableLines, type ReturnableLine, type ReturnChoiceError, type SaleLookup } from '@pos/core';
import { ask } from '../../state/dialog-store';
import { useReturnStore, type ReturnSay } from './return-store';

/** The original's lines with what may still come back (core's rule, the host's journal's figures). */
export function linesOf(found: SaleLookup): ReturnableLine[] {
  return returnableLines(found.record.payload, found.returned);
}

function figures(line: ReturnableLine) {
  return { name: line.line.name, sold: line.sold, returned: line.returned, left: line.left };
}

/** Why `quantity` of this line cannot come back, in the cashier's words; null when it can. */
function refusalOf(line: ReturnableLine, quantity: number): ReturnSay | null {
  if (quantity === 0) return null;
  if (line.left === 0) return { key: 'returns.nothingLeft', values: figures(line) };
  if (quantity > line.left) return { key: 'returns.tooMany', values: figures(line) };
  if (line.whole && quantity !== line.left) return { key: 'returns.notWhole', values: figures(line) };
  return null;
}

/** Core refused the choice as a whole (a line changed meanwhile, nothing chosen): said like a line's refusal. */
export function choiceRefusal(found: SaleLookup, error: ReturnChoiceError): ReturnSay {
  const line = linesOf(found).find((l) => l.line.lineId === error.lineId);
  if (error.reason === 'nothing' || !line) return { key: 'returns.nothingChosen' };
  return refusalOf(line, Number.MAX_SAFE_INTEGER) ?? { key: 'returns.tooMany', values: figures(line) };
}

/** Sets the quantity of a line coming back; more than is left is refused with the figures that say why. */
export function chooseQuantity(lineId: string, quantity: number): void {
  const { found, chosen } = useReturnStore.getState();
  const line = found && linesOf(found).find((l) => l.line.lineId === lineId);
  if (!line) return;
  const refused = refusalOf(line, quantity);
  if (refused) return useReturnStore.setState({ say: refused });
  useReturnStore.setState({ chosen: { ...chosen, [lineId]: quantity }, say: null });
}

/** One more or one less; a line that comes back whole goes from nothing to all of it. */
export function stepQuantity(lineId: string, delta: 1 | -1): void {
  const { found, chosen } = useReturnStore.getState();
  const line = found && linesOf(found).find((l) => l.line.lineId === lineId);
  if (!line) return;
  const now = chosen[lineId] ?? 0;
  if (line.whole) return chooseQuantity(lineId, delta > 0 ? line.sold : 0);
  chooseQuantity(lineId, Math.max(0, now + delta));
}

/** The quantity typed on the keypad dialog. */
export async function typeQuantity(lineId: string): Promise<void> {
  const { found, chosen } = useReturnStore.getState();
  const line = found && linesOf(found).find((l) => l.line.lineId === lineId);
  if (!line) return;
  const result = await ask({ kind: 'quantity', name: line.line.name, initial: chosen[lineId] ?? line.left, max: MAX_QUANTITY });
  if (result?.kind === 'quantity') chooseQuantity(lineId, result.quantity);
}
