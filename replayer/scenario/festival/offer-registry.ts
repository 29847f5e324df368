/**
 * Offers that may be PENDING, shared by all virtual users of a run. The real band-service's
 * duplicate check compares swapped ids: a PENDING offer with bandId = M and invitedMusicianId = B
 * blocks a new offer for musician M to join band B (api-contract §4.3, Q13). Users of one run
 * can collide that way through ids alone, so each reserves its offer here before sending it and
 * asks here before inviting.
 */
export class OfferRegistry {
  private readonly pending = new Map<string, number>();

  reserve(bandId: number, musicianId: number): void {
    const key = `${bandId}:${musicianId}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  /** The offer is known not to be pending any more (it was rejected, or never created). */
  release(bandId: number, musicianId: number): void {
    const key = `${bandId}:${musicianId}`;
    const count = this.pending.get(key) ?? 0;
    if (count <= 1) this.pending.delete(key);
    else this.pending.set(key, count - 1);
  }

  /** Whether inviting `musicianId` into `bandId` would hit the swapped duplicate check. */
  blocks(bandId: number, musicianId: number): boolean {
    return this.pending.has(`${musicianId}:${bandId}`);
  }
}
