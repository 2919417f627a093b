import '@/components/page-colours.css';
import './style.css';
import { render } from 'preact';
import privacyText from '@/PRIVACY.md?raw';
import { OptionsPage } from '@/components/Options';
import { updatesConfigured } from '@/utils/refresh';

render(
  <OptionsPage privacyText={privacyText} browserLanguage={navigator.language} updatesConfigured={updatesConfigured()} />,
  document.getElementById('app')!,
);
