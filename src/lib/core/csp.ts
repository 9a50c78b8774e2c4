import { createHash } from 'node:crypto';

/** The CSP source expression that allows exactly this inline script or style. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}
