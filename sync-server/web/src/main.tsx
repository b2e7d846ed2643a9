import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createOfficeClient } from './api/office-client';
import { App } from './app/App';
import { createI18n } from './i18n/i18n';
import './styles.css';

const i18n = createI18n();
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App client={createOfficeClient()} />
      </I18nextProvider>
    </StrictMode>,
  );
