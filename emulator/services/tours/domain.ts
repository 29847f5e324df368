/**
 * tour-service's domain: tours, the visits of a tour, and city visits. Nothing here sees HTTP;
 * errors are the typed errors the service's advice maps (contract §1.4 TS, TS-IAE).
 */
import { CityVisits } from "./city-visits.js";
import type { TourCollections } from "./collections.js";
import { TourVisits } from "./tour-visits.js";
import { Tours } from "./tours.js";

export interface TourDomain {
  tours: Tours;
  tourVisits: TourVisits;
  cityVisits: CityVisits;
}

export function createTourDomain(collections: TourCollections): TourDomain {
  return {
    tours: new Tours(collections),
    tourVisits: new TourVisits(collections),
    cityVisits: new CityVisits(collections),
  };
}
