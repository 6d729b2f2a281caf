/**
 * The good-read signal: a short beep made with Web Audio (no audio file to download or
 * precache) and a short vibration. Both are best effort: a browser that blocks audio until
 * a user gesture, or has no vibration motor, just stays silent.
 */

let context: AudioContext | null = null;

/** A 60 ms, 1.8 kHz tone: short and high like a retail scanner's. */
export function beep(): void {
  try {
    context ??= new AudioContext();
    // Resuming needs a user gesture on some browsers; the scan button press was one.
    void context.resume().catch(() => undefined);
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 1800;
    const start = context.currentTime;
    gain.gain.setValueAtTime(0.08, start);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.06);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.07);
  } catch {
    // No Web Audio: the cart line appearing is feedback enough.
  }
}

export function vibrate(): void {
  if (typeof navigator.vibrate === 'function') navigator.vibrate(40);
}

export function signalGoodRead(options: {
  readonly sound: boolean;
  readonly vibrate: boolean;
}): void {
  if (options.sound) beep();
  if (options.vibrate) vibrate();
}
