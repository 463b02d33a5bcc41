import { renderSVG } from 'uqr';
import type { Venue } from '../../../../shared/venues/schema.ts';
import { fullAddress } from './format.ts';

export type QrTarget = { kind: 'booking' | 'website' | 'map'; url: string };

/** What the slip's QR code opens: the appointment link, else the website, else the place on a map. */
export function qrTarget(v: Venue): QrTarget {
  if (v.prise_rdv) return { kind: 'booking', url: v.prise_rdv };
  if (v.site_web[0]) return { kind: 'website', url: v.site_web[0] };
  if (v.latitude !== undefined && v.longitude !== undefined) {
    return { kind: 'map', url: `https://www.openstreetmap.org/?mlat=${v.latitude}&mlon=${v.longitude}#map=18/${v.latitude}/${v.longitude}` };
  }
  return { kind: 'map', url: `https://www.openstreetmap.org/search?query=${encodeURIComponent(fullAddress(v))}` };
}

/** The QR code as an SVG data URL (generated on the device: no online service). */
export function qrDataUrl(text: string): string {
  const svg = renderSVG(text, { border: 1, ecc: 'M', pixelSize: 4 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
