/** The site settings for this build, read once from the content folder, and the logo drawn from them. */
import { contentDir, loadGovMark, loadLogo, loadSettings } from './lib/site/settings.ts';

export const site = loadSettings();

/** The logo drawn as a PNG (never the file itself), or undefined when site.yaml names none. */
export const logo = await loadLogo(contentDir(), site);

/** The 党政机关网站标识 drawn as a PNG for the footer, or undefined when site.yaml names none. */
export const govMark = await loadGovMark(contentDir(), site);
