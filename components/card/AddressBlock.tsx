import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';

interface Props {
  /** The address in Russian postal format: what goes on the envelope. */
  ru: string | null;
  en: string | null;
  locale: Locale;
  copyText?: (text: string) => Promise<void>;
}

/** Clipboard writes fail without focus or permission; a hidden textarea is the old fallback. */
async function defaultCopy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}

export function AddressBlock({ ru, en, locale, copyText = defaultCopy }: Props) {
  const s = STRINGS[locale];
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const main = ru ?? en;
  if (!main) return null;
  const onCopy = async () => {
    clearTimeout(timer.current);
    try {
      await copyText(main);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    timer.current = setTimeout(() => setCopyState('idle'), 2500);
  };
  return (
    <div class="na-address">
      <h3 class="na-label">{s.address}</h3>
      <p class="na-address-text" lang={ru ? 'ru' : 'en'}>
        {main}
      </p>
      {ru && en && locale === 'en' && (
        <p class="na-address-alt" lang="en">
          {en}
        </p>
      )}
      <div class="na-copy-row">
        <button type="button" class="na-button" onClick={onCopy}>
          {s.copy}
        </button>
        <span class="na-copy-status" role="status" aria-live="polite">
          {copyState === 'copied' ? s.copied : copyState === 'failed' ? s.copyFailed : ''}
        </span>
      </div>
    </div>
  );
}
