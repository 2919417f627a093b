// Code passed to serviceWorker.evaluate() / page.evaluate() on extension pages runs where
// Chromium's `chrome` global exists; this lets e2e tests type it (same API as WXT's `browser`).
declare const chrome: typeof import('wxt/browser').browser;
