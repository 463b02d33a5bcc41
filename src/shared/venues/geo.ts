/** A point in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Straight-line distance in km (haversine), as the national map shows it. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point of a place, when it has coordinates. */
export function venuePoint(v: { latitude?: number | undefined; longitude?: number | undefined }): LatLon | undefined {
  return v.latitude !== undefined && v.longitude !== undefined ? { lat: v.latitude, lon: v.longitude } : undefined;
}
