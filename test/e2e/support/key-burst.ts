/**
 * A keyboard-wedge scanner's burst through the DevTools protocol: every key event of the code
 * and its Enter queued at once, a few milliseconds in all, the way a scanner sends them.
 * Playwright's keyboard.type awaits a round trip per key, which on a loaded machine spreads a
 * 13-digit code over 50–100 ms: a person's pace, not a scanner's. Used by specs that must tell
 * the two apart and by the benches that time a scan.
 */
import type { CDPSession } from '@playwright/test';

type KeyEvent = {
  type: 'keyDown' | 'keyUp';
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  text?: string;
};

function keyEvents(char: string): KeyEvent[] {
  const named = char === '-' ? { code: 'Minus', windowsVirtualKeyCode: 189 } : null;
  if (named === null && !/^[0-9A-Z]$/.test(char)) {
    throw new Error(`the burst sender types digits, A-Z and '-' only`);
  }
  const code = named?.code ?? (/\d/.test(char) ? `Digit${char}` : `Key${char}`);
  const windowsVirtualKeyCode = named?.windowsVirtualKeyCode ?? char.charCodeAt(0);
  return [
    { type: 'keyDown', key: char, code, windowsVirtualKeyCode, text: char },
    { type: 'keyUp', key: char, code, windowsVirtualKeyCode },
  ];
}

/** The code's characters then Enter, all queued before the first one is acknowledged. */
export async function sendBurst(cdp: CDPSession, code: string): Promise<void> {
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
  const events: KeyEvent[] = [
    ...[...code].flatMap(keyEvents),
    { type: 'keyDown', ...enter, text: '\r' },
    { type: 'keyUp', ...enter },
  ];
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)));
}
