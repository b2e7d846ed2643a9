import { useCashStore } from './cash-store';
import { CashHome } from './CashHome';
import { CashMoveDialog } from './CashMoveDialog';
import { CloseSessionDialog } from './CloseSessionDialog';
import { ClosingsPanel } from './ClosingsPanel';
import { OpenSessionDialog } from './OpenSessionDialog';
import { XReportView } from './XReportView';

/**
 * The cash screen asked for, one at a time: each replaces the one before, so nothing of one (the
 * float on the menu) stays in the page under another (the blind count).
 */
export function CashScreens() {
  const screen = useCashStore((s) => s.screen);
  switch (screen) {
    case null:
      return null;
    case 'home':
      return <CashHome />;
    case 'open':
      return <OpenSessionDialog />;
    case 'move':
      return <CashMoveDialog />;
    case 'x':
      return <XReportView />;
    case 'close':
      return <CloseSessionDialog />;
    case 'closings':
      return <ClosingsPanel />;
  }
}
