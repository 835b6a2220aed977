import type { ZafClient } from './types';

/**
 * Keeps the app frame as tall as the panel. An app frame does not grow with its content (it keeps
 * the height of the last `resize`); Zendesk's sidebar scrolls the apps instead, so a fitted frame
 * shows the whole panel with no scroll bar of its own. One `resize` per animation frame at most.
 */
export function fitFrameToContent(client: ZafClient, content: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  let shown = 0;
  let pending = 0;
  const measure = () => {
    pending = 0;
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height <= 0 || height === shown) return;
    shown = height;
    void client.invoke('resize', { width: '100%', height: `${height}px` });
  };
  const observer = new ResizeObserver(() => {
    pending ||= requestAnimationFrame(measure);
  });
  observer.observe(content);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(pending);
  };
}
