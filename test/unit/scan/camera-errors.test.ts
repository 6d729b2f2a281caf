import { describe, expect, it } from 'vitest';
import { cameraProblemMessage, classifyCameraError } from '../../../src/scan/camera-errors.ts';

const domError = (name: string): Error => Object.assign(new Error(name), { name });

describe('camera problems', () => {
  it.each([
    ['NotAllowedError', 'permission-denied', 'site settings'],
    ['SecurityError', 'permission-denied', 'site settings'],
    ['NotFoundError', 'no-camera', 'No camera was found'],
    ['OverconstrainedError', 'no-camera', 'No camera was found'],
    ['NotReadableError', 'camera-busy', 'in use by another app'],
    ['DecoderUnavailableError', 'decoder-unavailable', 'Reload the page'],
    ['TypeError', 'unknown', 'could not start'],
  ])('%s is %s and the message says what to do', (name, problem, advice) => {
    const classified = classifyCameraError(domError(name));
    expect(classified).toBe(problem);
    const message = cameraProblemMessage(classified);
    expect(message).toContain(advice);
    // Whatever went wrong, the associate learns that typing still works.
    expect(message).toContain('You can still type the code');
  });

  it('anything that is not an error object is an unknown problem', () => {
    expect(classifyCameraError('boom')).toBe('unknown');
    expect(classifyCameraError(undefined)).toBe('unknown');
  });
});
