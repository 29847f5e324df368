/**
 * Reference and subject measured in turns, in several short rounds, so that whatever else the
 * machine is doing hits both about equally. Odd rounds swap the order (A B, B A, A B, …), so a
 * slow drift (a neighbour's build starting) does not always favour the one measured first.
 */

export interface Alternated<A, B> {
  readonly a: A[];
  readonly b: B[];
  /** Who went first in each round. */
  readonly order: ("a" | "b")[];
}

export async function alternate<A, B>(
  rounds: number,
  measureA: (round: number) => Promise<A>,
  measureB: (round: number) => Promise<B>,
): Promise<Alternated<A, B>> {
  const result: Alternated<A, B> = { a: [], b: [], order: [] };
  for (let round = 0; round < rounds; round++) {
    const aFirst = round % 2 === 0;
    result.order.push(aFirst ? "a" : "b");
    if (aFirst) {
      result.a.push(await measureA(round));
      result.b.push(await measureB(round));
    } else {
      result.b.push(await measureB(round));
      result.a.push(await measureA(round));
    }
  }
  return result;
}
