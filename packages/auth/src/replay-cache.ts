/**
 * The ids of signed identities already accepted, each kept until its signature expires, so a
 * captured header cannot be sent again. Bounded: past `capacity` live ids the oldest (the closest
 * to expiry anyway) are forgotten first. One per subgraph process; instances behind a load
 * balancer each keep their own, which is why the validity window is short.
 */
export class ReplayCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  /** Records the id; false when it was already seen and has not expired. */
  firstUse(id: string, expiresAt: number, now: number): boolean {
    this.forgetExpired(now);
    if (this.expiries.has(id)) return false;
    if (this.expiries.size >= this.capacity) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    this.expiries.set(id, expiresAt);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  // Ids arrive in (nearly) expiry order, so expired ones sit at the front of the Map.
  private forgetExpired(now: number): void {
    for (const [id, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(id);
    }
  }
}
