/** Open connections per user on this gateway instance, capped. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Counts one more connection for `user`, or returns false when the user is at the cap. */
  tryOpen(user: string): boolean {
    const count = this.open.get(user) ?? 0;
    if (count >= this.maxPerUser) return false;
    this.open.set(user, count + 1);
    return true;
  }

  release(user: string): void {
    const count = (this.open.get(user) ?? 0) - 1;
    if (count > 0) this.open.set(user, count);
    else this.open.delete(user);
  }

  get total(): number {
    let total = 0;
    for (const count of this.open.values()) total += count;
    return total;
  }
}
