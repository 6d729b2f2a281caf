/**
 * Why the camera is off, in words an associate can act on. getUserMedia's DOMException
 * names map to a few cases; each message says what happened and what to do, and that typing
 * or a hardware scanner still works.
 */
import { msg } from '@lit/localize';

export const CameraProblems = {
  permissionDenied: 'permission-denied',
  noCamera: 'no-camera',
  cameraBusy: 'camera-busy',
  insecureContext: 'insecure-context',
  unsupported: 'unsupported',
  decoderUnavailable: 'decoder-unavailable',
  unknown: 'unknown',
} as const;
export type CameraProblem = (typeof CameraProblems)[keyof typeof CameraProblems];

function problemSentence(problem: CameraProblem): string {
  switch (problem) {
    case 'permission-denied':
      return msg(
        'Camera access is blocked for Aisle. Allow the camera in the browser’s site settings (the icon next to the address), then open the scanner again.',
      );
    case 'no-camera':
      return msg(
        'No camera was found on this device. Connect one, or check it is enabled in the system settings.',
      );
    case 'camera-busy':
      return msg(
        'The camera is in use by another app or tab. Close the other app (video call, camera app), then open the scanner again.',
      );
    case 'insecure-context':
      return msg(
        'The camera only works when Aisle is opened over HTTPS (or on this device at localhost). Ask your administrator for the secure address.',
      );
    case 'unsupported':
      return msg(
        'This browser cannot use the camera. Use a current Chrome, Edge, Safari or Firefox.',
      );
    case 'decoder-unavailable':
      return msg(
        'The barcode reader could not start on this device. Reload the page to try again.',
      );
    case 'unknown':
      return msg('The camera could not start. Close other apps that may use it and try again.');
  }
}

/** The full message shown to the associate for a problem, in the language shown. */
export const cameraProblemMessage = (problem: CameraProblem): string =>
  `${problemSentence(problem)} ${msg('You can still type the code or use a hardware scanner.')}`;

/** Classifies a getUserMedia rejection (a DOMException, or anything else). */
export function classifyCameraError(error: unknown): CameraProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return CameraProblems.permissionDenied;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return CameraProblems.noCamera;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return CameraProblems.cameraBusy;
    case 'DecoderUnavailableError':
      return CameraProblems.decoderUnavailable;
    default:
      return CameraProblems.unknown;
  }
}

export class CameraProblemError extends Error {
  override readonly name = 'CameraProblemError';
  constructor(readonly problem: CameraProblem) {
    super(problemSentence(problem));
  }
}
