import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { boot } from './app/boot';
import { connectToHost } from './bridge';
import { CustomerDisplayApp } from './features/customer-display/CustomerDisplayApp';
import { createI18n } from './i18n/i18n';
import { useAppStore } from './state/app-store';
import './styles.css';

const i18n = createI18n(useAppStore.getState().locale);
useAppStore.subscribe((state, previous) => {
  if (state.locale !== previous.locale) {
    void i18n.changeLanguage(state.locale);
    document.documentElement.lang = state.locale;
  }
});

const root = document.getElementById('root');
// The customer's window shows the sale from the host's events; it never boots a till.
const customerView = new URLSearchParams(window.location.search).get('view') === 'customer';

if (root && customerView) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <CustomerDisplayApp bridge={connectToHost()} />
      </I18nextProvider>
    </StrictMode>,
  );
} else {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </StrictMode>,
    );
  }
  boot().catch((error: unknown) => {
    console.error(error);
    useAppStore.setState({ phase: 'fatal', fatalMessage: error instanceof Error ? error.message : String(error) });
  });
}
