/**
 * 长辈模式 (large type), remembered per browser. The script is inline in <head>
 * so the chosen size applies before first paint (no jump on every page load);
 * the CSP allows it by hash. It also marks <html data-js> so the toggle button,
 * useless without script, only shows when it works.
 */
import { cspHash } from '#/lib/core/csp.ts';

export const ELDER_MODE_STORAGE_KEY = 'jindu-elder';

export const ELDER_MODE_SCRIPT = `(function(){var d=document.documentElement,k='${ELDER_MODE_STORAGE_KEY}';d.setAttribute('data-js','');try{if(localStorage.getItem(k)==='1')d.setAttribute('data-elder','')}catch(e){}function sync(){var on=d.hasAttribute('data-elder');document.querySelectorAll('[data-elder-toggle]').forEach(function(b){b.setAttribute('aria-pressed',String(on))})}document.addEventListener('DOMContentLoaded',sync);document.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('[data-elder-toggle]');if(!b)return;d.toggleAttribute('data-elder');try{localStorage.setItem(k,d.hasAttribute('data-elder')?'1':'0')}catch(e){}sync()})})();`;

export const ELDER_MODE_SCRIPT_HASH = cspHash(ELDER_MODE_SCRIPT);
