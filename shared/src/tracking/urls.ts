import type { Carrier } from '../schemas/shipment';

/**
 * Public tracking pages, one per carrier. Correios and Jadlog pages take the code in the query string;
 * Azul Cargo has no documented deep link, so its URL is the form page most public clients use
 * (`?awb=`), which opens the tracking form even when the parameter is ignored.
 */
const TRACKING_PAGE: Record<Carrier, (code: string) => string> = {
  correios: (code) => `https://rastreamento.correios.com.br/app/index.php?objetos=${code}`,
  jadlog: (code) => `https://www.jadlog.com.br/jadlog/tracking?cte=${code}`,
  azul: (code) => `https://www.azulcargoexpress.com.br/Rastreio/Rastreio?awb=${code}`,
};

export function trackingUrl(carrier: Carrier, normalizedCode: string): string {
  return TRACKING_PAGE[carrier](encodeURIComponent(normalizedCode));
}

/**
 * Carrier tracking pages an agent may send on any channel. The host must end right there (no
 * `rastreamento.correios.com.br.example.com`), and on the carriers' main sites only the tracking paths count.
 */
const TRACKING_URL =
  /^(?:https?:\/\/)?(?:(?:rastreamento\.correios\.com\.br|rastreio\.correios\.com\.br)(?:[/?#:]|$)|(?:www2?\.)?correios\.com\.br\/(?:app\/|sistemas\/)?rastrea|(?:www\.)?jadlog\.com\.br\/(?:jadlog\/tracking|siteinstitucional\/tracking|tracking)|(?:www\.)?azulcargoexpress\.com\.br\/rastreio)/i;

export function isTrackingUrl(url: string): boolean {
  return TRACKING_URL.test(url.trim());
}
