import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import privacyText from '@/PRIVACY.md?raw';
import { Options } from '@/components/Options';
import { getSettings, resolveLanguage, updateSettings, watchSettings, type Settings } from '@/utils/settings';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (settings && location.hash === '#privacy') document.getElementById('privacy')?.scrollIntoView();
  }, [settings !== null]);
  if (!settings) return null;
  const locale = resolveLanguage(settings, navigator.language);
  document.documentElement.lang = locale;
  return <Options locale={locale} settings={settings} privacyText={privacyText} onChange={(change) => void updateSettings(change).then(setSettings)} />;
}

render(<App />, document.getElementById('app')!);
