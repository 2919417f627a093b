import { defineConfig } from 'wxt';

// The news sites Not Alone reads. Content-script matches and host access come from this one list.
export const NEWS_SITES = [
  'freedomnews.org.uk',
  'www.freedomnews.org.uk',
  'ovd.info',
  'www.ovd.info',
  'en.ovdinfo.org',
  'ovdinfo.org',
  'zona.media',
  'en.zona.media',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    host_permissions: NEWS_SITES.map((h) => `https://${h}/*`),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'not-alone@not-alone.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
