/**
 * 长辈模式 (large type), remembered per browser. The script is inline in <head>
 * so the chosen size applies before first paint (no jump on every page load);
 * the CSP allows it by hash. It also marks <html data-js> so the toggle button,
 * useless without script, only shows when it works. The button's label comes
 * from <html data-elder> through CSS (长辈模式 / 退出长辈模式), so it says how to
 * leave the mode from the first paint and the script never touches the page.
 */
import { cspHash } from '#/lib/core/csp.ts';

export const ELDER_MODE_STORAGE_KEY = 'jindu-elder';

export const ELDER_MODE_SCRIPT = `(function(){var d=document.documentElement,k='${ELDER_MODE_STORAGE_KEY}';d.setAttribute('data-js','');try{if(localStorage.getItem(k)==='1')d.setAttribute('data-elder','')}catch(e){}document.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('[data-elder-toggle]');if(!b)return;d.toggleAttribute('data-elder');try{localStorage.setItem(k,d.hasAttribute('data-elder')?'1':'0')}catch(e){}})})();`;

export const ELDER_MODE_SCRIPT_HASH = cspHash(ELDER_MODE_SCRIPT);
