/** Bytes in the language's own units (French "Mo"/"Go", English "MB"/"GB", Arabic "م.ب"), by Intl. */
export function formatBytes(n: number, lang: string): string {
  // from kilobytes up: Intl has no plural for a bare "byte" in every language
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  n /= 1024;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}
