import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { boot } from './app/boot';
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
