/**
 * A search run as the user types (the register, the meetings, Set-up's people): at once when
 * none is running, otherwise once more when the running one has finished, for the words as
 * they then stand. One search at a time, so fast typing does not queue a search a key, and no
 * pause before the first (a search in the store takes milliseconds).
 */
export function asYouType(search: () => Promise<unknown>): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await search();
      } while (again);
    } finally {
      running = false;
    }
  };
}
