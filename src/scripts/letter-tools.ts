/**
 * The letter page's 打印 and 复制链接 controls (LetterTools.astro). Without this
 * script they are links to the page's own help, which says how to print and
 * shows the address; with it they print and copy. Browsers inside chat apps
 * (WeChat, QQ, DingTalk) have no printing: `window.print()` does nothing there,
 * so 打印 keeps its link to the help, which says how to open the page in a
 * browser, and says so where the reader is.
 */

const tools = document.querySelector<HTMLElement>('[data-letter-tools]');
const statusLine = tools?.querySelector<HTMLElement>('[data-letter-status]');

/** In-app browsers that ignore window.print(). */
const IN_APP_BROWSER = /MicroMessenger|wxwork|\bQQ\/|DingTalk/i;

function say(message: string) {
  if (statusLine) statusLine.textContent = message;
}

/** The address people share: the canonical one, not whatever query the page was opened with. */
function pageAddress(): string {
  return document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href;
}

/** The Clipboard API (WeChat's browsers have it over HTTPS); false where it is missing or refused. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

tools?.querySelector<HTMLAnchorElement>('[data-letter-print]')?.addEventListener('click', (event) => {
  if (IN_APP_BROWSER.test(navigator.userAgent)) {
    say('微信等应用里不能直接打印：请点右上角“…”，选“在浏览器打开”后再打印。');
    return;
  }
  event.preventDefault();
  window.print();
});

tools?.querySelector<HTMLAnchorElement>('[data-letter-copy]')?.addEventListener('click', (event) => {
  event.preventDefault();
  const address = pageAddress();
  void copy(address).then((copied) => {
    if (copied) {
      say(`链接已复制：${address}`);
      return;
    }
    // Nothing could copy: go to the address and select it, so a long press or Ctrl+C finishes the job.
    const link = document.querySelector<HTMLElement>('#letter-address a');
    link?.scrollIntoView({ block: 'center' });
    if (link) window.getSelection()?.selectAllChildren(link);
    say('无法自动复制：网址已选中，请长按或按 Ctrl+C 复制。');
  });
});
