/**
 * The statements Hibernate 6.6 generates for the two entities (attributes in alphabetical order,
 * `default` for the identity column); they appear inside the 500 messages of failed writes.
 */
export const INSERT_ALBUM = "insert into album (band_id,release_date,title,id) values (?,?,?,default)";
export const UPDATE_ALBUM = "update album set band_id=?,release_date=?,title=? where id=?";
export const INSERT_SONG = "insert into song (album_id,band_id,duration,name,id) values (?,?,?,?,default)";
export const UPDATE_SONG = "update song set album_id=?,band_id=?,duration=?,name=? where id=?";
