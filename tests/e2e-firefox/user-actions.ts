// What a user does in Firefox's own UI that WebDriver BiDi cannot do: a click in the sidebar that
// counts as user input, and an answer to an add-on's permission prompt (the doorhanger).
//
// BiDi sends input only to web content (input.performActions refuses the chrome scope, where the
// sidebar lives), and an element.click() run by script is not user input, so Firefox refuses
// permissions.request() after it ("may only be called from a user input handler"). The click
// here is the real button's click handler run while the page's windowUtils says it is handling
// user input (setHandlingUserInput, what Firefox's own extension tests use): that flag is the one
// stand-in. Everything after it is Firefox's: the real permissions.request, the real doorhanger,
// its real "Allow"/"Deny" button, the permission then granted or not by the add-on manager.
import type { Firefox } from './firefox';

/** Clicks `selector` in the sidebar page as user input (see above). */
export async function clickInSidebarAsUser(ff: Firefox, selector: string): Promise<void> {
  const raw = await ff.chrome<string>(`new Promise((resolve) => {
    const mm = window.__e2ePanel().messageManager;
    const key = 'e2e-user-click-' + Math.random().toString(36).slice(2);
    mm.addMessageListener(key, function l(m) { mm.removeMessageListener(key, l); resolve(JSON.stringify(m.data)); });
    const fs = 'let r = "clicked"; try { const el = content.document.querySelector(' + ${JSON.stringify(JSON.stringify(selector))} + ');' +
      ' if (!el) r = "no element"; else { const h = content.windowUtils.setHandlingUserInput(true);' +
      ' try { el.click(); } finally { h.destruct(); } } } catch (e) { r = String(e); } sendAsyncMessage(' + JSON.stringify(key) + ', r);';
    mm.loadFrameScript('data:application/javascript;charset=utf-8,' + encodeURIComponent(fs), false);
  })`);
  const result = JSON.parse(raw) as string;
  if (result !== 'clicked') throw new Error(`user click on ${selector} in the sidebar: ${result}`);
}

export interface PermissionPrompt {
  /** The doorhanger's whole text (it names the host asked for). */
  text: string;
  allow: string;
  deny: string;
}

const NOTIFICATION = `document.getElementById('addon-webext-permissions-notification')`;

/** The add-on permission doorhanger while it is open, else null. */
export async function permissionPrompt(ff: Firefox): Promise<PermissionPrompt | null> {
  const raw = await ff.chrome<string>(`(() => {
    const n = ${NOTIFICATION};
    if (!n || n.hidden || PopupNotifications.panel.state !== 'open') return '';
    return JSON.stringify({ text: n.textContent.replace(/\\s+/g, ' ').trim(),
      allow: n.getAttribute('buttonlabel'), deny: n.getAttribute('secondarybuttonlabel') });
  })()`);
  return raw ? (JSON.parse(raw) as PermissionPrompt) : null;
}

/** Presses the doorhanger's main ("Allow") or secondary ("Deny") button. Firefox ignores a press in
 *  the first half second a prompt is shown (security.notification_enable_delay): the caller
 *  repeats until the prompt is gone. */
export async function pressPermissionButton(ff: Firefox, which: 'allow' | 'deny'): Promise<void> {
  const button = which === 'allow' ? 'button' : 'secondaryButton';
  await ff.chrome(`(() => { const n = ${NOTIFICATION}; if (n && !n.hidden) n.${button}.click(); return 'ok'; })()`);
}

export async function promptClosed(ff: Firefox): Promise<boolean> {
  return ff.chrome<boolean>(`PopupNotifications.panel.state === 'closed' && (${NOTIFICATION}?.hidden ?? true)`);
}
