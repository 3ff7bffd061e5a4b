/** Minimal wire-adapter plumbing shared by the stand-ins (the shape the LWC engine calls). */

export type WireConfig = Record<string, unknown>;

/** What a wired property or method receives. */
export interface WireValue<T> {
  data: T | undefined;
  error: unknown;
}

export type DataCallback<T> = (value: WireValue<T>) => void;

/**
 * A wire adapter that (re)loads whenever it is connected and has a complete config: a config with
 * an undefined value is not provisioned, as on the platform. Late responses of a superseded config
 * are dropped.
 */
export abstract class LoadingWireAdapter<T> {
  private config: WireConfig | undefined;
  private connected = false;
  private version = 0;

  constructor(private readonly dataCallback: DataCallback<T>) {}

  protected abstract load(config: WireConfig): Promise<T>;

  update(config: WireConfig): void {
    this.config = config;
    if (this.connected) void this.refresh();
  }

  connect(): void {
    this.connected = true;
    if (this.config) void this.refresh();
  }

  disconnect(): void {
    this.connected = false;
    this.version++;
  }

  /** Loads again with the current config; resolves once the new value is provisioned. */
  async refresh(): Promise<void> {
    const config = this.config;
    if (!config || Object.values(config).some((value) => value === undefined)) return;
    const version = ++this.version;
    let value: WireValue<T>;
    try {
      value = { data: await this.load(config), error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    if (version === this.version) this.provision(value);
  }

  protected provision(value: WireValue<T>): void {
    this.dataCallback(value);
  }
}
