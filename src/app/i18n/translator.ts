// The part of i18next the app uses, in about 1 kB instead of 15 (issue 17: the first screen's
// JavaScript). Same JSON files, same lookups: `ns:key.path`, a namespace list tried in order,
// the chosen language then French, i18next's v4 plural suffixes (`_zero` first when the count
// is 0, then the language's own CLDR form from Intl.PluralRules, then the bare key), `{{name}}`
// interpolation without escaping (a variable not passed stays as written, one passed as
// undefined becomes empty), `defaultValue`, and the events the app listens to. Checked key for
// key against i18next itself in tests/unit/i18n-translator.test.ts.

export type Tree = { [key: string]: string | Tree };
export type TOptions = { lng?: string; ns?: string | readonly string[]; count?: unknown; defaultValue?: string; [variable: string]: unknown };
export type Translate = (key: string, options?: TOptions) => string;
type Listener = (lng: string) => void;

export interface TranslatorConfig {
  fallbackLng: string;
  supportedLngs: readonly string[];
  defaultNS: string;
  /** reads one namespace of one language (a missing file answers {}) */
  load: (lng: string, ns: string) => Promise<Tree>;
}

const VARIABLE = /{{(.+?)}}/g;

export class Translator {
  language = '';
  resolvedLanguage = '';
  isInitialized = false;
  private store: Record<string, Record<string, Tree>> = {};
  private loading: Record<string, Promise<void>> = {};
  /** namespaces in use: loaded for every language the app switches to */
  private namespaces: string[];
  private listeners: Record<string, Listener[]> = {};
  private changingTo = '';
  private rules: Record<string, Intl.PluralRules> = {};

  constructor(private readonly cfg: TranslatorConfig) {
    this.namespaces = [cfg.defaultNS];
  }

  /** Starts with `lng` (or the fallback when Kariole does not speak it); `bundled` is already in the page. */
  async init(lng: string, bundled: Record<string, Record<string, Tree>> = {}): Promise<void> {
    for (const [l, byNs] of Object.entries(bundled)) for (const [ns, tree] of Object.entries(byNs)) this.addResourceBundle(l, ns, tree);
    await this.changeLanguage(lng);
    this.isInitialized = true;
  }

  addResourceBundle(lng: string, ns: string, tree: Tree): void {
    (this.store[lng] ??= {})[ns] = tree;
  }

  on(event: 'languageChanged' | 'loaded', fn: Listener): void {
    (this.listeners[event] ??= []).push(fn);
  }

  off(event: 'languageChanged' | 'loaded', fn: Listener): void {
    this.listeners[event] = (this.listeners[event] ?? []).filter((f) => f !== fn);
  }

  private emit(event: string, lng: string) {
    for (const fn of [...(this.listeners[event] ?? [])]) fn(lng);
  }

  /** The language then the fallback, as i18next resolves them. */
  private codes(lng: string): string[] {
    return lng === this.cfg.fallbackLng ? [lng] : [lng, this.cfg.fallbackLng];
  }

  private loadOne(lng: string, ns: string): Promise<void> {
    if (this.store[lng]?.[ns]) return Promise.resolve();
    const id = `${lng}|${ns}`;
    return (this.loading[id] ??= this.cfg.load(lng, ns).then(
      (tree) => {
        this.addResourceBundle(lng, ns, tree);
        this.emit('loaded', lng);
      },
      () => {
        // Offline with that chunk not cached: French (bundled or cached) answers; a later call retries.
        delete this.loading[id];
      },
    ));
  }

  private async loadAll(lngs: readonly string[], namespaces: readonly string[]): Promise<void> {
    await Promise.all(lngs.flatMap((l) => this.codes(l)).flatMap((l) => namespaces.map((ns) => this.loadOne(l, ns))));
  }

  loadNamespaces(ns: string | readonly string[]): Promise<void> {
    const list = typeof ns === 'string' ? [ns] : ns;
    for (const n of list) if (!this.namespaces.includes(n)) this.namespaces.push(n);
    return this.loadAll([this.language || this.cfg.fallbackLng], list);
  }

  loadLanguages(lngs: string | readonly string[]): Promise<void> {
    return this.loadAll(typeof lngs === 'string' ? [lngs] : lngs, this.namespaces);
  }

  hasLoadedNamespace(ns: string): boolean {
    return this.codes(this.language || this.cfg.fallbackLng).every((l) => this.store[l]?.[ns] !== undefined);
  }

  /** Loads the namespaces in use for `lng`, then switches (the last call wins) and tells the listeners. */
  async changeLanguage(lng: string): Promise<Translate> {
    const to = this.cfg.supportedLngs.includes(lng) ? lng : this.cfg.fallbackLng;
    this.changingTo = to;
    await this.loadAll([to], this.namespaces);
    if (this.changingTo === to) {
      this.language = this.resolvedLanguage = to;
      this.emit('languageChanged', to);
    }
    return this.t;
  }

  private rule(lng: string): Intl.PluralRules {
    return (this.rules[lng] ??= new Intl.PluralRules(lng));
  }

  private lookup(key: string, o: TOptions): string | undefined {
    let namespaces: readonly string[] = typeof o.ns === 'string' ? [o.ns] : (o.ns ?? [this.cfg.defaultNS]);
    const colon = key.indexOf(':');
    if (colon > -1) {
      namespaces = [key.slice(0, colon)];
      key = key.slice(colon + 1);
    }
    const count = o.count;
    const plural = count !== undefined && typeof count !== 'string';
    const path = key.split('.');
    const last = path.pop() ?? '';
    for (const ns of namespaces) {
      for (const code of this.codes(o.lng ?? this.language ?? this.cfg.fallbackLng)) {
        const tree = this.store[code]?.[ns];
        if (!tree) continue;
        let node: string | Tree | undefined = tree;
        for (const p of path) node = typeof node === 'object' ? node[p] : undefined;
        if (typeof node !== 'object') continue;
        const candidates = plural ? [...(count === 0 ? [`${last}_zero`] : []), `${last}_${this.rule(code).select(count as number)}`, last] : [last];
        for (const c of candidates) {
          const v: string | Tree | undefined = node[c];
          if (typeof v === 'string') return v;
        }
      }
    }
    return undefined;
  }

  exists = (key: string, options: TOptions = {}): boolean => this.lookup(key, options) !== undefined;

  t: Translate = (key, options = {}) => {
    const found = this.lookup(key, options) ?? options.defaultValue;
    if (found === undefined) return key.slice(key.indexOf(':') + 1);
    return found.replace(VARIABLE, (whole, name: string) => {
      const v = name.trim();
      if (!(v in options)) return whole;
      const value = options[v];
      return value == null ? '' : String(value);
    });
  };

  /** A `t` bound to a language (null: the current one) and a namespace (or a list tried in order). */
  getFixedT(lng: string | null, ns?: string | readonly string[]): Translate {
    return (key, options = {}) => this.t(key, { ...options, lng: options.lng ?? lng ?? undefined, ns: options.ns ?? ns });
  }
}
