import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { useDeviceStore } from '../../state/device-store';
import { setServices } from '../../state/services';
import { DevicesPanel } from './DevicesPanel';

describe('the Devices panel’s frame', () => {
  it('draws nothing and reads no service while closed, as before the till has started', () => {
    setServices(null);
    useDeviceStore.setState({ panelOpen: false });
    const { container } = render(
      <I18nextProvider i18n={createI18n('fr')}>
        <DevicesPanel />
      </I18nextProvider>,
    );
    expect(container.innerHTML).toBe('');
  });
});
