/**
 * Remembers the newest `capacity` values by key (oldest forgotten first); a rejected promise is
 * forgotten at once so the next caller tries again.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = make();
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as string);
    if (value instanceof Promise) {
      value.catch(() => {
        if (this.values.get(key) === value) this.values.delete(key);
      });
    }
    return value;
  }

  /** Replaces the value under `key` (e.g. a settled promise by its result), if it is still `expected`. */
  replace(key: string, expected: V, value: V): void {
    if (this.values.get(key) === expected) this.values.set(key, value);
  }
}
