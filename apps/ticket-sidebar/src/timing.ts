/**
 * A User Timing mark, `vitrine:<name>` (devtools' Performance panel; bench:sidebar reads them).
 * Never fails the app where the API is missing or refuses.
 */
export function markTiming(name: 'context-requested' | 'context-received' | 'panel-loaded'): void {
  try {
    performance.mark(`vitrine:${name}`);
  } catch {
    // no User Timing in this environment
  }
}
