/**
 * music-catalog-service's domain: album and song operations over the catalog's tables. Nothing here
 * sees HTTP; errors are the typed errors the service's advice maps (contract §1.4 MC).
 */
import { Albums } from "./albums.js";
import type { CatalogCollections } from "./collections.js";
import { Songs } from "./songs.js";

export interface CatalogDomain {
  albums: Albums;
  songs: Songs;
}

export function createCatalogDomain(collections: CatalogCollections): CatalogDomain {
  return { albums: new Albums(collections), songs: new Songs(collections) };
}
