/**
 * The statements Hibernate 6.6 generates for tour-service's entities and its join table; they
 * appear inside the 500 messages of failed writes.
 */
export const INSERT_TOUR = "insert into tour (band_id,tour_name,id) values (?,?,default)";
export const UPDATE_TOUR = "update tour set band_id=?,tour_name=? where id=?";
export const INSERT_CITY_VISIT =
  "insert into city_visit (city_name,date_from,date_to,id) values (?,?,?,default)";
export const UPDATE_CITY_VISIT = "update city_visit set city_name=?,date_from=?,date_to=? where id=?";
export const DELETE_CITY_VISIT = "delete from city_visit where id=?";
export const INSERT_TOUR_VISIT = "insert into tour_city_visits (tour_id,city_visits_id) values (?,?)";

/** Hibernate's generated names for the join table's constraints (a hash of table and columns). */
export const JOIN_TABLE_FK = "FKRB0HGKQ5Q3UQ4B4KUO1BGM5CY";
export const JOIN_TABLE_UK = "UK5XQ2D9BA4XLY3HSMVDW1N4AC0";
export const JOIN_TABLE_REFERENCE =
  "PUBLIC.TOUR_CITY_VISITS FOREIGN KEY(CITY_VISITS_ID) REFERENCES PUBLIC.CITY_VISIT(ID)";
export const JOIN_TABLE_ELEMENT = "PUBLIC.TOUR_CITY_VISITS(CITY_VISITS_ID NULLS FIRST)";
