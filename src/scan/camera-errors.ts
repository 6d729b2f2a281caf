/**
 * Why the camera is off, in words an associate can act on. getUserMedia's DOMException
 * names map to a few cases; each message says what happened and what to do, and that typing
 * or a hardware scanner still works.
 */

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

const TYPING_STILL_WORKS = 'You can still type the code or use a hardware scanner.';

export const CAMERA_PROBLEM_MESSAGES: Record<CameraProblem, string> = {
  'permission-denied':
    'Camera access is blocked for Aisle. Allow the camera in the browser’s site settings (the icon next to the address), then open the scanner again.',
  'no-camera':
    'No camera was found on this device. Connect one, or check it is enabled in the system settings.',
  'camera-busy':
    'The camera is in use by another app or tab. Close the other app (video call, camera app), then open the scanner again.',
  'insecure-context':
    'The camera only works when Aisle is opened over HTTPS (or on this device at localhost). Ask your administrator for the secure address.',
  unsupported: 'This browser cannot use the camera. Use a current Chrome, Edge, Safari or Firefox.',
  'decoder-unavailable':
    'The barcode reader could not start on this device. Reload the page to try again.',
  unknown: 'The camera could not start. Close other apps that may use it and try again.',
};

/** The full message shown to the associate for a problem. */
export const cameraProblemMessage = (problem: CameraProblem): string =>
  `${CAMERA_PROBLEM_MESSAGES[problem]} ${TYPING_STILL_WORKS}`;

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
    super(CAMERA_PROBLEM_MESSAGES[problem]);
  }
}
