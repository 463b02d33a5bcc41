/** Every message between the page and the service worker (one discriminated union, never bare strings). */
export type PageToSw =
  | { type: 'SKIP_WAITING' }
  | { type: 'GET_VERSION' };

export type SwToPage = { type: 'VERSION'; buildId: string };

export function isPageToSw(data: unknown): data is PageToSw {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

export function isSwToPage(data: unknown): data is SwToPage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}
