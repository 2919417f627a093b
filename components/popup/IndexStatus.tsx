/** Which index is in use, how the last check went, and "Refresh now". */
import { useState } from 'preact/hooks';
import type { Locale } from '@/lib/i18n-strings';
import { formatIsoDate } from '@/lib/format';
import type { ActiveIndex } from '@/utils/index-store';
import type { RefreshOutcome, RefreshStatus } from '@/utils/refresh';
import { formatDateTime, UI_STRINGS, type UiStrings } from './strings';

export interface IndexStatusProps {
  locale: Locale;
  active: ActiveIndex;
  status: RefreshStatus;
  /** False in a build that trusts no signing key: it never downloads, so there is nothing to check. */
  updatesConfigured: boolean;
  onRefresh: () => Promise<RefreshOutcome>;
}

/** The sentence for an outcome, localised; `detail` (English, technical) goes beside it. */
export function describeOutcome(outcome: RefreshOutcome, s: UiStrings): string {
  switch (outcome.result) {
    case 'accepted':
      return s.outcome.accepted(outcome.version);
    case 'up-to-date':
      return s.outcome.upToDate;
    case 'rejected':
      return s.outcome.rejected[outcome.code];
    case 'failed':
      return s.outcome.failed[outcome.code];
  }
}

export function IndexStatus({ locale, active, status, updatesConfigured, onRefresh }: IndexStatusProps) {
  const s = UI_STRINGS[locale];
  const [busy, setBusy] = useState(false);
  const index = active.index;
  const running = busy || status.runningSince !== null;

  const refresh = async () => {
    setBusy(true);
    try {
      await onRefresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="popup-status" aria-labelledby="popup-status-title" data-testid="index-status">
      <h2 id="popup-status-title">{s.indexStatus}</h2>
      <p data-testid="index-version">
        {s.indexVersion(index.version, formatIsoDate(index.generatedAt.slice(0, 10), locale))} ·{' '}
        {active.source === 'bundled' ? s.indexBundled : s.indexDownloaded}
      </p>
      {updatesConfigured ? <RefreshControls s={s} locale={locale} status={status} running={running} onRefresh={refresh} /> : <p data-testid="updates-off">{s.updatesOff}</p>}
    </section>
  );
}

interface RefreshControlsProps {
  s: UiStrings;
  locale: Locale;
  status: RefreshStatus;
  running: boolean;
  onRefresh: () => Promise<void>;
}

/** Last check, its outcome or problem, and "Refresh now". */
function RefreshControls({ s, locale, status, running, onRefresh }: RefreshControlsProps) {
  const last = status.lastOutcome;
  const problem = last && (last.result === 'rejected' || last.result === 'failed') ? last : null;
  return (
    <>
      <p>
        {s.lastCheck}:{' '}
        <span data-testid="last-check">
          {status.lastCheckAt ? `${formatDateTime(status.lastCheckAt, locale)} (${s.trigger[last?.trigger ?? 'alarm']})` : s.never}
        </span>
      </p>
      <p class="popup-outcome" role="status" data-testid="last-outcome" data-result={last?.result ?? ''} data-code={last && 'code' in last ? last.code : ''}>
        {running ? s.checking : last && !problem ? describeOutcome(last, s) : ''}
      </p>
      {problem && (
        <p class="popup-problem" data-testid="last-error">
          <strong>{s.lastError}:</strong> {describeOutcome(problem, s)} <span class="popup-detail">({problem.detail})</span>
        </p>
      )}
      <button type="button" class="popup-refresh" onClick={() => void onRefresh()} disabled={running}>
        {s.refreshNow}
      </button>
    </>
  );
}
