/**
 * What the content script needs before it can mark anything: the settings and the matcher
 * tables, in one storage call. Each storage round trip costs a loading page 5–30 ms (the
 * settings alone took two, and the tables a third).
 */
import { storage } from '#imports';
import { TABLES_READ_KEYS, tablesFromRead } from '@/utils/matcher-cache';
import { SETTINGS_READ_KEYS, settingsFromRead, type Settings } from '@/utils/settings';

export interface StartRead {
  /** Null when the stored settings await a migration: read them with getSettings(). */
  settings: Settings | null;
  /** The background's stored tables if they fit the index in use, else null: ask the background. */
  tables: string | null;
}

export async function readStart(): Promise<StartRead> {
  const values = (await storage.getItems([...SETTINGS_READ_KEYS, ...TABLES_READ_KEYS])).map((item) => item.value as unknown);
  const [settings, settingsMeta, pointer, stamp, tables] = values;
  return { settings: settingsFromRead(settings, settingsMeta), tables: tablesFromRead(pointer, stamp, tables) };
}
