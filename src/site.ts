/** The site settings for this build, read once from the content folder. */
import { loadSettings } from './lib/settings.ts';

export const site = loadSettings();
